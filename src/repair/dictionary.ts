// What jieba's dictionary (about 350k words with their counts in a large corpus) says about which
// character follows which: each word adds its count to each of its characters and to each pair of
// neighbours inside it. A character then goes on inside a word (the pair's share of its count) or
// ends one (the rest), after which any character may follow. Word-internal pairs are what tell a
// real two-character word from the one wrong character a misaligned pair makes (the pair of a
// word beats a common single character). Read on the first damaged span only: clean text never
// pays for it.
import {forEachDictionaryWord} from './jieba.js'

interface Counts {
  // Count of each (first << 16 | second) pair inside a word, divided by the first's count.
  inside: Map<number, number>
  // Share of each character's count where it ends a word (1 for a character the words lack).
  ending: Float32Array
}

let counts: Counts | undefined

function load(): Counts {
  const total = new Float64Array(0x10000)
  const ending = new Float64Array(0x10000)
  const inside = new Map<number, number>()
  forEachDictionaryWord((text, start, end, count) => addWord(text, start, end, count, total, ending, inside))
  for (const [pair, count] of inside) inside.set(pair, count / total[pair >>> 16]!)
  const endingShare = new Float32Array(0x10000).fill(1)
  for (let code = 0; code < 0x10000; code++) if (total[code]! > 0) endingShare[code] = ending[code]! / total[code]!
  return {inside, ending: endingShare}
}

function addWord(
  text: string,
  start: number,
  end: number,
  count: number,
  total: Float64Array,
  ending: Float64Array,
  inside: Map<number, number>,
): void {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index)
    total[code]! += count
    if (index + 1 === end) ending[code]! += count
    else {
      const pair = code * 0x10000 + text.charCodeAt(index + 1)
      inside.set(pair, (inside.get(pair) ?? 0) + count)
    }
  }
}

function loaded(): Counts {
  counts ??= load()
  return counts
}

// Share of the words' own probabilities given to a word ending anyway: a character the words
// never end with still ends a name or a phrase the dictionary lacks.
const anyEnding = 0.05

// P(next | previous) by the dictionary's words: `next` goes on the word `previous` is in, or a
// word ends and `next` is drawn from `after` (the probability of `next` after a word's end).
export function dictionaryFollow(previous: number, next: number, after: number): number {
  const {inside, ending} = loaded()
  if (previous < 0) return after
  const within = inside.get(previous * 0x10000 + next) ?? 0
  return (1 - anyEnding) * (within + ending[previous]! * after) + anyEnding * after
}
