// The second look at a damage mark: real misalignments made from real bytes (scripts/damage.js)
// stay suspects, `?` standing for characters lost whole in real articles mostly do not.
import * as OpenCC from 'opencc-js'
import {describe, expect, it} from 'vitest'
import {damage, damagePlaces, fold, isGbkText, paragraphsOf} from '../../scripts/damage.js'
import {inStepEvidence, readsAsShifted, standsForLostCharacter, suspectSignal} from '../../src/repair/shift-check.js'
import {damageSignal} from '../../src/repair/spans.js'
import {corpusArticles, readFixture, seededRandom} from '../helpers.js'

const articles = corpusArticles()

// Every fifth place the simulation damages in each paragraph, the lead byte's mark `?` or
// U+FFFD in turn: the damaged paragraph, the place of its mark and where the span ends.
function damagedSpans(texts: string[]): {damaged: string; at: number; end: number}[] {
  const spans: {damaged: string; at: number; end: number}[] = []
  for (const [number, text] of texts.entries()) {
    for (const [line, paragraph] of paragraphsOf(text).entries()) {
      if (!isGbkText(paragraph)) continue
      const places = damagePlaces(paragraph).flat()
      for (let index = (number + line) % 5; index < places.length; index += 5) {
        const lead = (number + index) % 5 === 4 ? '\ufffd' : '?'
        const {damaged, end} = damage(paragraph, places[index]!, {lead})
        spans.push({damaged, at: places[index]!, end})
      }
    }
  }
  return spans
}

// The articles' paragraphs with about 2% of their Han characters replaced by `mark`, as a scrape
// writes characters it could not map; folded to ASCII or not. Three rounds, each losing other
// characters.
function withLostCharacters(mark: string, folded: boolean): string[] {
  const next = seededRandom(9)
  return [...articles, ...articles, ...articles].flatMap((article) =>
    paragraphsOf(folded ? fold(article) : article).map((paragraph) =>
      paragraph.replace(/[\u4e00-\u9fff]/g, (character) => (next() < 0.02 ? mark : character)),
    ),
  )
}

// The places of `mark` in `paragraphs` the scan picks, each with whether the second look passes
// over it (folded text has real questions too).
function scannedMarks(paragraphs: string[], mark: string): boolean[] {
  const marks: boolean[] = []
  for (const paragraph of paragraphs) {
    for (let at = paragraph.indexOf(mark); at !== -1; at = paragraph.indexOf(mark, at + 1)) {
      if (damageSignal(paragraph, at)) marks.push(suspectSignal(paragraph, at) === undefined)
    }
  }
  return marks
}

describe('the second look at a damage mark', () => {
  it('keeps the marks of the seed, with the signal the scan gave', () => {
    const seed = readFixture('seed/seed.txt')
    const marks = [...seed.matchAll(/\?!/g)].map((match) => match.index)
    expect(marks.length).toBeGreaterThanOrEqual(3)
    for (const at of marks) expect(suspectSignal(seed, at)).toBe(damageSignal(seed, at))
  })

  const toTraditional = OpenCC.Converter({from: 'cn', to: 'tw'})
  it.each<[string, string[]]>([
    ['simplified', articles.slice(0, 200)],
    ['traditional', articles.slice(0, 200).map((article) => toTraditional(article))],
  ])('keeps nearly every misaligned span made from real bytes a suspect (%s articles)', (_name, texts) => {
    const spans = damagedSpans(texts).filter(({damaged, at}) => damageSignal(damaged, at))
    const dropped = spans.filter(({damaged, at}) => suspectSignal(damaged, at) === undefined)
    expect(spans.length).toBeGreaterThan(25_000)
    expect(dropped.length / spans.length).toBeLessThan(1 / 2000)
  })

  it.each<[string, string[]]>([
    ['simplified', articles],
    ['traditional', articles.map((article) => toTraditional(article))],
  ])('keeps every misaligned span that ends before a digit a suspect (%s articles)', (_name, texts) => {
    const spans = damagedSpans(texts).filter(
      ({damaged, at, end}) => /[0-9]/.test(damaged.charAt(end)) && damageSignal(damaged, at),
    )
    expect(spans.length).toBeGreaterThan(5000)
    expect(spans.filter(({damaged, at}) => suspectSignal(damaged, at) === undefined)).toEqual([])
  })

  it.each([
    ['as they are', false],
    ['folded to ASCII', true],
  ])('passes over most `?` standing for characters lost whole (%s)', (_name, folded) => {
    const marks = scannedMarks(withLostCharacters('?', folded), '?')
    expect(marks.length).toBeGreaterThan(100)
    expect(marks.filter(Boolean).length / marks.length).toBeGreaterThan(0.7)
  })

  it('never passes over U+FFFD, a decoder mark', () => {
    const marks = scannedMarks(withLostCharacters('\ufffd', true), '\ufffd')
    expect(marks.length).toBeGreaterThan(100)
    expect(marks.filter(Boolean)).toEqual([])
  })
})

describe('the evidence that the text after a mark reads on as it is', () => {
  // Real text: a paragraph's first six Han characters in a row, its start and its end.
  const paragraph = paragraphsOf(articles[0]!).find((text) => /[\u4e00-\u9fff]{6}/.test(text))!
  const run = paragraph.match(/[\u4e00-\u9fff]{6}/)![0]

  it.each([
    ['fluent text after the mark', `?${run}`, (evidence: number) => evidence > 3],
    [
      'an ASCII letter right after the mark (a trail byte read alone)',
      `?A${run}`,
      (evidence: number) => evidence === 0,
    ],
    ['U+FFFD right after the mark', `?\ufffd${run}`, (evidence: number) => evidence === 0],
  ])('is weighed for %s', (_name, text, holds) => {
    expect(holds(inStepEvidence(text, 0))).toBe(true)
  })

  // What each stop adds to the run before it: a misreading would have ended in `?` before
  // whitespace or the paragraph's end, and never writes a character GBK lacks (U+2022).
  it.each([
    ['`?`', '?', 0],
    ['an ASCII letter', 'A', 0],
    ['U+3000', '\u3000', 0],
    ['a space', ' ', 3],
    ['the paragraph end', '', 3],
    ['a character GBK has no bytes for', '\u2022', 5],
  ])('stops the run at %s', (_name, stop, added) => {
    const before = inStepEvidence(`?${run.slice(0, 3)}?`, 0)
    expect(inStepEvidence(`?${run.slice(0, 3)}${stop}${stop ? run.slice(3) : ''}`, 0)).toBeCloseTo(before + added, 10)
  })

  it('reads on past a folded full-width mark below 0x40 (a comma, a digit)', () => {
    const before = inStepEvidence(`?${run.slice(0, 3)}?`, 0)
    expect(inStepEvidence(`?${run.slice(0, 3)},${run.slice(3)}`, 0)).not.toBe(before)
    expect(inStepEvidence(`?${run.slice(0, 3)}1${run.slice(3)}`, 0)).not.toBe(before)
  })

  it('takes a `?` before fluent text for a lost character, never a U+FFFD', () => {
    expect(standsForLostCharacter(`?${run}`, 0)).toBe(true)
    expect(standsForLostCharacter(`\ufffd${run}`, 0)).toBe(false)
  })
})

describe('whether the text after a mark reads as clearly shifted', () => {
  it('reads nearly every misaligned span made from real bytes in simplified articles so', () => {
    const spans = damagedSpans(articles.slice(0, 200)).filter(({damaged, at}) => {
      const signal = suspectSignal(damaged, at)
      return signal !== undefined && signal !== 'stray-script'
    })
    const shifted = spans.filter(({damaged, at}) => readsAsShifted(damaged, at))
    expect(spans.length).toBeGreaterThan(25_000)
    expect(shifted.length / spans.length).toBeGreaterThan(0.95)
  })

  it.each([
    ['as they are', false],
    ['folded to ASCII', true],
  ])('reads no `?` the second look keeps in articles with lost characters so (%s)', (_name, folded) => {
    const kept: string[] = []
    for (const paragraph of withLostCharacters('?', folded)) {
      for (let at = paragraph.indexOf('?'); at !== -1; at = paragraph.indexOf('?', at + 1)) {
        if (suspectSignal(paragraph, at) && readsAsShifted(paragraph, at)) kept.push(paragraph.slice(at, at + 12))
      }
    }
    expect(kept).toEqual([])
  })

  it('always reads text after U+FFFD, a decoder mark, as shifted', () => {
    const paragraph = paragraphsOf(articles[0]!).find((text) => /[\u4e00-\u9fff]{6}/.test(text))!
    expect(readsAsShifted(`\ufffd${paragraph}`, 0)).toBe(true)
  })
})
