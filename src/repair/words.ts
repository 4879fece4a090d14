// A word-level model of Chinese from jieba's dictionary (about 350k words with their counts in a
// large corpus): a text's log-probability is that of its most probable segmentation into
// dictionary words, found left to right by dynamic programming as jieba does. Characters that are
// not Han are scored by the character model's frequency (they end a word). The dictionary is read
// on the first damaged span only: clean text never pays for it.
import {isHan} from '../text/char-class.js'
import {logFrequency, modelKey} from './frequency.js'
import {forEachDictionaryWord} from './jieba.js'
import {WordTable} from './word-table.js'

// Longest word looked up (characters); longer dictionary entries are names and set phrases.
export const maxWordLength = 8

interface Dictionary {
  // log10 of each word's share of the counts.
  words: WordTable
  // log10 share of a Han character the dictionary lacks (a count of one, as jieba gives it).
  unknown: number
}

let dictionary: Dictionary | undefined

function load(): Dictionary {
  let total = 0
  let dictionaryText = ''
  let words = 0
  forEachDictionaryWord((text, _start, _end, count) => {
    total += count
    dictionaryText = text
    words++
  })
  const logTotal = Math.log10(total)
  const table = new WordTable(dictionaryText, words)
  forEachDictionaryWord((_text, start, end, count) => {
    if (end - start <= maxWordLength) table.set(start, end, Math.log10(count) - logTotal)
  })
  return {words: table, unknown: -logTotal}
}

function loaded(): Dictionary {
  dictionary ??= load()
  return dictionary
}

// How often the dictionary uses a single character as a word (log10 share; `unknown` if never).
// Read from its own table, so telling simplified from traditional text never builds the word map.
function characterLogProbability(code: number): number {
  characters ??= loadCharacters()
  return code < characters.length ? characters[code]! : characters[unknownSlot]!
}

// Per BMP code point, its log10 share as a one-character word; the last slot is `unknown`.
let characters: Float64Array | undefined
const unknownSlot = 0x10000

function loadCharacters(): Float64Array {
  const counts = new Float64Array(0x10000)
  let total = 0
  forEachDictionaryWord((text, start, end, count) => {
    total += count
    if (end - start === 1) counts[text.charCodeAt(start)] = count
  })
  const logTotal = Math.log10(total)
  const table = new Float64Array(unknownSlot + 1).fill(-logTotal)
  for (let code = 0; code < 0x10000; code++) if (counts[code]! > 0) table[code] = Math.log10(counts[code]!) - logTotal
  return table
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
  const {words, unknown} = loaded()
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
