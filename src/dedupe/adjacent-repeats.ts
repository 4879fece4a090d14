// Text doubled in place inside a paragraph (`... X X ...`): a capture artifact wherever it stands,
// as in articles whose paragraph breaks were lost and whose sections were each captured twice
// (heading, body, the same body again, next heading, ...). X qualifies when it holds two or more
// sentences or at least `minLength` code points.
//
// Candidates come from the sentences: a sentence whose key (see `tabulateSentences`) last appeared
// earlier in the same paragraph proposes the distance between the two as the period P, and a
// sentence of `minLength` code units or more proposes its own length (its first copy may be glued
// to a heading, so no key of its own repeats). A candidate is confirmed character by character:
// the text around the earlier sentence agrees with the text P code units later over a stretch of
// at least P, so the stretch is X X (or X X X ...); or it agrees over a shorter stretch X that
// only blanks separate from its copy. The copies must agree exactly: blanks inside them too.
//
// Each comparison is one step of a budget proportional to the paragraph's length, so a paragraph
// costs linear time whatever it holds; a paragraph whose budget runs out is reported as such.

import {isBlank} from '../text/char-class.js'
import {codePointLength} from './key.js'
import type {Repeat, SentenceTable} from './sentence-repeats.js'

export interface AdjacentSearch {
  // Second copies (and third, ...) to remove, in paragraph and text order.
  repeats: Repeat[]
  // Paragraphs whose search stopped at the budget: what follows the stop was not searched.
  exhausted: number[]
}

// A confirmed `X X`: the later copies are `[start, end)`, the first copy starts at `firstStart`.
interface Tandem {
  start: number
  end: number
  firstStart: number
}

// Every in-place repeat of the file's paragraphs. `comparisonsPerUnit` times a paragraph's length
// is its budget of character comparisons.
export function findAdjacentRepeats(
  texts: string[],
  table: SentenceTable,
  minLength: number,
  comparisonsPerUnit = 8,
): AdjacentSearch {
  const search: AdjacentSearch = {repeats: [], exhausted: []}
  // Per period, how far a paragraph's text was already compared (see `tandemsInParagraph`).
  const comparedUpTo = new Map<number, number>()
  let first = 0
  while (first < table.paragraphs.length) {
    const paragraph = table.paragraphs[first]!
    let last = first
    while (last + 1 < table.paragraphs.length && table.paragraphs[last + 1] === paragraph) last++
    if (proposesPeriod(table, first, last, minLength)) {
      const text = texts[paragraph]!
      const budget = {left: Math.ceil(comparisonsPerUnit * text.length)}
      comparedUpTo.clear()
      for (const tandem of tandemsInParagraph(text, table, first, last, minLength, budget, comparedUpTo)) {
        search.repeats.push({
          paragraph,
          start: tandem.start,
          end: tandem.end,
          firstParagraph: paragraph,
          firstStart: tandem.firstStart,
          remove: true,
        })
      }
      if (budget.left < 0) search.exhausted.push(paragraph)
    }
    first = last + 1
  }
  return search
}

// Whether a sentence of `first..last` (one paragraph's) proposes a period that can hold a tandem:
// one after the first sentence (whose copy would start before the paragraph) that repeats an
// earlier sentence of the paragraph or is `minLength` code units long. Most paragraphs hold none
// and are not searched.
function proposesPeriod(table: SentenceTable, first: number, last: number, minLength: number): boolean {
  for (let sentence = first + 1; sentence <= last; sentence++) {
    if (table.previousCopies[sentence]! >= first) return true
    if (table.ends[sentence]! - table.starts[sentence]! >= minLength) return true
  }
  return false
}

// The tandems among sentences `first..last` (one paragraph's), left to right, not overlapping.
function tandemsInParagraph(
  text: string,
  table: SentenceTable,
  first: number,
  last: number,
  minLength: number,
  budget: {left: number},
  // Per period, how far the text was already compared: a later candidate inside it adds nothing.
  // Empty on entry.
  comparedUpTo: Map<number, number>,
): Tandem[] {
  const tandems: Tandem[] = []
  let floor = 0
  // The tandem of period `period` (0: none) through `start`, if long enough.
  const tandemOf = (start: number, period: number): Tandem | undefined => {
    if (period === 0 || (comparedUpTo.get(period) ?? -1) > start - period) return undefined
    const tandem = tandemAround(text, start, period, floor, budget, comparedUpTo)
    return tandem && isLongEnough(text, table, first, last, tandem, minLength) ? tandem : undefined
  }
  for (let sentence = first; sentence <= last && budget.left >= 0; sentence++) {
    const start = table.starts[sentence]!
    if (start < floor) continue
    const previous = table.previousCopies[sentence]!
    const keyPeriod = previous >= first ? start - table.starts[previous]! : 0
    const ownLength = table.ends[sentence]! - start
    const lengthPeriod = ownLength >= minLength && ownLength !== keyPeriod ? ownLength : 0
    const tandem = tandemOf(start, keyPeriod) ?? tandemOf(start, lengthPeriod)
    if (tandem) {
      tandems.push(tandem)
      floor = tandem.end
    }
  }
  return tandems
}

// The tandem of period `period` through `at` (a sentence start whose copy stands `period` code
// units earlier), if the text there repeats itself; its later copies begin on a sentence start
// where one fits, so the message shows whole sentences.
function tandemAround(
  text: string,
  at: number,
  period: number,
  floor: number,
  budget: {left: number},
  comparedUpTo: Map<number, number>,
): Tandem | undefined {
  const anchor = at - period
  if (anchor < floor) return undefined
  let low = anchor
  while (low > floor && low > anchor - period && text.charCodeAt(low - 1) === text.charCodeAt(low - 1 + period)) low--
  let high = anchor
  while (high + period < text.length && text.charCodeAt(high) === text.charCodeAt(high + period)) high++
  budget.left -= high - low + 1
  comparedUpTo.set(period, high)
  const agreeing = high - low
  if (agreeing === 0) return undefined
  if (agreeing < period) {
    if (!isBlankRun(text, low + agreeing, low + period)) return undefined
    return {start: low + period, end: low + period + agreeing, firstStart: low}
  }
  const copies = Math.floor((agreeing + period) / period)
  const slack = agreeing + period - copies * period
  const shift = at - low - period <= slack && at - low - period >= 0 ? at - low - period : 0
  const start = low + period + shift
  return {start, end: start + (copies - 1) * period, firstStart: start - period}
}

// Two or more sentences, or `minLength` code points, in the first copy.
function isLongEnough(
  text: string,
  table: SentenceTable,
  first: number,
  last: number,
  tandem: Tandem,
  minLength: number,
): boolean {
  const copyEnd = tandem.firstStart + Math.min(tandem.end - tandem.start, tandem.start - tandem.firstStart)
  const sentences =
    firstEndAfter(table.ends, first, last + 1, copyEnd) - firstEndAfter(table.ends, first, last + 1, tandem.firstStart)
  return sentences >= 2 || codePointLength(text.slice(tandem.firstStart, copyEnd)) >= minLength
}

// The first sentence in `from..to - 1` whose end lies past `offset` (`to` when none does).
function firstEndAfter(ends: Int32Array, from: number, to: number, offset: number): number {
  let low = from
  let high = to
  while (low < high) {
    const middle = (low + high) >>> 1
    if (ends[middle]! > offset) high = middle
    else low = middle + 1
  }
  return low
}

function isBlankRun(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) if (!isBlank(text.charCodeAt(index))) return false
  return true
}
