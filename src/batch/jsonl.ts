// A JSONL file (`.jsonl`, `.jsonl.gz`): one record is one document, its text in one field. Read
// (read/jsonl.ts) and written as streams, a line at a time, so a file of several GB is never held. Every other
// byte of a record stays as it was: the clean value is spliced into the original line. A line
// that is not JSON, or has no string field, passes through unchanged and is reported by number.
import {cleanDecoded} from '../clean.js'
import {type Decoding, doubtAbout} from '../data.js'
import {findStringField, spliceStringField} from '../read/json-field.js'
import {openJsonl} from '../read/jsonl.js'
import type {InputEntry} from '../read/walk.js'
import {renderFileHtml} from '../report/html.js'
import {renderPatch} from '../report/patch.js'
import {buildFileRecord, type FileRecord, increment} from '../report/record.js'
import type {MessageRecord} from '../report/types.js'
import type {FileReportPaths} from '../report/write.js'
import {createAtomicStream, writeChunk, writeFileAtomic} from '../write/atomic.js'
import type {DocumentContext, FileResult} from './context.js'

// Records with many messages stay in the per-record report; the file's own list keeps the first.
const fileMessageLimit = 1000

export async function cleanJsonlFile(
  entry: InputEntry,
  context: DocumentContext,
  outputPath: string,
  reportPaths?: FileReportPaths,
): Promise<FileResult> {
  const gzip = /\.gz$/i.test(entry.relativePath)
  const output = context.check ? undefined : await createAtomicStream(outputPath, {gzip})
  const report = reportPaths && !context.check ? await createAtomicStream(reportPaths.json) : undefined
  try {
    const {decoding, lines} = await openJsonl(entry.inputPath, {gzip, encoding: context.encoding})
    const summary = new JsonlSummary(entry, context.check ? null : outputPath, decoding)
    if (report) await writeChunk(report.stream, '{"records":[\n')
    for await (const {line, ending, number} of lines) {
      const cleaned = await cleanLine(line, number, context, summary)
      if (cleaned.entry && report)
        await writeChunk(report.stream, (summary.reported++ > 0 ? ',\n' : '') + JSON.stringify(cleaned.entry))
      if (output) await writeChunk(output.stream, cleaned.line + ending)
    }
    const record = summary.toRecord()
    if (report) await writeChunk(report.stream, '\n],' + JSON.stringify(record).slice(1) + '\n')
    await output?.commit()
    await report?.commit()
    // The page gives the file's figures and what needs review; the diffs per record are in the .json.
    if (report && reportPaths) await writeFileAtomic(reportPaths.html, renderFileHtml(record))
    return {
      status: 'done',
      inputPath: entry.inputPath,
      relativePath: entry.relativePath,
      changed: record.changed,
      record,
    }
  } catch (error) {
    await output?.abort()
    await report?.abort()
    throw error
  }
}

interface CleanedLine {
  line: string
  // The per-record report entry, for records that changed or have messages.
  entry?: object
}

async function cleanLine(
  line: string,
  number: number,
  context: DocumentContext,
  summary: JsonlSummary,
): Promise<CleanedLine> {
  if (line.trim() === '') return {line}
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch (error) {
    summary.fail(number, `Line ${number} is not valid JSON (${(error as Error).message}); passed through unchanged`)
    return {line}
  }
  const span = findStringField(line, context.field)
  const text = span && (value as Record<string, unknown>)[context.field]
  if (typeof text !== 'string') {
    summary.warn(number, `Line ${number} has no string field \`${context.field}\`; passed through unchanged`)
    return {line}
  }
  const outcome = await cleanDecoded(context.processor, text, summary.recordDecoding, `${summary.inputPath}:${number}`)
  const clean = keepFinalBreakAsIs(text, outcome.clean)
  const record = buildFileRecord({...outcome, clean})
  summary.add(record, number)
  if (clean === text && record.messages.length === 0) return {line}
  // The file's paths and decoding are said once, in the file's record; the changed paragraphs
  // (which feed a review page) are in the patch already.
  const {relativePath, input, output, decoding, changes, firstCopies, ...rest} = record
  const entry = {
    line: number,
    ...rest,
    patch: renderPatch({relativePath: `${summary.relativePath}:${number}`, original: text, clean}),
  }
  return {line: clean === text ? line : spliceStringField(line, span!, clean), entry}
}

// The compiler ends a document with one LF; a record's value ends as the original did.
function keepFinalBreakAsIs(original: string, clean: string): string {
  return !original.endsWith('\n') && clean.endsWith('\n') ? clean.slice(0, -1) : clean
}

// The file-level record of a JSONL file: totals and counts over its records, and the warnings
// and errors (with their line numbers) for the terminal. Per-record detail is in the report.
class JsonlSummary {
  reported = 0
  private readonly record: FileRecord

  constructor(entry: InputEntry, output: string | null, decoding: Decoding) {
    this.record = {
      relativePath: entry.relativePath,
      input: entry.inputPath,
      output,
      decoding,
      changed: false,
      paragraphs: {in: 0, out: 0},
      totals: {removed: 0, fixes: 0, warnings: 0, errors: 0},
      counts: {plugins: {}, rules: {}},
      removed: [],
      firstCopies: [],
      changes: [],
      messages: [],
    }
    const doubt = doubtAbout(decoding)
    if (doubt) this.warn(1, doubt)
  }

  get inputPath(): string {
    return this.record.input
  }

  get relativePath(): string {
    return this.record.relativePath
  }

  add(record: FileRecord, line: number): void {
    const total = this.record
    total.changed ||= record.changed
    total.paragraphs.in += record.paragraphs.in
    total.paragraphs.out += record.paragraphs.out
    total.totals.removed += record.totals.removed
    total.totals.fixes += record.totals.fixes
    total.totals.warnings += record.totals.warnings
    total.totals.errors += record.totals.errors
    for (const [key, count] of Object.entries(record.counts.plugins)) increment(total.counts.plugins, key, count)
    for (const [key, count] of Object.entries(record.counts.rules)) increment(total.counts.rules, key, count)
    for (const message of record.messages) {
      if (message.severity !== 'info')
        this.keep({...message, reason: `Record on line ${line}: ${message.reason}`, line, column: null})
    }
  }

  fail(line: number, reason: string): void {
    this.record.totals.errors++
    this.keep(lineMessage('error', line, reason))
  }

  warn(line: number, reason: string): void {
    this.record.totals.warnings++
    this.keep(lineMessage('warning', line, reason))
  }

  // A doubtful guess is the file's, reported once on it, not on every record.
  get recordDecoding(): Decoding {
    return {...this.record.decoding, confidence: 1}
  }

  toRecord(): FileRecord {
    return this.record
  }

  private keep(message: MessageRecord): void {
    if (this.record.messages.length < fileMessageLimit) this.record.messages.push(message)
  }
}

function lineMessage(severity: 'error' | 'warning', line: number, reason: string): MessageRecord {
  return {
    severity,
    reason,
    line,
    column: null,
    ruleId: 'jsonl',
    source: 'newsclean',
    actual: null,
    expected: null,
    note: null,
    cause: null,
  }
}
