import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {buildTables} from '../../src/repair/build-tables.js'
import {forEachDictionaryWord} from '../../src/repair/jieba.js'
import {PairTable} from '../../src/repair/pair-table.js'
import {
  characterTable,
  commonWordTable,
  dictionaryTables,
  encodeTables,
  gbkTables,
  TablesFile,
  tablesPath,
} from '../../src/repair/tables.js'
import {codeUnitsOf, WordTable} from '../../src/repair/word-table.js'
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
    const table = new WordTable(codeUnitsOf(text), 1000)
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
// the tables computed from the codec and the dictionary's text now.
describe('the tables file', () => {
  const built = buildTables()

  it('holds the tables the codec and the dictionary give, slot for slot', () => {
    const loaded = {
      gbk: gbkTables(),
      commonWords: commonWordTable(),
      characters: characterTable(),
      dictionary: dictionaryTables(),
    }
    const [builtPairs, loadedPairs] = [built.dictionary.pairs.slots(), loaded.dictionary.pairs.slots()]
    const [builtWords, loadedWords] = [built.dictionary.words.slots(), loaded.dictionary.words.slots()]
    const arrays: [string, ArrayBufferView, ArrayBufferView][] = [
      ['GBK pairs', loaded.gbk.pairs, built.gbk.pairs],
      ['GBK bytes', loaded.gbk.bytes, built.gbk.bytes],
      ['GBK private use', loaded.gbk.privateUse, built.gbk.privateUse],
      ['common words', loaded.commonWords, built.commonWords],
      ['characters', loaded.characters, built.characters],
      ['pair keys', loadedPairs.keys, builtPairs.keys],
      ['pair values', loadedPairs.values, builtPairs.values],
      ['word endings', loaded.dictionary.ending, built.dictionary.ending],
      ['word text', loadedWords.text, builtWords.text],
      ['word slots', loadedWords.slots, builtWords.slots],
      ['word starts', loadedWords.starts, builtWords.starts],
      ['word ends', loadedWords.ends, builtWords.ends],
      ['word values', loadedWords.values, builtWords.values],
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
      check(text.slice(start, end), loaded.words.get(text, start, end), built.dictionary.words.get(text, start, end))
      for (let index = start; index + 1 < end; index++) {
        const [first, second] = [text.charCodeAt(index), text.charCodeAt(index + 1)]
        check(text.slice(index, index + 2), loaded.pairs.get(first, second), built.dictionary.pairs.get(first, second))
      }
      words++
    })
    for (let start = 0; start < article.length; start++) {
      for (let end = start + 1; end <= Math.min(article.length, start + maxWordLength); end++) {
        const [file, dictionary] = [
          loaded.words.get(article, start, end),
          built.dictionary.words.get(article, start, end),
        ]
        check(article.slice(start, end), file, dictionary)
      }
      const [first, second] = [article.charCodeAt(start), article.charCodeAt(start + 1)]
      check(article.slice(start, start + 2), loaded.pairs.get(first, second), built.dictionary.pairs.get(first, second))
    }
    expect(found).toEqual([])
    expect(words).toBeGreaterThan(300_000)
  })

  it('is the encoding of the built tables byte for byte', () => {
    expect(Buffer.from(encodeTables(built)).equals(readFileSync(tablesPath()))).toBe(true)
  })

  it('refuses a file of another version, cut short or missing, naming it', () => {
    const folder = mkdtempSync(join(tmpdir(), 'newsclean-tables-'))
    const bytes = encodeTables(built)
    const otherVersion = bytes.slice()
    otherVersion[4]! += 1
    const files: [string, Uint8Array | undefined, RegExp][] = [
      ['other-version.bin', otherVersion, /another build/],
      ['cut-short.bin', bytes.subarray(0, bytes.length - 8), /another build/],
      ['empty.bin', new Uint8Array(0), /another build/],
      ['missing.bin', undefined, /missing/],
    ]
    try {
      for (const [name, content, reason] of files) {
        const path = join(folder, name)
        if (content) writeFileSync(path, content)
        expect(() => new TablesFile(path)).toThrow(new RegExp(`${name}.*${reason.source}`))
      }
    } finally {
      rmSync(folder, {recursive: true})
    }
  })
})

function bytesOf(array: ArrayBufferView): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength)
}
