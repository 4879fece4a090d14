import {describe, expect, it} from 'vitest'
import {PairTable} from '../../src/repair/dictionary.js'
import {forEachDictionaryWord} from '../../src/repair/jieba.js'
import {WordTable} from '../../src/repair/word-table.js'
import {corpusArticles} from '../helpers.js'

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
  const article = corpusArticles().slice(0, 20).join('\n')

  it('finds every word with its last count, and no range of an article that is not a word', () => {
    const table = new WordTable(text, 1000)
    forEachDictionaryWord((_dictionary, start, end, wordCount) => table.set(start, end, wordCount))
    expect(count).toBeGreaterThan(300_000)
    for (const [word, wordCount] of words) expect(table.get(word, 0, word.length)).toBe(wordCount)
    let looked = 0
    for (let start = 0; start < article.length; start++) {
      for (let end = start + 1; end <= Math.min(article.length, start + 4); end++) {
        expect(table.get(article, start, end)).toBe(words.get(article.slice(start, end)))
        looked++
      }
    }
    expect(looked).toBeGreaterThan(10_000)
  })

  it('sums each pair inside a word, and knows no pair it was not given', () => {
    const table = new PairTable(1000)
    for (const [pair, sum] of pairs) table.add(Math.floor(pair / 0x10000), pair % 0x10000, sum)
    for (const [pair, sum] of pairs) expect(table.get(Math.floor(pair / 0x10000), pair % 0x10000)).toBe(sum)
    for (let index = 0; index + 1 < article.length; index++) {
      const first = article.charCodeAt(index)
      const second = article.charCodeAt(index + 1)
      expect(table.get(first, second)).toBe(pairs.get(first * 0x10000 + second) ?? 0)
    }
    expect(table.get(0x10000, 0x4e00)).toBe(0)
  })
})
