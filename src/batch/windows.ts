// A large text file cleaned in windows, so memory does not grow with the file: past
// `windowedFrom` bytes, a plain-text input is read as a stream of lines and cleaned a window of
// about `windowLength` characters of whole paragraphs at a time, each window a document whose
// lines are numbered as in the file. dedupe-paragraphs still finds first copies anywhere earlier
// in the file (by key, in a table of at most 16 bytes a paragraph); what needs context (the
// encoding repair, the sentence and near-duplicate searches) sees its window. The clean text is
// written window after window; the report is kept like a JSONL file's, a window in place of a
// record. A line longer than `maxParagraphLength` characters fails the file with a message
// naming the limit.
import {stat} from 'node:fs/promises'
import {cleanDecoded} from '../clean.js'
import {MemorySeenStore} from '../dedupe/store.js'
import {isHtml} from '../read/html.js'
import {isJsonl, openJsonl} from '../read/jsonl.js'
import {type InputEntry, openablePath} from '../read/walk.js'
import {JsonlFileRecord} from '../report/jsonl.js'
import type {FileRecord} from '../report/types.js'
import {createJsonlReport, type FileReportPaths} from '../report/write.js'
import {createAtomicStream, writeChunk} from '../write/atomic.js'
import type {DocumentContext} from './context.js'

// Plain-text inputs larger than this (bytes) are cleaned in windows.
export const windowedFrom = 8 * 1024 * 1024
// A window closes at the first paragraph end past this many characters.
export const windowLength = 1024 * 1024
// The longest paragraph (one line) a windowed file may hold, in characters (UTF-16 code units).
export const maxParagraphLength = 16 * 1024 * 1024

// Whether the input is cleaned in windows: a plain-text file (not HTML, not JSONL) past the size.
export async function isWindowed(entry: InputEntry): Promise<boolean> {
  if (isHtml(entry.relativePath) || isJsonl(entry.relativePath)) return false
  return (await stat(openablePath(entry))).size > windowedFrom
}

// Whether cleaning the input makes one claim of paragraph keys (a document) or one a record or
// window (JSONL, windowed text). An input that cannot even be looked at makes none.
export async function claimsOnce(entry: InputEntry): Promise<boolean> {
  if (isJsonl(entry.relativePath)) return false
  return !(await isWindowed(entry).catch(() => false))
}

export interface WindowLimits {
  windowLength: number
  maxParagraphLength: number
}

export async function cleanWindowedFile(
  entry: InputEntry,
  context: DocumentContext,
  outputPath: string,
  reportPaths?: FileReportPaths,
  limits: WindowLimits = {windowLength, maxParagraphLength},
): Promise<FileRecord> {
  const output = context.check ? undefined : await createAtomicStream(outputPath)
  const report = reportPaths && !context.check ? await createJsonlReport(reportPaths) : undefined
  try {
    const {decoding, lines} = await openJsonl(openablePath(entry), {
      gzip: false,
      encoding: context.encoding,
      maxLineLength: limits.maxParagraphLength,
    })
    const file = new JsonlFileRecord({
      ...entry,
      outputPath: context.check ? null : outputPath,
      decoding,
      entries: report !== undefined,
    })
    const earlierWindows = new MemorySeenStore()
    let window: string[] = []
    let windowSize = 0
    let firstLine = 1
    const cleanWindow = async () => {
      const text = window.join('')
      const data = {firstLine, earlierWindows, relativePath: entry.relativePath}
      const outcome = await cleanDecoded(context.processor, text, file.recordDecoding, entry.inputPath, data)
      const reportEntry = file.addWindow(outcome, firstLine)
      if (reportEntry && report) await report.add(reportEntry)
      if (output) await writeChunk(output.stream, outcome.clean)
      firstLine += window.length
      window = []
      windowSize = 0
    }
    for await (const {line, ending} of lines) {
      window.push(line + ending)
      windowSize += line.length
      if (windowSize >= limits.windowLength) await cleanWindow()
    }
    if (window.length > 0) await cleanWindow()
    const record = file.toRecord()
    await output?.commit()
    await report?.commit(record)
    return record
  } catch (error) {
    await output?.abort()
    await report?.abort()
    throw error
  }
}
