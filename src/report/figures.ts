// The figures that add up: a batch's over its files, a JSONL file's over its records. Both sums
// start empty and take each part's paragraphs, totals and counts the same way.
import type {Counts, FileRecord, Totals} from './types.js'

export type Figures = Pick<FileRecord, 'paragraphs' | 'totals' | 'counts'>

export function emptyFigures(): Figures {
  return {
    paragraphs: {in: 0, out: 0},
    totals: {removed: 0, fixes: 0, warnings: 0, errors: 0},
    counts: {plugins: {}, rules: {}},
  }
}

export function addFigures(sum: Figures, part: Figures): void {
  sum.paragraphs.in += part.paragraphs.in
  sum.paragraphs.out += part.paragraphs.out
  addTotals(sum.totals, part.totals)
  addCounts(sum.counts, part.counts)
}

function addTotals(sum: Totals, totals: Totals): void {
  sum.removed += totals.removed
  sum.fixes += totals.fixes
  sum.warnings += totals.warnings
  sum.errors += totals.errors
}

function addCounts(sum: Counts, counts: Counts): void {
  for (const [name, count] of Object.entries(counts.plugins)) increment(sum.plugins, name, count)
  for (const [name, count] of Object.entries(counts.rules)) increment(sum.rules, name, count)
}

export function increment(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by
}
