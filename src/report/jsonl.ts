// The report of a JSONL file (or of a large text file cleaned in windows, each window taking a
// record's place): one record per file, adding up the figures of its records, with the
// warnings and errors (each naming its line) for the terminal; and for each record that changed
// or has messages, an entry with its diff as a patch for the file's `.json`, and a section of
// the file's review page.
import {type Decoding, doubtAbout} from '../data.js'
import {addFigures, emptyFigures} from './figures.js'
import {renderRecordSection} from './html.js'
import {renderPatch} from './patch.js'
import {buildFileRecord} from './record.js'
import type {CleanedDocument, FileRecord, MessageRecord} from './types.js'

export interface RecordReport {
  entry: object
  // The record's part of the file's review page (HTML).
  section: string
}

// Records with many messages stay in the per-record report; the file's own list keeps the first.
const fileMessageLimit = 1000

export class JsonlFileRecord {
  private readonly record: FileRecord

  // Whether per-record entries (with their patches, the costly part) are wanted: a report is written.
  private readonly entries: boolean

  constructor(file: {
    relativePath: string
    inputPath: string
    outputPath: string | null
    decoding: Decoding
    entries: boolean
  }) {
    this.entries = file.entries
    this.record = {
      relativePath: file.relativePath,
      input: file.inputPath,
      output: file.outputPath,
      decoding: file.decoding,
      changed: false,
      ...emptyFigures(),
      removed: [],
      firstCopies: [],
      changes: [],
      messages: [],
      rejected: [],
    }
    const doubt = doubtAbout(file.decoding)
    if (doubt) this.warn(1, doubt)
  }

  get inputPath(): string {
    return this.record.input
  }

  get relativePath(): string {
    return this.record.relativePath
  }

  // A doubtful guess is the file's, reported once on it, not on every record.
  get recordDecoding(): Decoding {
    return {...this.record.decoding, confidence: 1}
  }

  // Adds the figures of the record on `line`; when it changed or has messages, its entry in the
  // `.json` and its section of the review page (`label`: its `id`-like field, if any).
  add(outcome: CleanedDocument, line: number, label?: string): RecordReport | undefined {
    const record = buildFileRecord(outcome)
    for (const message of record.messages) {
      if (message.severity !== 'info')
        this.keep({...message, reason: `Record on line ${line}: ${message.reason}`, line, column: null})
    }
    return this.addEntry(outcome, record, line, label)
  }

  // Adds a window of a large text file starting on `line`; its messages already name the
  // file's lines.
  addWindow(outcome: CleanedDocument, line: number): RecordReport | undefined {
    const record = buildFileRecord(outcome)
    for (const message of record.messages) if (message.severity !== 'info') this.keep(message)
    return this.addEntry(outcome, record, line, undefined)
  }

  private addEntry(
    outcome: CleanedDocument,
    record: FileRecord,
    line: number,
    label: string | undefined,
  ): RecordReport | undefined {
    this.record.changed ||= record.changed
    addFigures(this.record, record)
    this.record.rejected.push(...record.rejected)
    if (!this.entries || (outcome.clean === outcome.original && record.messages.length === 0)) return undefined
    // The file's paths and decoding are said once, in the file's record; the changed paragraphs
    // (which feed a review page) are in the patch already.
    const {relativePath, input, output, decoding, changes, firstCopies, rejected, ...rest} = record
    const relativeLine = `${this.record.relativePath}:${line}`
    return {
      entry: {line, ...rest, patch: renderPatch({...outcome, relativePath: relativeLine})},
      section: renderRecordSection(record, line, label),
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

  toRecord(): FileRecord {
    return this.record
  }

  private keep(message: MessageRecord): void {
    if (this.record.messages.length < fileMessageLimit) this.record.messages.push(message)
  }
}

function lineMessage(severity: 'error' | 'warning', line: number, reason: string): MessageRecord {
  return {
    id: null,
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
