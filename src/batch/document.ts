// One input file through decode -> processor -> sinks: the clean text written atomically, the
// reports written beside it. Any failure of this file (unreadable, not text) becomes a result
// that names the reason, so the batch goes on.
import {readFile, rm} from 'node:fs/promises'
import {cleanDecoded} from '../clean.js'
import {decode} from '../read/decode.js'
import {describeError} from '../read/errors.js'
import {htmlToText, isHtml} from '../read/html.js'
import {isJsonl} from '../read/jsonl.js'
import {type InputEntry, openablePath} from '../read/walk.js'
import {buildFileRecord} from '../report/record.js'
import type {FileRecord, FileResult} from '../report/types.js'
import {fileReportPaths, writeFileReports} from '../report/write.js'
import {writeFileAtomic} from '../write/atomic.js'
import {cleanOutputPath} from '../write/outputs.js'
import type {DocumentContext} from './context.js'
import {cleanJsonlFile} from './jsonl.js'
import {assertWritesInside} from './paths.js'

export async function cleanFile(entry: InputEntry, context: DocumentContext): Promise<FileResult> {
  try {
    if (entry.failure) throw new Error(entry.failure)
    return {status: 'done', record: await cleanReadableFile(entry, context)}
  } catch (error) {
    return {
      status: 'failed',
      inputPath: entry.inputPath,
      relativePath: entry.relativePath,
      reason: describeError(error),
    }
  }
}

async function cleanReadableFile(entry: InputEntry, context: DocumentContext): Promise<FileRecord> {
  const outputPath = cleanOutputPath(context.outDir, entry.relativePath)
  const reportPaths = context.reportDir ? fileReportPaths(context.reportDir, entry.relativePath) : undefined
  if (!context.check) {
    await assertWritesInside(context.outDir, outputPath)
    if (context.reportDir && reportPaths) await assertWritesInside(context.reportDir, reportPaths.json)
  }
  if (isJsonl(entry.relativePath)) return cleanJsonlFile(entry, context, outputPath, reportPaths)
  const bytes = await readFile(openablePath(entry))
  const decoded = decode(bytes, {encoding: context.encoding})
  const {text, decoding} = isHtml(entry.relativePath) ? {...decoded, text: htmlToText(decoded.text)} : decoded
  const outcome = await cleanDecoded(context.processor, text, decoding, entry.inputPath)
  outcome.relativePath = entry.relativePath
  if (!context.check) outcome.outputPath = outputPath
  if (context.check) return buildFileRecord(outcome)
  await writeFileAtomic(outputPath, outcome.clean)
  if (!context.reportDir) return buildFileRecord(outcome)
  try {
    return await writeFileReports(context.reportDir, outcome)
  } catch (error) {
    // A failed file leaves no output that looks complete.
    await rm(outputPath, {force: true})
    throw error
  }
}
