// The repair's tables (tables.ts) computed from iconv-lite's GBK codec and jieba's dictionary:
// run by `npm run build` (scripts/repair-tables.js), which writes them to dist/repair-tables.bin,
// and by the tests that check the file holds what the codec and the dictionary say. Never at run
// time.
import iconv from 'iconv-lite'
import {firstLead, firstTrail, isPrivateUse, lastLead, pairIndex, rowLength} from './gbk.js'
import {forEachDictionaryWord} from './jieba.js'
import {PairTable} from './pair-table.js'
import {type DictionaryTables, type GbkTables, noPair, type RepairTables, unknownCharacter} from './tables.js'
import {codeUnitsOf, WordTable} from './word-table.js'
import {maxWordLength} from './words.js'

export function buildTables(): RepairTables {
  let total = 0
  forEachDictionaryWord((_text, _start, _end, count) => {
    total += count
  })
  const logTotal = Math.log10(total)
  return {
    gbk: buildGbk(),
    commonWords: buildCommonWords(),
    characters: buildCharacters(logTotal),
    dictionary: {...buildPairs(), words: buildWords(logTotal)},
  }
}

// Each pair's character as iconv-lite decodes it, and each character's pair as it encodes it.
function buildGbk(): GbkTables {
  const pairs = new Uint16Array((lastLead - firstLead + 1) * rowLength).fill(noPair)
  const bytes = new Uint16Array(0x10000)
  const privateUse: number[] = []
  for (let lead = firstLead; lead <= lastLead; lead++) {
    const row: number[] = []
    for (let trail = firstTrail; trail <= 0xfe; trail++) if (trail !== 0x7f) row.push(lead, trail)
    const decoded = iconv.decode(Buffer.from(row), 'gbk')
    let column = 0
    for (let trail = firstTrail; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      const code = decoded.charCodeAt(column++)
      const pair = (lead << 8) | trail
      if (isPrivateUse(code)) privateUse.push(pair)
      if (bytes[code] !== 0) {
        resolveSharedCode(pairs, bytes, code, pair)
        continue
      }
      bytes[code] = pair
      pairs[pairIndex(lead, trail)] = code
    }
  }
  return {pairs, bytes, privateUse: Uint16Array.from(privateUse)}
}

// Two pairs decode to one character: only the pair the encoder writes round-trips.
function resolveSharedCode(pairs: Uint16Array, bytes: Uint16Array, code: number, pair: number): void {
  const encoded = iconv.encode(String.fromCharCode(code), 'gbk')
  const canonical = encoded.length === 2 ? (encoded[0]! << 8) | encoded[1]! : -1
  const earlier = bytes[code]!
  if (canonical === pair) {
    pairs[pairIndex(earlier >> 8, earlier & 0xff)] = noPair
    bytes[code] = pair
    pairs[pairIndex(pair >> 8, pair & 0xff)] = code
  }
}

// Each word adds its count to each of its characters and to each pair of neighbours inside it.
// A character then goes on inside a word (the pair's share of its count) or ends one (the rest).
function buildPairs(): Pick<DictionaryTables, 'pairs' | 'ending'> {
  const total = new Float64Array(0x10000)
  const ending = new Float64Array(0x10000)
  const pairs = new PairTable(wordPairs)
  forEachDictionaryWord((text, start, end, count) => {
    for (let index = start; index < end; index++) {
      const code = text.charCodeAt(index)
      total[code]! += count
      if (index + 1 === end) ending[code]! += count
      else pairs.add(code, text.charCodeAt(index + 1), count)
    }
  })
  pairs.divideByFirst(total)
  const endingShare = new Float32Array(0x10000).fill(1)
  for (let code = 0; code < 0x10000; code++) if (total[code]! > 0) endingShare[code] = ending[code]! / total[code]!
  return {pairs, ending: endingShare}
}

// Distinct pairs inside the dictionary's words (about 300k): the table is sized for them once.
const wordPairs = 300_000

// The words short enough to be looked up, in a text of their own (the dictionary's text without
// counts, tags and longer words: about a fifth of it).
function buildWords(logTotal: number): WordTable {
  let text = ''
  const ranges: number[] = []
  const values: number[] = []
  forEachDictionaryWord((dictionary, start, end, count) => {
    if (end - start > maxWordLength) return
    ranges.push(text.length, text.length + end - start)
    text += dictionary.slice(start, end)
    values.push(Math.log10(count) - logTotal)
  })
  const table = new WordTable(codeUnitsOf(text), values.length)
  for (let index = 0; index < values.length; index++)
    table.set(ranges[2 * index]!, ranges[2 * index + 1]!, values[index]!)
  return table
}

// Two-character words counted this often in jieba's corpus (about 24k of them): what tells fluent
// text from shifted garbage in the first look at a damage mark (shift-check.ts).
const commonWordCount = 100

function buildCommonWords(): Uint32Array {
  const words: number[] = []
  forEachDictionaryWord((text, start, end, count) => {
    if (end - start === 2 && count >= commonWordCount)
      words.push(text.charCodeAt(start) * 0x10000 + text.charCodeAt(start + 1))
  })
  return Uint32Array.from(words).sort()
}

function buildCharacters(logTotal: number): Float64Array {
  const counts = new Float64Array(0x10000)
  forEachDictionaryWord((text, start, end, count) => {
    if (end - start === 1) counts[text.charCodeAt(start)] = count
  })
  const table = new Float64Array(unknownCharacter + 1).fill(-logTotal)
  for (let code = 0; code < 0x10000; code++) if (counts[code]! > 0) table[code] = Math.log10(counts[code]!) - logTotal
  return table
}
