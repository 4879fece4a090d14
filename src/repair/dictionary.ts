// What jieba's dictionary (about 350k words with their counts in a large corpus) says about which
// character follows which: each word adds its count to each of its characters and to each pair of
// neighbours inside it. A character then goes on inside a word (the pair's share of its count) or
// ends one (the rest), after which any character may follow. Word-internal pairs are what tell a
// real two-character word from the one wrong character a misaligned pair makes (the pair of a
// word beats a common single character). The counts are computed at build time (tables.ts).
import {dictionaryTables} from './tables.js'

// Share of the words' own probabilities given to a word ending anyway: a character the words
// never end with still ends a name or a phrase the dictionary lacks.
const anyEnding = 0.05

// P(next | previous) by the dictionary's words: `next` goes on the word `previous` is in, or a
// word ends and `next` is drawn from `after` (the probability of `next` after a word's end).
export function dictionaryFollow(previous: number, next: number, after: number): number {
  const {pairs, ending} = dictionaryTables()
  if (previous < 0) return after
  const within = pairs.get(previous, next)
  return (1 - anyEnding) * (within + ending[previous]! * after) + anyEnding * after
}
