// A word-level model of Chinese from jieba's dictionary (about 350k words with their counts in a
// large corpus): a text's log-probability is that of its most probable segmentation into
// dictionary words, found left to right by dynamic programming as jieba does. Characters that are
// not Han are scored by the character model's frequency (they end a word). The words' table is
// computed at build time (tables.ts) and read on the first damaged span: clean text never pays
// for it.
import {isHan} from '../text/char-class.js'
import {logFrequency, modelKey} from './frequency.js'
import {characterTable, dictionaryTables, unknownCharacter} from './tables.js'

// Longest word looked up (characters); longer dictionary entries are names and set phrases.
export const maxWordLength = 8

// How often the dictionary uses a single character as a word (log10 share; that of a character
// it lacks if never). Its own small table, for telling simplified from traditional text.
function characterLogProbability(code: number): number {
  return characterTable()[Math.min(code, unknownCharacter)]!
}

// The end of a running segmentation: the last characters of the current run of Han text (up to
// maxWordLength - 1) and the best log-probability at each place among them, the last the text's.
export interface WordTail {
  readonly chars: string
  readonly best: readonly number[]
}

export const emptyTail: WordTail = {chars: '', best: [0]}

// The tail after one more character: the best segmentation ending with it.
export function extendTail(tail: WordTail, code: number): WordTail {
  const last = tail.best[tail.best.length - 1]!
  if (!isHan(code)) return {chars: '', best: [last + logFrequency(modelKey(code))]}
  const {words} = dictionaryTables()
  const unknown = characterTable()[unknownCharacter]!
  const chars = tail.chars + String.fromCharCode(code)
  const length = chars.length
  let best = last + (words.get(chars, length - 1, length) ?? unknown)
  for (let size = 2; size <= length; size++) {
    const word = words.get(chars, length - size, length)
    if (word === undefined) continue
    const score = tail.best[length - size]! + word
    if (score > best) best = score
  }
  const keep = Math.min(length, maxWordLength - 1)
  return {chars: chars.slice(length - keep), best: [...tail.best.slice(tail.best.length - keep), best]}
}

// The log-probability a tail has reached.
export function tailScore(tail: WordTail): number {
  return tail.best[tail.best.length - 1]!
}

// The tail after each character of `text` in turn.
export function extendTailWith(tail: WordTail, text: string): WordTail {
  let current = tail
  for (let index = 0; index < text.length; index++) current = extendTail(current, text.charCodeAt(index))
  return current
}

// Whether the dictionary knows the text's characters as simplified Chinese: traditional forms
// are rare words there (a traditional article scores far below its simplified form).
export function simplifiedShare(text: string): number {
  let han = 0
  let common = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (!isHan(code)) continue
    han++
    if (characterLogProbability(code) > commonCharacter) common++
  }
  return han === 0 ? 1 : common / han
}

// A character used as a word more than about once in a million dictionary counts.
const commonCharacter = -6
