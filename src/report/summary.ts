// The batch summary: running totals in memory, one small row per file spooled to a temporary
// file, so memory stays flat whatever the number of files. Add files in the batch's order; the
// index lists them in that order. `close()` deletes the spool once the reports are written.
import {StepTimings} from '../timings.js'
import {addFigures, emptyFigures} from './figures.js'
import {RowSpool} from './spool.js'
import type {Counts, FileRecord, Totals} from './types.js'

// What the summary needs of a file's record (a worker can send just this).
export type SummaryEntry = Pick<FileRecord, 'relativePath' | 'input' | 'changed' | 'paragraphs' | 'totals' | 'counts'>

export type IndexRow = DoneRow | FailedRow

export interface DoneRow {
  status: 'ok'
  relativePath: string
  input: string
  changed: boolean
  paragraphs: {in: number; out: number}
  totals: Totals
  // Messages per plugin and per spec rule, for the index's main rules and rule filter.
  counts: Counts
}

export interface FailedRow {
  status: 'failed'
  relativePath: string
  input: string
  reason: string
}

export interface BatchFigures {
  files: number
  failed: number
  changed: number
  paragraphs: {in: number; out: number}
  totals: Totals
  counts: Counts
}

export interface BatchSummaryOptions {
  // Folder of the temporary row file; default the system's temporary folder.
  tempDir?: string
}

export class BatchSummary {
  readonly figures: BatchFigures = {files: 0, failed: 0, changed: 0, ...emptyFigures()}
  // Time per cleaning step, merged from every thread of the batch.
  readonly timings = new StepTimings()
  private readonly spool: RowSpool<IndexRow>

  constructor(options: BatchSummaryOptions = {}) {
    this.spool = new RowSpool(options.tempDir)
  }

  add(entry: SummaryEntry): void {
    const figures = this.figures
    figures.files++
    if (entry.changed) figures.changed++
    addFigures(figures, entry)
    const {relativePath, input, changed, paragraphs, totals, counts} = entry
    this.spool.append({status: 'ok', relativePath, input, changed, paragraphs, totals, counts})
  }

  addFailure(relativePath: string, inputPath: string, reason: string): void {
    this.figures.files++
    this.figures.failed++
    this.spool.append({status: 'failed', relativePath, input: inputPath, reason})
  }

  // Every file in the order added.
  rows(): AsyncGenerator<IndexRow> {
    return this.spool.read()
  }

  async *failures(): AsyncGenerator<FailedRow> {
    if (this.figures.failed === 0) return
    for await (const row of this.rows()) if (row.status === 'failed') yield row
  }

  close(): void {
    this.spool.close()
  }
}

// `summary.json`, streamed: the figures, the time per step, then every failed file with its reason.
export async function* renderSummaryJson(summary: BatchSummary): AsyncGenerator<string> {
  const head = JSON.stringify({...summary.figures, timings: summary.timings.stats()}, null, 2)
  yield head.slice(0, -2) + ',\n  "failures": ['
  let first = true
  for await (const {relativePath, input, reason} of summary.failures()) {
    yield (first ? '\n    ' : ',\n    ') + JSON.stringify({relativePath, input, reason})
    first = false
  }
  yield first ? ']\n}\n' : '\n  ]\n}\n'
}
