import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {buildTables} from '../../src/repair/build-tables.js'
import {forEachDictionaryWord} from '../../src/repair/jieba.js'
import {PairTable} from '../../src/repair/pair-table.js'
import {
  type DictionaryTables,
  decodeTables,
  dictionaryTables,
  encodeTables,
  tablesPath,
} from '../../src/repair/tables.js'
import {WordTable} from '../../src/repair/word-table.js'
import {maxWordLength} from '../../src/repair/words.js'
import {corpusArticles} from '../helpers.js'

// Half a million look-ups a test: each collects the ones that differ (one expect per look-up
// would take most of a minute).
function differing(): {check: (what: string, actual: unknown, expected: unknown) => void; found: string[]} {
  const found: string[] = []
  return {
    check(what, actual, expected) {
      if (actual !== expected && found.length < 10) found.push(`${what}: ${actual} instead of ${expected}`)
    },
    found,
  }
}

const article = corpusArticles().slice(0, 20).join('\n')

// The dictionary's own words, and every range of up to four characters of real articles (most of
// them no word), looked up in the typed tables and in the Maps they replace.
describe('the dictionary tables', () => {
  const words = new Map<string, number>()
  const pairs = new Map<number, number>()
  let text = ''
  let count = 0
  forEachDictionaryWord((dictionary, start, end, wordCount) => {
    text = dictionary
    count++
    words.set(dictionary.slice(start, end), wordCount)
    for (let index = start; index + 1 < end; index++) {
      const pair = dictionary.charCodeAt(index) * 0x10000 + dictionary.charCodeAt(index + 1)
      pairs.set(pair, (pairs.get(pair) ?? 0) + wordCount)
    }
  })

  it('finds every word with its last count, and no range of an article that is not a word', () => {
    const table = new WordTable(text, 1000)
    forEachDictionaryWord((_dictionary, start, end, wordCount) => table.set(start, end, wordCount))
    expect(count).toBeGreaterThan(300_000)
    const {check, found} = differing()
    for (const [word, wordCount] of words) check(word, table.get(word, 0, word.length), wordCount)
    let looked = 0
    for (let start = 0; start < article.length; start++) {
      for (let end = start + 1; end <= Math.min(article.length, start + 4); end++) {
        check(article.slice(start, end), table.get(article, start, end), words.get(article.slice(start, end)))
        looked++
      }
    }
    expect(found).toEqual([])
    expect(looked).toBeGreaterThan(10_000)
  })

  it('sums each pair inside a word, and knows no pair it was not given', () => {
    const table = new PairTable(1000)
    for (const [pair, sum] of pairs) table.add(Math.floor(pair / 0x10000), pair % 0x10000, sum)
    const {check, found} = differing()
    for (const [pair, sum] of pairs) check(`pair ${pair}`, table.get(Math.floor(pair / 0x10000), pair % 0x10000), sum)
    for (let index = 0; index + 1 < article.length; index++) {
      const first = article.charCodeAt(index)
      const second = article.charCodeAt(index + 1)
      check(article.slice(index, index + 2), table.get(first, second), pairs.get(first * 0x10000 + second) ?? 0)
    }
    expect(found).toEqual([])
    expect(table.get(0x10000, 0x4e00)).toBe(0)
  })
})

// What the repair reads at run time (dist/repair-tables.bin, written by `npm run build`) against
// the tables computed from the dictionary's text now.
describe('the tables file', () => {
  const built = buildTables()

  it('holds the tables the dictionary gives, slot for slot', () => {
    const loaded = dictionaryTables()
    const [builtPairs, loadedPairs] = [built.pairs.slots(), loaded.pairs.slots()]
    const [builtWords, loadedWords] = [built.words.slots(), loaded.words.slots()]
    expect(loadedWords.text).toBe(builtWords.text)
    const arrays: [string, ArrayBufferView, ArrayBufferView][] = [
      ['pair keys', loadedPairs.keys, builtPairs.keys],
      ['pair values', loadedPairs.values, builtPairs.values],
      ['word endings', loaded.ending, built.ending],
      ['word slots', loadedWords.slots, builtWords.slots],
      ['word starts', loadedWords.starts, builtWords.starts],
      ['word ends', loadedWords.ends, builtWords.ends],
      ['word values', loadedWords.values, builtWords.values],
      ['characters', loaded.characters, built.characters],
    ]
    const differ = arrays.filter(([, file, dictionary]) => !bytesOf(file).equals(bytesOf(dictionary)))
    expect(differ.map(([name]) => name)).toEqual([])
  })

  it('looks up every word and pair of the dictionary, and every range of an article, as the dictionary does', () => {
    const loaded = dictionaryTables()
    const {check, found} = differing()
    let words = 0
    forEachDictionaryWord((text, start, end) => {
      if (end - start > maxWordLength) return
      check(text.slice(start, end), loaded.words.get(text, start, end), built.words.get(text, start, end))
      for (let index = start; index + 1 < end; index++) {
        const [first, second] = [text.charCodeAt(index), text.charCodeAt(index + 1)]
        check(text.slice(index, index + 2), loaded.pairs.get(first, second), built.pairs.get(first, second))
      }
      words++
    })
    for (let start = 0; start < article.length; start++) {
      for (let end = start + 1; end <= Math.min(article.length, start + maxWordLength); end++) {
        check(article.slice(start, end), loaded.words.get(article, start, end), built.words.get(article, start, end))
      }
      const [first, second] = [article.charCodeAt(start), article.charCodeAt(start + 1)]
      check(article.slice(start, start + 2), loaded.pairs.get(first, second), built.pairs.get(first, second))
    }
    expect(found).toEqual([])
    expect(words).toBeGreaterThan(300_000)
  })

  it('is the encoding of the built tables byte for byte, and decodes to what was encoded', () => {
    const bytes = encodeTables(built)
    expect(Buffer.from(bytes).equals(readFileSync(tablesPath()))).toBe(true)
    const decoded = decodeTables(bytes) as DictionaryTables
    const {check, found} = differing()
    for (let start = 0; start + 2 <= article.length; start++) {
      check(
        article.slice(start, start + 2),
        decoded.words.get(article, start, start + 2),
        built.words.get(article, start, start + 2),
      )
    }
    expect(found).toEqual([])
  })

  it('refuses bytes of another format or cut short', () => {
    const bytes = encodeTables(built)
    const otherVersion = bytes.slice()
    otherVersion[4]! += 1
    expect(decodeTables(otherVersion)).toBeUndefined()
    expect(decodeTables(bytes.subarray(0, bytes.length - 8))).toBeUndefined()
    expect(decodeTables(new Uint8Array(16))).toBeUndefined()
  })
})

function bytesOf(array: ArrayBufferView): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength)
}
