// What every document of a batch is cleaned with: shared by the inline cleaner, the worker
// threads and the JSONL flow.
import type {NewscleanProcessor} from '../processor.js'

// Which messages a record hands on when no report is written: every one, or only the doubts
// (warnings and errors) with the figures of the rest (report/record.ts, buildSummaryRecord).
export type ResultMessages = 'all' | 'doubts'

export interface DocumentContext {
  processor: NewscleanProcessor
  // Folder for the clean files.
  outDir: string
  // Folder for the reports; none written when absent.
  reportDir?: string
  // Force this input encoding instead of detecting it.
  encoding?: string
  // Write nothing; only tell whether the file would change.
  check: boolean
  // The text field of JSONL records.
  field: string
  // What each record carries when no report is written (RunOptions.resultMessages); default all.
  resultMessages?: ResultMessages
  // dedupe-paragraphs is the only step and no record needs its messages: a UTF-8 text input is
  // deduplicated on its bytes (dedupe-bytes.ts); default false.
  dedupeOnBytes?: boolean
  // Whether each document needs its owner (dedupe/owner.ts): only a seen store that outlives the
  // run reads it, so other runs skip the digest of every input; default false.
  owners?: boolean
}
