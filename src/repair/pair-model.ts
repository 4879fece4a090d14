// The language model readings are scored with: P(next | previous) from the document's own
// character pairs, interpolated (Witten-Bell) down to the dictionary's word-internal pairs
// (dictionary.ts), and those down to the general character frequencies mixed with the document's
// own. A pair the article uses often predicts what follows it there, so a name that appears
// elsewhere in the article is strong evidence for the reading that restores it. The article's
// runs of three characters are counted too, for the second opinion (rescore.ts). Damaged
// stretches are left out of the counts: their characters are what is in question.
import {isHan} from '../text/char-class.js'
import {dictionaryFollow} from './dictionary.js'
import {logFrequency, sequencePenalty} from './frequency.js'

// A code before the first character of a paragraph, and one after its last.
export const paragraphStart = -1
export const paragraphEnd = 0xffff

// Share of the document's own Han counts in the base distribution (names, topic words).
const ownHanWeight = 0.1

export class PairModel {
  private readonly unigrams = new Uint32Array(0x10000)
  // Times each character was followed by another, by how many different ones, and each pair.
  private readonly totals = new Uint32Array(0x10000)
  private readonly distincts = new Uint32Array(0x10000)
  private readonly pairs = new Map<number, number>()
  // Times each run of three characters was seen, by its keys packed into 48 bits.
  private readonly triples = new Map<number, number>()
  private total = 0
  // `base` of each key once asked (NaN: not yet). Valid because the counts are complete before
  // the first question.
  private readonly baseCache = new Float64Array(0x10000).fill(Number.NaN)

  // Count one paragraph (model keys), skipping the [start, end) ranges of indices in `excluded`.
  addParagraph(keys: ArrayLike<number>, excluded: ReadonlyArray<readonly [number, number]> = []): void {
    let previous = paragraphStart
    let beforePrevious = paragraphStart
    let range = 0
    for (let index = 0; index < keys.length; index++) {
      while (range < excluded.length && excluded[range]![1] <= index) range++
      const current = excluded[range]
      const key = keys[index]!
      if ((current && current[0] <= index) || key === 0xfffd || key === 0x3f) {
        previous = beforePrevious = paragraphStart
        continue
      }
      this.unigrams[key]!++
      this.total++
      if (previous !== paragraphStart) this.addPair(previous, key)
      if (beforePrevious !== paragraphStart) {
        const triple = tripleOf(beforePrevious, previous, key)
        this.triples.set(triple, (this.triples.get(triple) ?? 0) + 1)
      }
      beforePrevious = previous
      previous = key
    }
  }

  private addPair(previous: number, next: number): void {
    const pair = previous * 0x10000 + next
    const seen = this.pairs.get(pair) ?? 0
    this.pairs.set(pair, seen + 1)
    this.totals[previous]!++
    if (seen === 0) this.distincts[previous]!++
  }

  // P(next | previous), model keys (`paragraphStart` where there is none), with the penalty for
  // ill-formed punctuation.
  probability(previous: number, next: number): number {
    if (next === paragraphEnd) return endsSentence(previous) ? sentenceEndsParagraph : otherEndsParagraph
    const lower = dictionaryFollow(previous, next, this.base(next))
    if (previous === paragraphStart) return lower
    const total = this.totals[previous]!
    const penalty = 10 ** sequencePenalty(previous, next)
    if (total === 0) return lower * penalty
    const weight = total / (total + this.distincts[previous]!)
    return (weight * ((this.pairs.get(previous * 0x10000 + next) ?? 0) / total) + (1 - weight) * lower) * penalty
  }

  // Times the article has the three characters (model keys) in a row, outside damaged stretches.
  tripleCount(first: number, second: number, third: number): number {
    return this.triples.get(tripleOf(first, second, third)) ?? 0
  }

  // The character's share of text, no context.
  base(key: number): number {
    const cached = this.baseCache[key]!
    if (!Number.isNaN(cached)) return cached
    const general = 10 ** logFrequency(key)
    const probability =
      !isHan(key) || this.total === 0
        ? general
        : (1 - ownHanWeight) * general + (ownHanWeight * this.unigrams[key]!) / this.total
    this.baseCache[key] = probability
    return probability
  }
}

function tripleOf(first: number, second: number, third: number): number {
  return (first * 0x10000 + second) * 0x10000 + third
}

// P(the paragraph ends | its last character): a paragraph ends with a sentence.
const sentenceEndsParagraph = 0.3
const otherEndsParagraph = 0.002

function endsSentence(key: number): boolean {
  return (
    key === 0x3002 || key === 0x21 || key === 0x3f || key === 0x201d || key === 0x2026 || key === 0x29 || key === 0x300b
  )
}
