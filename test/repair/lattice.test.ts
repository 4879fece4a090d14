// How many characters the lattice writes where characters may have been lost whole: one U+FFFD
// for each count at least 1% likely, each more lost character being rarer by the same share.
import {describe, expect, it} from 'vitest'
import {moreLostWhole} from '../../src/repair/lattice.js'

describe('moreLostWhole', () => {
  it.each([
    [1, 2],
    [0.6, 2],
    [0.5, 1],
    [0.1, 1],
    [0.05, 0],
    [0, 0],
  ])('gives %f likely for one lost character %i more', (share, more) => {
    expect(moreLostWhole(share)).toBe(more)
  })
})
