// What jieba's dictionary (about 350k words with their counts in a large corpus) says about which
// character follows which: each word adds its count to each of its characters and to each pair of
// neighbours inside it. A character then goes on inside a word (the pair's share of its count) or
// ends one (the rest), after which any character may follow. Word-internal pairs are what tell a
// real two-character word from the one wrong character a misaligned pair makes (the pair of a
// word beats a common single character). Read on the first damaged span only: clean text never
// pays for it.
import {forEachDictionaryWord} from './jieba.js'

interface Counts {
  // Count of each pair inside a word, divided by the first's count.
  inside: PairTable
  // Share of each character's count where it ends a word (1 for a character the words lack).
  ending: Float32Array
}

let counts: Counts | undefined

function load(): Counts {
  const total = new Float64Array(0x10000)
  const ending = new Float64Array(0x10000)
  const inside = new PairTable(wordPairs)
  forEachDictionaryWord((text, start, end, count) => addWord(text, start, end, count, total, ending, inside))
  inside.divideByFirst(total)
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
  inside: PairTable,
): void {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index)
    total[code]! += count
    if (index + 1 === end) ending[code]! += count
    else inside.add(code, text.charCodeAt(index + 1), count)
  }
}

// Distinct pairs inside the dictionary's words (about 300k): the table is sized for them once.
const wordPairs = 300_000

// A number per pair of BMP characters, in an open-addressing table over typed arrays: building
// a Map of 300k number keys was half of reading the dictionary (some 300 ms a thread), and every
// look-up of the repair's search goes through it.
export class PairTable {
  // Per slot, first << 16 | second, or `empty` (U+FFFF twice: not a character).
  #keys: Uint32Array
  #values: Float64Array
  #mask: number
  #size = 0

  constructor(expected: number) {
    const slots = 2 ** Math.ceil(Math.log2(Math.max(2 * expected, 16)))
    this.#keys = new Uint32Array(slots).fill(empty)
    this.#values = new Float64Array(slots)
    this.#mask = slots - 1
  }

  add(first: number, second: number, amount: number): void {
    const key = pairKey(first, second)
    let slot = this.#slotOf(key)
    if (this.#keys[slot] === empty) {
      if (2 * (this.#size + 1) > this.#keys.length) {
        this.#grow()
        slot = this.#slotOf(key)
      }
      this.#keys[slot] = key
      this.#size++
    }
    this.#values[slot]! += amount
  }

  // The pair's number; 0 for a pair never added (or a character beyond the BMP, which the
  // dictionary's code units never are).
  get(first: number, second: number): number {
    if (first > 0xffff || second > 0xffff) return 0
    const slot = this.#slotOf(pairKey(first, second))
    return this.#keys[slot] === empty ? 0 : this.#values[slot]!
  }

  // Each pair's number divided by `byFirst` of its first character.
  divideByFirst(byFirst: Float64Array): void {
    for (let slot = 0; slot < this.#keys.length; slot++) {
      const key = this.#keys[slot]!
      if (key !== empty) this.#values[slot] = this.#values[slot]! / byFirst[key >>> 16]!
    }
  }

  // The slot holding `key`, or the empty slot where it would go.
  #slotOf(key: number): number {
    let slot = Math.imul(key, 0x9e3779b1) >>> 0
    for (;;) {
      slot &= this.#mask
      const found = this.#keys[slot]!
      if (found === key || found === empty) return slot
      slot++
    }
  }

  #grow(): void {
    const keys = this.#keys
    const values = this.#values
    this.#keys = new Uint32Array(keys.length * 2).fill(empty)
    this.#values = new Float64Array(keys.length * 2)
    this.#mask = keys.length * 2 - 1
    for (let slot = 0; slot < keys.length; slot++) {
      if (keys[slot] === empty) continue
      const target = this.#slotOf(keys[slot]!)
      this.#keys[target] = keys[slot]!
      this.#values[target] = values[slot]!
    }
  }
}

const empty = 0xffffffff

function pairKey(first: number, second: number): number {
  return ((first << 16) | second) >>> 0
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
  const within = inside.get(previous, next)
  return (1 - anyEnding) * (within + ending[previous]! * after) + anyEnding * after
}
