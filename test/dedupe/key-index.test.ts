import {describe, expect, it} from 'vitest'
import {FormHasher} from '../../src/dedupe/key.js'
import {KeyIndex} from '../../src/dedupe/key-index.js'
import {corpusArticles, sentencesOf} from '../helpers.js'

// A 64-bit key as its low and high words.
function words(key: bigint): Uint32Array {
  return Uint32Array.of(Number(key & 0xffff_ffffn), Number(key >> 32n))
}

describe('KeyIndex', () => {
  it('gives every sentence key of the corpus the value a Map gives, growing from a small table', () => {
    const hasher = new FormHasher()
    const keys = corpusArticles()
      .flatMap(sentencesOf)
      .flatMap((sentence) => {
        hasher.clear()
        hasher.add(sentence)
        return hasher.wholeKey() ? [(BigInt(hasher.key[1]!) << 32n) | BigInt(hasher.key[0]!)] : []
      })
    const index = new KeyIndex(4)
    const map = new Map<bigint, number>()
    const found: number[] = []
    const expected: number[] = []
    keys.forEach((key, at) => {
      found.push(index.get(words(key)))
      expected.push(map.get(key) ?? -1)
      index.set(words(key), 0, at)
      map.set(key, at)
    })
    expect(keys.length).toBeGreaterThan(5000)
    expect(found).toEqual(expected)
    expect(expected.filter((value) => value >= 0).length).toBeGreaterThan(0)
  })

  it.each([
    ['keys that differ only in the high word', [0x1_0000_0005n, 0x2_0000_0005n, 0x5n]],
    ['keys on one probe chain', [0x10n, 0x410n, 0x810n, 0xc10n]],
    ['the zero key and the largest', [0n, 0xffff_ffff_ffff_ffffn]],
  ])('tells apart %s', (_, keys) => {
    const index = new KeyIndex(16)
    for (const [at, key] of keys.entries()) index.set(words(key), 0, at)
    expect(keys.map((key) => index.get(words(key)))).toEqual(keys.map((_, at) => at))
    expect(index.get(words(0x1234n))).toBe(-1)
  })
})
