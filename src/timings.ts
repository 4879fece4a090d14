// Where a batch's time goes: per step (parse, each plugin, stringify) how many times it ran, its
// total, mean and longest run, as pipeline tools report per block. Each thread keeps its own and
// the batch merges them into `summary.json`. Timings are the one part of a run's output that
// differs between runs, so they appear nowhere else (not in the clean files nor per-file reports).

export interface StepTiming {
  count: number
  // Milliseconds.
  total: number
  max: number
}

export type StepTimingsSnapshot = Record<string, StepTiming>

// Per step, what summary.json shows.
export interface StepStats {
  count: number
  totalMs: number
  meanMs: number
  maxMs: number
}

export class StepTimings {
  #steps = new Map<string, StepTiming>()
  #recorded = 0

  // Milliseconds recorded so far by every step, drained or not: a step that awaits subtracts
  // what others recorded meanwhile (see `timed` in processor.ts).
  get recorded(): number {
    return this.#recorded
  }

  record(step: string, milliseconds: number): void {
    this.#recorded += milliseconds
    const timing = this.#steps.get(step)
    if (timing) {
      timing.count++
      timing.total += milliseconds
      if (milliseconds > timing.max) timing.max = milliseconds
    } else {
      this.#steps.set(step, {count: 1, total: milliseconds, max: milliseconds})
    }
  }

  merge(snapshot: StepTimingsSnapshot): void {
    for (const [step, {count, total, max}] of Object.entries(snapshot)) {
      const timing = this.#steps.get(step)
      if (timing) {
        timing.count += count
        timing.total += total
        timing.max = Math.max(timing.max, max)
      } else {
        this.#steps.set(step, {count, total, max})
      }
    }
  }

  // What was recorded since the last drain, and a fresh start (a worker sends this per document).
  drain(): StepTimingsSnapshot {
    const snapshot = Object.fromEntries(this.#steps)
    this.#steps = new Map()
    return snapshot
  }

  // The steps in the order first seen, in milliseconds rounded to a microsecond.
  stats(): Record<string, StepStats> {
    const stats: Record<string, StepStats> = {}
    for (const [step, {count, total, max}] of this.#steps) {
      stats[step] = {count, totalMs: round(total), meanMs: round(total / count), maxMs: round(max)}
    }
    return stats
  }
}

function round(milliseconds: number): number {
  return Math.round(milliseconds * 1000) / 1000
}
