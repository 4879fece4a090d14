// How likely a character is in running Chinese news text, as log10 of its share of all
// characters: Han characters from the generated Unihan table, marks and ASCII from fixed
// estimates for scraped news (ASCII punctuation is common there: scrapers fold full-width
// marks). Candidates for a damaged span are scored with these, mixed with the document's own
// counts (see model.ts).
import {isHan} from '../text/char-class.js'
import {hanFrequencyTiers} from './han-frequency.js'

// A Han character the table does not hold: rare, a name at best.
const rareHan = -7
// A character news text has no use for: kana, Greek, box drawing, math signs.
const stray = -7.5
// A character lost to the damage (a swallowed ASCII byte): mostly digits and punctuation.
const lostCharacter = -1.7

// The table's log10 frequency of each BMP character (NaN where it has none), and of the others.
interface HanTable {
  bmp: Float64Array
  astral: Map<number, number>
}

let hanTable: HanTable | undefined

function table(): HanTable {
  if (hanTable) return hanTable
  hanTable = {bmp: new Float64Array(0x10000).fill(Number.NaN), astral: new Map()}
  for (const [tier, characters] of hanFrequencyTiers) {
    for (const character of characters) {
      const code = character.codePointAt(0)!
      if (code <= 0xffff) hanTable.bmp[code] = -tier / 10
      else hanTable.astral.set(code, -tier / 10)
    }
  }
  return hanTable
}

// The table's log10 frequency of a character, or undefined when it has none.
function tableFrequency(code: number): number | undefined {
  const {bmp, astral} = table()
  if (code > 0xffff || code < 0) return astral.get(code)
  const frequency = bmp[code]!
  return Number.isNaN(frequency) ? undefined : frequency
}

// The log10 frequency of a Han character (`rareHan` when the table lacks it); undefined for others.
export function hanLogFrequency(code: number): number | undefined {
  if (!isHan(code)) return undefined
  return tableFrequency(code) ?? rareHan
}

// Whether the table knows this character as one in ordinary use.
export function isKnownHan(code: number): boolean {
  return tableFrequency(code) !== undefined
}

const markLogFrequency = new Map<number, number>([
  [0x3002, -1.5], // ideographic full stop
  [0x2c, -1.4], // comma (U+FF0C folds to it)
  [0x3001, -2.2], // enumeration comma
  [0x201c, -2.2],
  [0x201d, -2.2],
  [0x2018, -3.8],
  [0x2019, -3.8],
  [0x3a, -2.6],
  [0x3b, -3.1],
  [0x3f, -3.3],
  [0x21, -3.5],
  [0x22, -2.9],
  [0x28, -2.9],
  [0x29, -2.9],
  [0x2e, -2.5],
  [0x25, -3.1],
  [0x2d, -3.1],
  [0x2f, -3.4],
  [0x20, -2.6],
  [0x300a, -2.9],
  [0x300b, -2.9],
  [0x300c, -3.8],
  [0x300d, -3.8],
  [0x300e, -4.5],
  [0x300f, -4.5],
  [0x3010, -3.6],
  [0x3011, -3.6],
  [0x2026, -3.4],
  [0x2014, -3.3],
  [0xb7, -3.7],
  [0x3000, -3.2],
  [0x2103, -4.5], // degree Celsius
  [0xff05, -4.5],
])

// The character as the model counts it: full-width ASCII forms fold to ASCII, as scrapers do.
export function modelKey(code: number): number {
  return code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code
}

// log10 of the character's share of news text (the key is `modelKey`'s). Each BMP key is worked
// out once a thread: the damage scan asks for every character after every `?` of a text.
export function logFrequency(key: number): number {
  if (key < 0 || key > 0xffff) return workOutLogFrequency(key)
  logFrequencies ??= new Float64Array(0x10000).fill(Number.NaN)
  const known = logFrequencies[key]!
  if (!Number.isNaN(known)) return known
  logFrequencies[key] = workOutLogFrequency(key)
  return logFrequencies[key]!
}

let logFrequencies: Float64Array | undefined

function workOutLogFrequency(key: number): number {
  const han = hanLogFrequency(key)
  if (han !== undefined) return han
  const mark = markLogFrequency.get(key)
  if (mark !== undefined) return mark
  if (key >= 0x30 && key <= 0x39) return -2.2
  if ((key >= 0x41 && key <= 0x5a) || (key >= 0x61 && key <= 0x7a)) return -2.8
  if (key > 0x20 && key < 0x7f) return -4.5
  if (key === 0xfffd) return lostCharacter
  return stray
}

export type CharacterClass = 'han' | 'stop' | 'pause' | 'open' | 'close' | 'digit' | 'latin' | 'other'

// Punctuation roles, for the few sequences Chinese text never has (a stop then a comma).
export function classOf(key: number): CharacterClass {
  if (isHan(key)) return 'han'
  switch (key) {
    case 0x3002:
    case 0x3f:
    case 0x21:
      return 'stop'
    case 0x2c:
    case 0x3001:
    case 0x3b:
    case 0x3a:
      return 'pause'
    case 0x201c:
    case 0x2018:
    case 0x300a:
    case 0x300c:
    case 0x300e:
    case 0x3010:
    case 0x3014:
    case 0x3008:
      return 'open'
    case 0x201d:
    case 0x2019:
    case 0x300b:
    case 0x300d:
    case 0x300f:
    case 0x3011:
    case 0x3015:
    case 0x3009:
      return 'close'
  }
  if (key >= 0x30 && key <= 0x39) return 'digit'
  if ((key >= 0x41 && key <= 0x5a) || (key >= 0x61 && key <= 0x7a)) return 'latin'
  return 'other'
}

// log10 penalty for `next` right after `previous`: sequences well-formed Chinese text avoids.
export function sequencePenalty(previous: number, next: number): number {
  const before = classOf(previous)
  const after = classOf(next)
  if (previous === 0x3002 && (after === 'stop' || after === 'pause')) return -2.5
  if (before === 'pause' && (after === 'stop' || after === 'pause')) return -2.5
  if (before === 'open' && (after === 'close' || after === 'stop' || after === 'pause')) return -2.5
  return 0
}
