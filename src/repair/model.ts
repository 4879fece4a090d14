// The language model candidates are scored with: the document's own character trigrams and
// bigrams, interpolated (Witten-Bell) down to the general character frequencies. A context the
// article uses often predicts what follows it there, so a name that appears elsewhere in the
// article is strong evidence for the candidate that restores it, and against one that breaks
// it. Damaged stretches are left out of the counts: their characters are what is in question.
import {isHan} from '../text/char-class.js'
import {logFrequency, modelKey, sequencePenalty} from './frequency.js'

// A code before the first character of a paragraph.
export const paragraphStart = -1

// Share of the document's own Han counts in the base distribution (names, topic words).
const ownHanWeight = 0.1

// Counts of what follows each context. Keys are UTF-16 code units (16 bits), so a context and
// its follower pack into one number: flat typed arrays and maps of numbers, no map per context,
// keep building the model cheap on a long document.
interface Followers {
  // Times each context was seen with a follower.
  total: (context: number) => number
  // How many different characters followed it.
  distinct: (context: number) => number
  // Times `next` followed it.
  count: (context: number, next: number) => number
  add: (context: number, next: number) => void
}

export class DocumentModel {
  private readonly unigrams = new Uint32Array(0x10000)
  private readonly afterOne = followersTable()
  private readonly afterTwo = followersTable()
  private total = 0
  // `base` of each key once asked (NaN: not yet): a search asks for the same few characters
  // thousands of times. Valid because the counts are complete before the first question.
  private readonly baseCache = new Float64Array(0x10000).fill(Number.NaN)

  // Count one paragraph, skipping the [start, end) ranges of code-unit indices in `excluded`.
  addParagraph(text: string, excluded: ReadonlyArray<readonly [number, number]> = []): void {
    let first = paragraphStart
    let second = paragraphStart
    let range = 0
    for (let index = 0; index < text.length; index++) {
      while (range < excluded.length && excluded[range]![1] <= index) range++
      const current = excluded[range]
      const code = text.charCodeAt(index)
      if ((current && current[0] <= index) || code === 0xfffd || code === 0x3f) {
        first = second = paragraphStart
        continue
      }
      const key = modelKey(code)
      this.unigrams[key]!++
      this.total++
      if (second !== paragraphStart) this.afterOne.add(second, key)
      if (first !== paragraphStart) this.afterTwo.add(contextKey(first, second), key)
      first = second
      second = key
    }
  }

  // log10 P(next | first second), all model keys (`paragraphStart` where there is none), with the
  // penalty for ill-formed punctuation.
  logProbability(first: number, second: number, next: number): number {
    let probability = this.base(next)
    if (second !== paragraphStart) {
      probability = interpolate(this.afterOne, second, next, probability)
      if (first !== paragraphStart)
        probability = interpolate(this.afterTwo, contextKey(first, second), next, probability)
    }
    const penalty = second === paragraphStart ? 0 : sequencePenalty(second, next)
    return Math.log10(probability) + penalty
  }

  // log10 of the character's share of text, no context: what the context adds is measured from it.
  logBase(key: number): number {
    return Math.log10(this.base(key))
  }

  private base(key: number): number {
    const cached = this.baseCache[key]!
    if (!Number.isNaN(cached)) return cached
    const probability = this.computeBase(key)
    this.baseCache[key] = probability
    return probability
  }

  private computeBase(key: number): number {
    const general = 10 ** logFrequency(key)
    if (!isHan(key) || this.total === 0) return general
    return (1 - ownHanWeight) * general + (ownHanWeight * (this.unigrams[key] ?? 0)) / this.total
  }
}

// Witten-Bell: trust a context's own followers by how often it was seen against how many
// different characters followed it.
function interpolate(followers: Followers, context: number, next: number, lower: number): number {
  const total = followers.total(context)
  if (total === 0) return lower
  const weight = total / (total + followers.distinct(context))
  return weight * (followers.count(context, next) / total) + (1 - weight) * lower
}

function followersTable(): Followers {
  const totals = new Map<number, number>()
  const distincts = new Map<number, number>()
  const pairs = new Map<number, number>()
  return {
    total: (context) => totals.get(context) ?? 0,
    distinct: (context) => distincts.get(context) ?? 0,
    count: (context, next) => pairs.get(context * 0x10000 + next) ?? 0,
    add(context, next) {
      const pair = context * 0x10000 + next
      const seen = pairs.get(pair) ?? 0
      pairs.set(pair, seen + 1)
      totals.set(context, (totals.get(context) ?? 0) + 1)
      if (seen === 0) distincts.set(context, (distincts.get(context) ?? 0) + 1)
    },
  }
}

// Two code units as one context; with a follower this stays within 48 bits, exact in a double.
function contextKey(first: number, second: number): number {
  return first * 0x10000 + second
}
