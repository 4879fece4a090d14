// A JSONL file (`.jsonl`, `.jsonl.gz`): one record is one document, its text in one field. Read
// (read/jsonl.ts) and written as streams, a line at a time, so a file of several GB is never held.
// Every other byte of a record stays as it was: the clean value is spliced into the original line.
// A line that is not JSON, has no string field or has it twice, passes through unchanged and is
// reported by number. The file's record and its report are built in report/jsonl.ts.
import {rm} from 'node:fs/promises'
import {cleanDecoded} from '../clean.js'
import {ownerOf} from '../dedupe/owner.js'
import {countField, findStringField, spliceStringField} from '../read/json-field.js'
import {openJsonl} from '../read/jsonl.js'
import {type InputEntry, openablePath} from '../read/walk.js'
import {JsonlFileRecord, type RecordReport} from '../report/jsonl.js'
import type {FileRecord} from '../report/types.js'
import {createJsonlReport, type FileReportPaths} from '../report/write.js'
import {type AtomicStream, createAtomicStream, writeChunk} from '../write/atomic.js'
import type {DocumentContext} from './context.js'

export async function cleanJsonlFile(
  entry: InputEntry,
  context: DocumentContext,
  outputPath: string,
  reportPaths?: FileReportPaths,
): Promise<FileRecord> {
  const gzip = /\.gz$/i.test(entry.relativePath)
  const output = context.check ? undefined : await createAtomicStream(outputPath, {gzip})
  const report = reportPaths && !context.check ? await createJsonlReport(reportPaths).catch(abortOn(output)) : undefined
  let committed = false
  try {
    const {decoding, lines} = await openJsonl(openablePath(entry), {gzip, encoding: context.encoding})
    const file = new JsonlFileRecord({
      ...entry,
      outputPath: context.check ? null : outputPath,
      decoding,
      entries: report !== undefined,
    })
    for await (const {line, ending, number} of lines) {
      const cleaned = await cleanLine(line, number, context, file)
      if (cleaned.report && report) await report.add(cleaned.report)
      if (output) await writeChunk(output.stream, cleaned.line + ending)
    }
    const record = file.toRecord()
    await output?.commit()
    committed = output !== undefined
    await report?.commit(record)
    return record
  } catch (error) {
    await output?.abort()
    await report?.abort()
    // A failed file leaves no output that looks complete.
    if (committed) await rm(outputPath, {force: true})
    throw error
  }
}

// When the report cannot even start, the output's temporary file goes too.
function abortOn(output: AtomicStream | undefined): (error: unknown) => Promise<never> {
  return async (error) => {
    await output?.abort()
    throw error
  }
}

// A record's owner in a store is its file, its line number and the digest of the line's bytes.
const recordBytes = new TextEncoder()

interface CleanedLine {
  line: string
  // The record's report, when it changed or has messages.
  report?: RecordReport
}

async function cleanLine(
  line: string,
  number: number,
  context: DocumentContext,
  file: JsonlFileRecord,
): Promise<CleanedLine> {
  if (line.trim() === '') return {line}
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch (error) {
    file.fail(number, `Line ${number} is not valid JSON (${(error as Error).message}); passed through unchanged`)
    return {line}
  }
  if (countField(line, context.field) > 1) {
    file.warn(number, `Line ${number} has the field \`${context.field}\` more than once; passed through unchanged`)
    return {line}
  }
  const span = findStringField(line, context.field)
  const text = span && (value as Record<string, unknown>)[context.field]
  if (typeof text !== 'string') {
    file.warn(number, `Line ${number} has no string field \`${context.field}\`; passed through unchanged`)
    return {line}
  }
  const owner = context.owners ? await ownerOf(`${file.relativePath}:${number}`, recordBytes.encode(line)) : undefined
  const outcome = await cleanDecoded(context.processor, text, file.recordDecoding, `${file.inputPath}:${number}`, {
    owner,
    relativePath: `${file.relativePath}:${number}`,
  })
  const clean = keepFinalBreakAsIs(text, outcome.clean)
  const report = file.add({...outcome, clean}, number, labelOf(value as Record<string, unknown>))
  return {line: clean === text ? line : spliceStringField(line, span!, clean), report}
}

const labelFields = ['id', '_id', 'uuid', 'doc_id', 'docid', 'url', 'title']

// The field a reviewer knows a record by, when it has one.
function labelOf(record: Record<string, unknown>): string | undefined {
  for (const field of labelFields) {
    const value = record[field]
    if (typeof value === 'string' || typeof value === 'number') return `${field}: ${value}`
  }
  return undefined
}

// The compiler ends a document with one LF; a record's value ends as the original did.
function keepFinalBreakAsIs(original: string, clean: string): string {
  return !original.endsWith('\n') && clean.endsWith('\n') ? clean.slice(0, -1) : clean
}
