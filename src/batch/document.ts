// One input file through decode -> processor -> sinks: the clean text written atomically, the
// reports written beside it. Any failure of this file (unreadable, not text) becomes a result
// that names the reason, so the batch goes on; a failing seen store stops the batch.
import {readFile, rm} from 'node:fs/promises'
import {cleanDecoded} from '../clean.js'
import type {Decoding} from '../data.js'
import {ownerOf} from '../dedupe/owner.js'
import {StoreError} from '../dedupe/store.js'
import {type Decoded, decode} from '../read/decode.js'
import {describeError} from '../read/errors.js'
import {htmlToText, isHtml} from '../read/html.js'
import {isJsonl} from '../read/jsonl.js'
import {type InputEntry, openablePath} from '../read/walk.js'
import {buildFileRecord, buildSummaryRecord} from '../report/record.js'
import type {CleanedDocument, FileRecord, FileResult} from '../report/types.js'
import {fileReportPaths, writeFileReports} from '../report/write.js'
import {writeFileAtomic} from '../write/atomic.js'
import {cleanOutputPath} from '../write/outputs.js'
import type {DocumentContext} from './context.js'
import {bytePathSettings, cleanOnBytes} from './dedupe-bytes.js'
import {cleanJsonlFile} from './jsonl.js'
import {assertWritesInside} from './paths.js'
import {cleanWindowedFile, isWindowed} from './windows.js'

export async function cleanFile(entry: InputEntry, context: DocumentContext): Promise<FileResult> {
  try {
    if (entry.failure) throw new Error(entry.failure)
    return {status: 'done', record: await cleanReadableFile(entry, context)}
  } catch (error) {
    return failedResult(entry, error)
  }
}

// A file that failed, with the reason in words; a failing seen store stops the batch instead.
export function failedResult(
  entry: Pick<InputEntry, 'inputPath' | 'relativePath'>,
  error: unknown,
): Extract<FileResult, {status: 'failed'}> {
  if (error instanceof StoreError) throw error
  return {status: 'failed', inputPath: entry.inputPath, relativePath: entry.relativePath, reason: describeError(error)}
}

async function cleanReadableFile(entry: InputEntry, context: DocumentContext): Promise<FileRecord> {
  const outputPath = await checkedOutputPath(entry, context)
  if (isJsonl(entry.relativePath)) {
    const reportPaths = context.reportDir ? fileReportPaths(context.reportDir, entry.relativePath) : undefined
    return cleanJsonlFile(entry, context, outputPath, reportPaths)
  }
  if (await isWindowed(entry)) {
    const reportPaths = context.reportDir ? fileReportPaths(context.reportDir, entry.relativePath) : undefined
    return cleanWindowedFile(entry, context, outputPath, reportPaths)
  }
  const settings = bytePathSettings(context, entry.relativePath)
  const onBytes = settings && (await cleanOnBytes(entry, settings, context))
  if (onBytes && 'record' in onBytes) return onBytes.record
  const bytes = onBytes ? onBytes.notUtf8 : await readFile(openablePath(entry))
  const owner = context.owners ? await ownerOf(entry.relativePath, bytes) : undefined
  const {text, decoding} = await decodeDocument(entry, bytes, context)
  const outcome = await cleanDecoded(context.processor, text, decoding, entry.inputPath, {
    owner,
    relativePath: entry.relativePath,
    countOnly: !readsMessages(context),
  })
  return writeCleaned(outcome, entry, context)
}

// Whether anything reads a document's fixes and removals: a report, or a record of every message.
function readsMessages(context: Omit<DocumentContext, 'processor'>): boolean {
  return context.resultMessages !== 'doubts' || (context.reportDir !== undefined && !context.check)
}

// Where the clean text goes, after checking that it and the reports stay inside their folders
// (a symbolic link inside an output folder never leads a write out of it).
export async function checkedOutputPath(
  entry: InputEntry,
  context: Pick<DocumentContext, 'outDir' | 'reportDir' | 'check'>,
): Promise<string> {
  const outputPath = cleanOutputPath(context.outDir, entry.relativePath)
  if (context.check) return outputPath
  await assertWritesInside(context.outDir, outputPath)
  if (context.reportDir) {
    await assertWritesInside(context.reportDir, fileReportPaths(context.reportDir, entry.relativePath).json)
  }
  return outputPath
}

export interface ReadDocument {
  text: string
  decoding: Decoding
  // The input's bytes, for its owner in a seen store (dedupe/owner.ts).
  bytes: Uint8Array
}

// A text or HTML input as text (HTML pages as their extracted text).
export async function readDocument(entry: InputEntry, context: {encoding?: string}): Promise<ReadDocument> {
  const bytes = await readFile(openablePath(entry))
  return {...(await decodeDocument(entry, bytes, context)), bytes}
}

async function decodeDocument(entry: InputEntry, bytes: Uint8Array, context: {encoding?: string}): Promise<Decoded> {
  const decoded = decode(bytes, {encoding: context.encoding})
  return isHtml(entry.relativePath) ? {...decoded, text: await htmlToText(decoded.text)} : decoded
}

// The clean text written atomically and the reports beside it, unless `--check`. A file whose
// reports fail leaves no output that looks complete.
export async function writeCleaned(
  outcome: CleanedDocument,
  entry: InputEntry,
  context: Omit<DocumentContext, 'processor'>,
): Promise<FileRecord> {
  outcome.relativePath = entry.relativePath
  const recordOf = context.resultMessages === 'doubts' ? buildSummaryRecord : buildFileRecord
  if (context.check) return recordOf(outcome)
  const outputPath = cleanOutputPath(context.outDir, entry.relativePath)
  outcome.outputPath = outputPath
  await writeFileAtomic(outputPath, outcome.clean)
  if (!context.reportDir) return recordOf(outcome)
  try {
    return await writeFileReports(context.reportDir, outcome)
  } catch (error) {
    await rm(outputPath, {force: true})
    throw error
  }
}
