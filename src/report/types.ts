// What one input becomes on its way through: the cleaned document (texts, tree, messages) the
// report writers take, the `.json` record built from it (the review page is rendered from that
// record alone), and the result the batch hands on: that record, or why there is none.
import type {VFile} from 'vfile'
import type {Decoding, FirstCopy} from '../data.js'
import type {Root} from '../syntax/types.js'

export interface CleanedDocument {
  // Path of the input as the user named it (or `-` for stdin).
  inputPath: string
  // Path relative to its input folder; the report files are named after it.
  relativePath: string
  // Where the clean text was written, if it was.
  outputPath?: string
  decoding: Decoding
  // The decoded input text (UTF-8, LF): the left side of every diff.
  original: string
  // The clean text: the right side.
  clean: string
  // The cleaned tree: each paragraph's position points at its line in `original`.
  tree: Root
  // Messages of every plugin and `data.removed`.
  file: VFile
  // Paragraphs before cleaning (non-blank lines of `original`).
  paragraphsIn: number
}

export type Severity = 'info' | 'warning' | 'error'

// What became of one input of a batch (or stdin): its record, or the reason it was not cleaned.
export type FileResult = {status: 'done'; record: FileRecord} | FileFailure

export interface FileFailure {
  status: 'failed'
  inputPath: string
  relativePath: string
  // Why the input could not be cleaned at all: one line naming the cause.
  reason: string
}

export interface FileRecord {
  relativePath: string
  input: string
  // Absent when nothing was written (`--check`, stdin).
  output: string | null
  decoding: Decoding
  // Whether the clean text differs from the decoded input.
  changed: boolean
  paragraphs: {in: number; out: number}
  totals: Totals
  counts: Counts
  // Every removed paragraph or sentence run, in input order (line, then column).
  removed: RemovedRecord[]
  // The kept paragraphs that removed ones repeat (their clean text), so a page can show them.
  firstCopies: ParagraphText[]
  // Every paragraph whose text changed, in input order (removed ones are in `removed`).
  changes: ParagraphChange[]
  messages: MessageRecord[]
  // Ids of the fixes and removals left unapplied because a reviewer rejected them.
  rejected: string[]
  // JSONL inputs: one entry per record (diffs per record) in place of a file-level patch.
  records?: unknown[]
}

export interface Totals {
  // Paragraphs and sentence runs removed as repeats.
  removed: number
  // Applied fixes: info messages other than removals.
  fixes: number
  warnings: number
  errors: number
}

export interface Counts {
  // Messages per plugin (message `ruleId`).
  plugins: Record<string, number>
  // Messages per spec rule (message `note`: `W`, `R0`-`R9`).
  rules: Record<string, number>
}

export interface RemovedRecord {
  // The id of its message, which a reviewer's decision names.
  id?: string
  kind: 'paragraph' | 'sentence'
  ruleId: string
  text: string
  line: number
  column: number
  firstCopy: FirstCopy
}

export interface ParagraphText {
  line: number
  text: string
}

export interface ParagraphChange {
  line: number
  original: string
  clean: string
}

export interface MessageRecord {
  // A fix's or a removal's stable id (see `messageId` in messages.ts): what a reviewer's
  // decision names; null for warnings and errors.
  id: string | null
  severity: Severity
  reason: string
  line: number | null
  column: number | null
  ruleId: string | null
  source: string | null
  actual: string | null
  expected: string[] | null
  note: string | null
  // Where the message's cause points (a removal's first copy), if it has one.
  cause: CauseRecord | null
  // Present on a fix or removal a reviewer rejected: reported, not applied.
  rejected?: true
}

export interface CauseRecord {
  reason: string
  file: string | null
  line: number | null
  column: number | null
}
