import {describe, expect, it} from 'vitest'
import {expandAnswers, MemorySeenStore, slotBytes} from '../../src/dedupe/store.js'

function keys(...values: bigint[]): BigUint64Array {
  return BigUint64Array.from(values)
}

function lines(...values: number[]): Uint32Array {
  return Uint32Array.from(values)
}

describe('MemorySeenStore', () => {
  it('answers the first file and line of keys an earlier file claimed, and nothing for new keys', async () => {
    const store = new MemorySeenStore()
    expect(await store.claim('a.txt', keys(1n, 2n), lines(1, 2))).toEqual([undefined, undefined])
    expect(await store.claim('b.txt', keys(2n, 3n), lines(5, 6))).toEqual([
      {path: 'a.txt', line: 2, column: 1},
      undefined,
    ])
    expect(await store.claim('c.txt', keys(3n, 1n), lines(1, 1))).toEqual([
      {path: 'b.txt', line: 6, column: 1},
      {path: 'a.txt', line: 1, column: 1},
    ])
    expect(store.paths).toEqual(['a.txt', 'b.txt', 'c.txt'])
  })

  it('gives another thread the same answers in typed arrays, each path written once', () => {
    const direct = new MemorySeenStore()
    const compact = new MemorySeenStore()
    const claims: Array<[string, BigUint64Array, Uint32Array]> = [
      ['a.txt', keys(1n, 2n, 3n), lines(1, 2, 3)],
      ['b.txt', keys(4n, 2n), lines(1, 4)],
      ['c.txt', keys(3n, 4n, 1n, 5n, 2n), lines(1, 2, 3, 4, 5)],
    ]
    for (const [path, fileKeys, fileLines] of claims) {
      const answers = compact.claimCompact(path, fileKeys, fileLines)
      expect(expandAnswers(answers)).toEqual(direct.claimNow(path, fileKeys, fileLines))
      expect(new Set(answers.paths).size).toBe(answers.paths.length)
    }
    expect(compact.claimCompact('d.txt', keys(2n, 9n), lines(7, 8)).paths).toEqual(['a.txt'])
  })

  it('treats a key given twice in one claim as the file own', async () => {
    const store = new MemorySeenStore()
    expect(await store.claim('a.txt', keys(7n, 7n), lines(1, 3))).toEqual([undefined, undefined])
    expect(store.size).toBe(1)
  })

  it('holds the keys 0 and 2^64 - 1 and keys that share their low word', async () => {
    const store = new MemorySeenStore()
    const edge = keys(0n, 0xffffffffffffffffn, 5n, (1n << 32n) | 5n)
    await store.claim('a.txt', edge, lines(1, 2, 3, 4))
    expect(await store.claim('b.txt', edge, lines(1, 1, 1, 1))).toEqual(
      [1, 2, 3, 4].map((line) => ({path: 'a.txt', line, column: 1})),
    )
  })

  it('keeps every key while growing, at no more than 16 bytes a distinct paragraph', async () => {
    const store = new MemorySeenStore()
    const count = 300_000
    const perFile = 25
    let state = 0x9e3779b97f4a7c15n
    const all = new BigUint64Array(count)
    for (let index = 0; index < count; index++) {
      state = (state * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn
      all[index] = state
    }
    const fileLines = Uint32Array.from({length: perFile}, (_, index) => 2 * index + 1)
    let mostBytesPerEntry = 0
    for (let from = 0; from < count; from += perFile) {
      await store.claim(`f${from}.txt`, all.subarray(from, from + perFile), fileLines)
      if (store.size >= 10_000) mostBytesPerEntry = Math.max(mostBytesPerEntry, store.byteLength / store.size)
    }
    expect(store.size).toBe(count)
    expect(store.capacity).toBeGreaterThan(count)
    expect(mostBytesPerEntry).toBeGreaterThan(slotBytes)
    expect(mostBytesPerEntry).toBeLessThanOrEqual(16)
    const again = await store.claim('last.txt', all.subarray(count - 3), lines(9, 9, 9))
    const last = `f${count - perFile}.txt`
    expect(again).toEqual([45, 47, 49].map((line) => ({path: last, line, column: 1})))
    const first = await store.claim('first.txt', all.subarray(0, 2), lines(1, 1))
    expect(first).toEqual([1, 3].map((line) => ({path: 'f0.txt', line, column: 1})))
  })
})
