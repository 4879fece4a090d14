// The one line the terminal gets for a whole batch; per-file messages go through vfile-reporter.
import {plural} from './page.js'
import type {BatchSummary} from './summary.js'

// `3 files, 1 failed: 7 repeats removed, 42 fixes, 2 warnings` (a repeat is a paragraph or a
// sentence run; errors are named only when there are some). With `check`, nothing was written:
// `3 files, 2 would change: 7 repeats would be removed, 42 fixes would be made, 2 warnings`.
export function formatTotals(summary: Pick<BatchSummary, 'figures'>, options: {check?: boolean} = {}): string {
  const {files, failed, changed, totals} = summary.figures
  const head = [count(files, 'file', 'files')]
  if (options.check) head.push(`${changed} would change`)
  if (failed > 0) head.push(`${failed} failed`)
  const tail = options.check
    ? [
        `${count(totals.removed, 'repeat', 'repeats')} would be removed`,
        `${count(totals.fixes, 'fix', 'fixes')} would be made`,
      ]
    : [`${count(totals.removed, 'repeat', 'repeats')} removed`, count(totals.fixes, 'fix', 'fixes')]
  tail.push(count(totals.warnings, 'warning', 'warnings'))
  if (totals.errors > 0) tail.push(count(totals.errors, 'error', 'errors'))
  return `${head.join(', ')}: ${tail.join(', ')}`
}

function count(value: number, one: string, many: string): string {
  return `${value} ${plural(value, one, many)}`
}
