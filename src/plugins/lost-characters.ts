// lost-characters: warns at an ASCII `?` between two Han characters that is not plausibly a
// question: no question word or particle stands in its clause (the text since the last U+3002,
// U+FF01, U+FF1F, U+FF0C, U+FF1B, U+FF1A or their ASCII forms). Such a `?` is most often a
// character the scrape could not map (a name's rare character), which no rule can restore: a
// person must. One warning per `?`, nothing changed: normalize-punctuation still converts the
// `?` to U+FF1F (R5). Runs before normalize-punctuation, while the `?` is still ASCII.
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {pointIn, reportDoubt} from '../messages.js'
import type {Root, Text} from '../syntax/types.js'
import {isHan} from '../text/char-class.js'
import {codePointBefore} from '../text/code-point.js'

const ruleId = 'lost-characters'

export interface Options {}

const lostCharacters: Plugin<[Options?], Root> = function () {
  return function (tree: Root, file: VFile) {
    for (const paragraph of tree.children) {
      const text = paragraph.children[0]
      for (let index = text.value.indexOf('?'); index >= 0; index = text.value.indexOf('?', index + 1)) {
        if (isProbablyLostCharacter(text.value, index)) report(file, text, index)
      }
    }
  }
}

export default lostCharacters

// Whether the `?` at `index` stands between Han characters in a clause without a question word.
export function isProbablyLostCharacter(text: string, index: number): boolean {
  if (!isHan(codePointBefore(text, index)) || !isHan(text.codePointAt(index + 1) ?? -1)) return false
  return !hasQuestionWord(text, clauseStart(text, index), index)
}

// Where the clause that ends at `end` starts: right after the last clause mark before it.
export function clauseStart(text: string, end: number): number {
  let index = end
  while (index > 0 && !isClauseMark(text.charCodeAt(index - 1))) index--
  return index
}

function isClauseMark(code: number): boolean {
  switch (code) {
    case 0x3002:
    case 0xff01:
    case 0xff1f:
    case 0xff0c:
    case 0xff1b:
    case 0xff1a:
    case 0x2e:
    case 0x21:
    case 0x3f:
    case 0x2c:
    case 0x3b:
    case 0x3a:
      return true
    default:
      return false
  }
}

// Question particles and words of one character, simplified and traditional: U+5417 U+55CE
// (ma), U+5462 (ne), U+4E48 U+9EBC (me, which also covers shenme U+4EC0, zenme U+600E and
// weishenme U+4E3A/U+70BA), U+8C01 U+8AB0 (shei), U+54EA (na), U+5C82 U+8C48 (qi), U+600E (zen, as
// in zenyang), U+5565 (sha, what).
const questionCharacters = new Set([
  0x5417, 0x55ce, 0x5462, 0x4e48, 0x9ebc, 0x8c01, 0x8ab0, 0x54ea, 0x5c82, 0x8c48, 0x600e, 0x5565,
])

// Question words of two characters whose characters alone are too common to count: ruhe
// U+5982 U+4F55, duoshao U+591A U+5C11, shifou U+662F U+5426 (and nengfou U+80FD, kefou U+53EF
// before U+5426), nandao U+96BE/U+96E3 U+9053; duo
// U+591A before da U+5927, jiu U+4E45, yuan U+8FDC/U+9060, chang U+957F/U+9577, gao U+9AD8 (how big,
// long, far, tall); haishi U+8FD8/U+9084 U+662F (or, in a choice).
const questionPairs = new Set([
  pair(0x5982, 0x4f55),
  pair(0x591a, 0x5c11),
  pair(0x662f, 0x5426),
  pair(0x80fd, 0x5426),
  pair(0x53ef, 0x5426),
  pair(0x96be, 0x9053),
  pair(0x96e3, 0x9053),
  pair(0x591a, 0x5927),
  pair(0x591a, 0x4e45),
  pair(0x591a, 0x8fdc),
  pair(0x591a, 0x9060),
  pair(0x591a, 0x957f),
  pair(0x591a, 0x9577),
  pair(0x591a, 0x9ad8),
  pair(0x8fd8, 0x662f),
  pair(0x9084, 0x662f),
])

// ji U+51E0 U+5E7E (how many) counts unless it is jihu (almost), U+51E0/U+5E7E U+4E4E; he U+4F55
// (what, why) unless it is renhe (any), U+4EFB U+4F55.
const howMany = new Set([0x51e0, 0x5e7e])
const almostTail = 0x4e4e
const what = 0x4f55
const anyHead = 0x4efb

// The A-not-A question (X U+4E0D X, X U+6CA1/U+6C92 X: shi bu shi, you mei you).
const notCharacters = new Set([0x4e0d, 0x6ca1, 0x6c92])

// Particles that make a question when the `?` follows them at once: ba U+5427, a U+554A, ya
// U+5440, le U+4E86, mei U+6CA1/U+6C92 (and mei you, U+6709 after it).
const finalParticles = new Set([0x5427, 0x554a, 0x5440, 0x4e86, 0x6ca1, 0x6c92])
const have = 0x6709

function pair(first: number, second: number): number {
  return first * 0x10000 + second
}

// What a character may be in a question word, by code unit: a bit for one that starts one (a
// question character, the first of a pair, ji or he), a bit for a not-character. The plugin asks
// for every character of the clause before every `?` of a text, and nearly all are neither: one
// table look-up passes over them.
const startsQuestionWord = 1
const isNotCharacter = 2
const questionRoles = new Uint8Array(0x10000)
for (const code of [...questionCharacters, ...howMany, what]) questionRoles[code]! |= startsQuestionWord
for (const key of questionPairs) questionRoles[Math.floor(key / 0x10000)]! |= startsQuestionWord
for (const code of notCharacters) questionRoles[code]! |= isNotCharacter

// Whether `text[start, end)` (a clause before a `?` at `end`) holds a question word or particle.
export function hasQuestionWord(text: string, start: number, end: number): boolean {
  const last = text.charCodeAt(end - 1)
  if (finalParticles.has(last) || (last === have && finalParticles.has(text.charCodeAt(end - 2)))) return true
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index)
    const next = index + 1 < end ? text.charCodeAt(index + 1) : -1
    if (
      (questionRoles[code]! & startsQuestionWord) === 0 &&
      (next === -1 || (questionRoles[next]! & isNotCharacter) === 0)
    )
      continue
    if (questionCharacters.has(code) || questionPairs.has(pair(code, next))) return true
    if (howMany.has(code) && next !== almostTail) return true
    if (code === what && (index === start || text.charCodeAt(index - 1) !== anyHead)) return true
    if (notCharacters.has(next) && index + 2 < end && text.charCodeAt(index + 2) === code) return true
  }
  return false
}

function report(file: VFile, text: Text, index: number): void {
  const reason = 'Unexpected `?` between Han characters with no question word in its clause: probably a lost character'
  const message = reportDoubt(file, reason, ruleId, pointIn(text, index))
  message.actual = '?'
}
