import {describe, expect, it} from 'vitest'
import {mayHoldSentences, nextSentenceEnd, sentenceEnds} from '../../src/dedupe/sentences.js'
import {corpusArticles} from '../helpers.js'

// Inputs are ASCII letters around escaped marks: U+3002 and U+FF01 U+FF1F stops, U+201D a closing quote.
describe('sentenceEnds', () => {
  it.each([
    [
      'ends after a stop and keeps the closing quote with its sentence',
      'ab\u3002\u201dcd\uff01!ef\uff1fgh',
      [4, 8, 11, 13],
    ],
    ['takes a run of stops as one end', 'ab\uff1f\uff01\u3002cd', [5, 7]],
    [
      'keeps a closing lenticular bracket or ASCII quote or bracket with its sentence',
      "ab\u3002\u3011cd! ef?' gh\u3002] ij",
      [4, 7, 12, 17, 20],
    ],
    ['ends at an ASCII full stop before a blank, not inside a number', 'v2.0 is out. Next', [12, 17]],
    ['joins a piece with no content to the sentence before it', 'ab\u3002\u3000\u3002cd', [5, 7]],
    ['gives a paragraph without stops as one sentence', 'no stops here', [13]],
    ['gives nothing for an empty paragraph', '', []],
  ])('%s', (_, text, ends) => {
    expect(sentenceEnds(text)).toEqual(ends)
  })

  it('finds the end of the sentence holding a position', () => {
    expect(nextSentenceEnd('ab\u3002\u201dcd\uff01', 0)).toBe(4)
    expect(nextSentenceEnd('ab\u3002\u201dcd', 4)).toBe(6)
  })
})

describe('mayHoldSentences', () => {
  it('never rules out a corpus article that holds the sentences, and rules out most that do not', () => {
    const articles = corpusArticles()
    for (const count of [2, 6, 20]) {
      const holding = articles.filter((article) => sentenceEnds(article).length >= count)
      expect(holding.filter((article) => !mayHoldSentences(article, count))).toEqual([])
    }
    const short = articles.map((article) => article.slice(0, 60)).filter((text) => sentenceEnds(text).length < 6)
    expect(short.filter((text) => !mayHoldSentences(text, 6)).length).toBeGreaterThan(short.length / 2)
  })

  it.each([
    ['one stop for two sentences', 'ab\u3002cd', 2, true],
    ['no stop for two sentences', 'abcd', 2, false],
    ['a run of stops counted per unit, an upper bound', 'ab\uff1f\uff01cd', 3, true],
    ['any text for one sentence', '', 1, true],
  ])('%s', (_, text, count, may) => {
    expect(mayHoldSentences(text, count)).toBe(may)
  })
})
