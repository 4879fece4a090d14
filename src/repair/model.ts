// The language model candidates are scored with: the document's own character trigrams and
// bigrams, interpolated (Witten-Bell) down to the general character frequencies. A context the
// article uses often predicts what follows it there, so a name that appears elsewhere in the
// article is strong evidence for the candidate that restores it, and against one that breaks
// it. Damaged stretches are left out of the counts: their characters are what is in question.
import {isHan} from '../text/han.js'
import {logFrequency, modelKey, sequencePenalty} from './frequency.js'

// A code before the first character of a paragraph.
export const paragraphStart = -1

// Share of the document's own Han counts in the base distribution (names, topic words).
const ownHanWeight = 0.1

interface Followers {
  total: number
  next: Map<number, number>
}

export class DocumentModel {
  private readonly unigrams = new Map<number, number>()
  private readonly afterOne = new Map<number, Followers>()
  private readonly afterTwo = new Map<number, Followers>()
  private total = 0

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
      this.unigrams.set(key, (this.unigrams.get(key) ?? 0) + 1)
      this.total++
      if (second !== paragraphStart) count(this.afterOne, second, key)
      if (first !== paragraphStart) count(this.afterTwo, contextKey(first, second), key)
      first = second
      second = key
    }
  }

  // log10 P(next | first second), all model keys (`paragraphStart` where there is none), with the
  // penalty for ill-formed punctuation.
  logProbability(first: number, second: number, next: number): number {
    let probability = this.base(next)
    if (second !== paragraphStart) {
      probability = interpolate(this.afterOne.get(second), next, probability)
      if (first !== paragraphStart)
        probability = interpolate(this.afterTwo.get(contextKey(first, second)), next, probability)
    }
    const penalty = second === paragraphStart ? 0 : sequencePenalty(second, next)
    return Math.log10(probability) + penalty
  }

  private base(key: number): number {
    const general = 10 ** logFrequency(key)
    if (!isHan(key) || this.total === 0) return general
    return (1 - ownHanWeight) * general + (ownHanWeight * (this.unigrams.get(key) ?? 0)) / this.total
  }
}

// Witten-Bell: trust a context's own followers by how often it was seen against how many
// different characters followed it.
function interpolate(followers: Followers | undefined, next: number, lower: number): number {
  if (!followers) return lower
  const distinct = followers.next.size
  const weight = followers.total / (followers.total + distinct)
  return weight * ((followers.next.get(next) ?? 0) / followers.total) + (1 - weight) * lower
}

function count(table: Map<number, Followers>, context: number, next: number): void {
  let followers = table.get(context)
  if (!followers) {
    followers = {total: 0, next: new Map()}
    table.set(context, followers)
  }
  followers.total++
  followers.next.set(next, (followers.next.get(next) ?? 0) + 1)
}

function contextKey(first: number, second: number): number {
  return first * 0x110000 + second
}
