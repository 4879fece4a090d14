// One input file through decode -> processor -> sinks: the clean text written atomically, the
// reports written beside it. Any failure of this file (unreadable, not text) becomes a result
// that names the reason, so the batch goes on; a failing seen store stops the batch.
import {readFile} from 'node:fs/promises'
import {resolve} from 'node:path'
import {cleanDecoded} from '../clean.js'
import type {Decoding} from '../data.js'
import {ownerOf} from '../dedupe/owner.js'
import {StoreError} from '../dedupe/store.js'
import {decode} from '../read/decode.js'
import {htmlToText, isHtml} from '../read/html.js'
import {isJsonl} from '../read/jsonl.js'
import type {InputEntry} from '../read/walk.js'
import {buildFileRecord} from '../report/record.js'
import type {CleanedDocument, FileRecord, FileResult} from '../report/types.js'
import {fileReportPaths, writeFileReports} from '../report/write.js'
import {writeFileAtomic} from '../write/atomic.js'
import {cleanOutputPath} from '../write/outputs.js'
import type {DocumentContext} from './context.js'
import {cleanJsonlFile} from './jsonl.js'

export async function cleanFile(entry: InputEntry, context: DocumentContext): Promise<FileResult> {
  try {
    return {status: 'done', record: await cleanReadableFile(entry, context)}
  } catch (error) {
    if (error instanceof StoreError) throw error
    return {
      status: 'failed',
      inputPath: entry.inputPath,
      relativePath: entry.relativePath,
      reason: describeError(error),
    }
  }
}

async function cleanReadableFile(entry: InputEntry, context: DocumentContext): Promise<FileRecord> {
  const outputPath = checkedOutputPath(entry, context.outDir)
  if (isJsonl(entry.relativePath)) {
    const reportPaths = context.reportDir ? fileReportPaths(context.reportDir, entry.relativePath) : undefined
    return cleanJsonlFile(entry, context, outputPath, reportPaths)
  }
  const {text, decoding, owner} = await readDocument(entry, context)
  const outcome = await cleanDecoded(context.processor, text, decoding, entry.inputPath, owner)
  return writeCleaned(outcome, entry, context)
}

// Where the clean text goes; never the input itself.
export function checkedOutputPath(entry: InputEntry, outDir: string): string {
  const outputPath = cleanOutputPath(outDir, entry.relativePath)
  if (resolve(outputPath) === resolve(entry.inputPath)) {
    throw new Error(`the output path is the input itself; choose another --out folder`)
  }
  return outputPath
}

export interface ReadDocument {
  text: string
  decoding: Decoding
  // The document's owner in a seen store (dedupe/owner.ts).
  owner: string
}

// A text or HTML input as text (HTML pages as their extracted text).
export async function readDocument(entry: InputEntry, context: {encoding?: string}): Promise<ReadDocument> {
  const bytes = await readFile(entry.inputPath)
  const decoded = decode(bytes, {encoding: context.encoding})
  const {text, decoding} = isHtml(entry.relativePath) ? {...decoded, text: htmlToText(decoded.text)} : decoded
  return {text, decoding, owner: await ownerOf(entry.relativePath, bytes)}
}

// The clean text written atomically and the reports beside it, unless `--check`.
export async function writeCleaned(
  outcome: CleanedDocument,
  entry: InputEntry,
  context: Omit<DocumentContext, 'processor'>,
): Promise<FileRecord> {
  outcome.relativePath = entry.relativePath
  if (context.check) return buildFileRecord(outcome)
  const outputPath = cleanOutputPath(context.outDir, entry.relativePath)
  outcome.outputPath = outputPath
  await writeFileAtomic(outputPath, outcome.clean)
  return context.reportDir ? writeFileReports(context.reportDir, outcome) : buildFileRecord(outcome)
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return 'no such file'
    if (code === 'EACCES') return 'permission denied'
    if (code === 'EISDIR') return 'is a folder'
    return error.message
  }
  return String(error)
}
