// The second opinion on a span's unsure boundaries (rescore.ts): where no whole reading is sure,
// the characters its readings agree on at either end are written, U+FFFD between; and a lost
// stop at the end of a paragraph whose quotes are all closed comes back as the stop, not as a
// closing quote (real corpus paragraphs damaged from their bytes, read as the plugin reads them).
import {describe, expect, it} from 'vitest'
import {damage, damagePlaces, fold, isGbkText, paragraphsOf} from '../../scripts/damage.js'
import {modelKey} from '../../src/repair/frequency.js'
import {PairModel} from '../../src/repair/pair-model.js'
import {readSpan} from '../../src/repair/reading.js'
import {sureEnds} from '../../src/repair/rescore.js'
import {corpusArticles} from '../helpers.js'

// Three different Han characters from the corpus, as code points.
const [first, second, third] = [...new Set(corpusArticles()[0]!.match(/[\u4e00-\u9fff]/g))]
  .slice(0, 3)
  .map((character) => character.charCodeAt(0)) as [number, number, number]
const lost = 0xfffd

describe('sureEnds', () => {
  it.each([
    [
      'the first character all readings share, U+FFFD for the most that may follow',
      [
        [first, second],
        [first, third],
        [first, lost, second],
      ],
      [0.6, 0.36, 0.04],
      [first, lost, lost],
    ],
    [
      'the last character all readings share',
      [
        [first, third],
        [second, third],
      ],
      [0.5, 0.48],
      [lost, third],
    ],
    [
      'both ends, U+FFFD for the most characters a likely reading has between',
      [
        [first, third],
        [first, lost, third],
      ],
      [0.5, 0.48],
      [first, lost, lost, third],
    ],
    [
      'nothing where no end is sure',
      [
        [first, second],
        [third, first],
      ],
      [0.5, 0.48],
      undefined,
    ],
    [
      'nothing where only U+FFFD is sure at an end',
      [
        [first, lost],
        [second, lost],
      ],
      [0.5, 0.48],
      undefined,
    ],
  ])('writes %s', (_, readings, shares, written) => {
    const options = readings.map((codes, at) => ({codes, share: shares[at]!}))
    expect(sureEnds(options, shares, 0.95)).toEqual(written)
  })
})

// Corpus paragraphs ending with a stop, every quote in them closed, and the stop before their
// last sentence the damage's place: the span runs to the paragraph's end, whose stop lost its
// trail byte (only its lead, shared by the closing quote and title mark, is left).
function stopAtParagraphEnd(count: number): Array<{damaged: string; at: number; model: PairModel}> {
  const cases: Array<{damaged: string; at: number; model: PairModel}> = []
  for (const article of corpusArticles()) {
    const paragraphs = paragraphsOf(article)
    for (const [line, paragraph] of paragraphs.entries()) {
      if (!isGbkText(paragraph) || !paragraph.endsWith('\u3002') || !/\u201c/.test(paragraph)) continue
      if (paragraph.split('\u201c').length !== paragraph.split('\u201d').length) continue
      const at = paragraph.lastIndexOf('\u3002', paragraph.length - 2)
      const places = damagePlaces(paragraph).flat()
      if (at === -1 || !places.includes(at) || hasAscii(paragraph.slice(at))) continue
      const {damaged} = damage(paragraph, at)
      const model = new PairModel()
      paragraphs.forEach((text, index) => {
        const value = index === line ? damaged : fold(text)
        const keys = Uint16Array.from(value, (character) => modelKey(character.charCodeAt(0)))
        model.addParagraph(keys, index === line ? [[at, value.length]] : [])
      })
      cases.push({damaged, at, model})
      break
    }
    if (cases.length === count) break
  }
  return cases
}

function hasAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) < 0x80) return true
  return false
}

describe('rescore at the end of a paragraph', () => {
  // The spans are long, and most end in a structure left unsure (U+FFFD) whatever the last mark;
  // a third or more end in the stop (one in twelve before quotes were weighed).
  it('writes the lost stop, never a closing quote, where every quote of the paragraph is closed', () => {
    const cases = stopAtParagraphEnd(12)
    expect(cases.length).toBe(12)
    const endings = cases.map(({damaged, at, model}) =>
      readSpan(damaged, at, model, 2_000_000, 0.93)!.replacement.at(-1),
    )
    expect(endings.filter((ending) => ending === '\u201d')).toEqual([])
    expect(endings.filter((ending) => ending === '\u3002').length).toBeGreaterThanOrEqual(4)
  })
})
