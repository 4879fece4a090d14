// One input file through decode -> processor -> sinks: the clean text written atomically, the
// reports written beside it. Any failure of this file (unreadable, not text) becomes a result
// that names the reason, so the batch goes on.
import {readFile} from 'node:fs/promises'
import {resolve} from 'node:path'
import {cleanDecoded} from '../clean.js'
import {decode} from '../read/decode.js'
import {htmlToText, isHtml} from '../read/html.js'
import {isJsonl} from '../read/jsonl.js'
import type {InputEntry} from '../read/walk.js'
import {buildFileRecord} from '../report/record.js'
import type {FileRecord, FileResult} from '../report/types.js'
import {fileReportPaths, writeFileReports} from '../report/write.js'
import {writeFileAtomic} from '../write/atomic.js'
import {cleanOutputPath} from '../write/outputs.js'
import type {DocumentContext} from './context.js'
import {cleanJsonlFile} from './jsonl.js'

export async function cleanFile(entry: InputEntry, context: DocumentContext): Promise<FileResult> {
  try {
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
  if (resolve(outputPath) === resolve(entry.inputPath)) {
    throw new Error(`the output path is the input itself; choose another --out folder`)
  }
  if (isJsonl(entry.relativePath)) {
    const reportPaths = context.reportDir ? fileReportPaths(context.reportDir, entry.relativePath) : undefined
    return cleanJsonlFile(entry, context, outputPath, reportPaths)
  }
  const bytes = await readFile(entry.inputPath)
  const decoded = decode(bytes, {encoding: context.encoding})
  const {text, decoding} = isHtml(entry.relativePath) ? {...decoded, text: htmlToText(decoded.text)} : decoded
  const outcome = await cleanDecoded(context.processor, text, decoding, entry.inputPath, entry.relativePath)
  outcome.relativePath = entry.relativePath
  if (!context.check) outcome.outputPath = outputPath
  if (context.check) return buildFileRecord(outcome)
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
