// The article's own counts the repair's models learn from (pair-model.ts): runs of three
// characters of real corpus text, none across a damaged stretch, a `?` or U+FFFD.
import {describe, expect, it} from 'vitest'
import {modelKey} from '../../src/repair/frequency.js'
import {PairModel} from '../../src/repair/pair-model.js'
import {corpusArticles} from '../helpers.js'

const article = corpusArticles()[0]!.slice(0, 400)
const keysOf = (text: string) => Uint16Array.from(text, (character) => modelKey(character.charCodeAt(0)))

// Times `run` stands in `text`, overlapping runs counted.
function timesIn(text: string, run: string): number {
  let times = 0
  for (let at = text.indexOf(run); at !== -1; at = text.indexOf(run, at + 1)) times++
  return times
}

function tripleCount(model: PairModel, run: string): number {
  const [first, second, third] = keysOf(run)
  return model.tripleCount(first!, second!, third!)
}

describe('PairModel.tripleCount', () => {
  it('counts each run of three characters as often as the text has it', () => {
    const model = new PairModel()
    model.addParagraph(keysOf(article))
    model.addParagraph(keysOf(article))
    for (let at = 0; at + 3 <= 60; at++) {
      const run = article.slice(at, at + 3)
      expect(tripleCount(model, run), run).toBe(2 * timesIn(article, run))
    }
  })

  it.each([
    ['a damaged stretch', article, [[20, 30] as const]],
    ['a `?`', `${article.slice(0, 20)}?${article.slice(21)}`, []],
    ['U+FFFD', `${article.slice(0, 20)}\ufffd${article.slice(21)}`, []],
  ])('counts no run through %s', (_, text, excluded) => {
    const model = new PairModel()
    model.addParagraph(keysOf(text), excluded)
    // What is counted: the text with its damaged stretch, `?` or U+FFFD blanked out.
    const counted = `${article.slice(0, 20)}${'\ufffd'.repeat(excluded.length > 0 ? 10 : 1)}${article.slice(excluded.length > 0 ? 30 : 21)}`
    const through = article.slice(19, 22)
    expect(tripleCount(model, through)).toBe(timesIn(counted, through))
  })
})
