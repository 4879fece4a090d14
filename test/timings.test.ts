import {describe, expect, it} from 'vitest'
import {StepTimings} from '../src/timings.js'

describe('StepTimings', () => {
  it('counts every recorded millisecond in `recorded`, across drains', () => {
    const timings = new StepTimings()
    timings.record('parse', 2)
    timings.record('near-duplicates', 3)
    expect(timings.drain()).toEqual({
      parse: {count: 1, total: 2, max: 2},
      'near-duplicates': {count: 1, total: 3, max: 3},
    })
    timings.record('parse', 4)
    expect(timings.recorded).toBe(9)
    expect(timings.stats()).toEqual({parse: {count: 1, totalMs: 4, meanMs: 4, maxMs: 4}})
  })
})
