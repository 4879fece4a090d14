// Where damage may start: a `?` or U+FFFD (what a decoder writes for the lead byte it lost at a
// chunk boundary) before Chinese text, with an independent sign that the text after it is
// misaligned. A `?` followed by ordinary Chinese text is a question and is never a start.
import {isAsciiAlphanumeric, isAsciiDigit, isAsciiLetter, isHan} from '../text/char-class.js'
import {isKnownHan, logFrequency, modelKey} from './frequency.js'
import {gbkBytes, isPrivateUse, isTrailByte, noCharacter, pairCharacter} from './gbk.js'

export type Signal =
  | 'exclamation'
  | 'private-use'
  | 'rare-han'
  | 'ascii-between-han'
  | 'misaligned'
  | 'short-run'
  | 'unpaired-end'
  | 'lone-lead'
  | 'stray-script'
  | 'stray-mark'
  | 'alphanumeric-run'
  | 'ascii-pair'

// How far after the start the signals are looked for (characters).
const signalReach = 6
// How many characters after the start must include a Han character.
const chineseReach = 5

// The damage marks of a text in order, `?` and U+FFFD: each kind found by one pass of indexOf, so
// clean text costs two scans and a text full of `?` no more than one per kind (looking for the
// next of each after every mark would scan the rest of the text for U+FFFD again each time).
export function damageMarks(text: string): number[] {
  const marks: number[] = []
  let question = text.indexOf('?')
  let replacement = text.indexOf('\ufffd')
  while (question !== -1 || replacement !== -1) {
    if (replacement === -1 || (question !== -1 && question < replacement)) {
      marks.push(question)
      question = text.indexOf('?', question + 1)
    } else {
      marks.push(replacement)
      replacement = text.indexOf('\ufffd', replacement + 1)
    }
  }
  return marks
}

// Why the text after the mark at `start` looks misaligned, or undefined when it reads as text.
export function damageSignal(text: string, start: number): Signal | undefined {
  if (isLoneLead(text, start)) return 'lone-lead'
  if (isShortRun(text, start)) return 'short-run'
  if (isStrayMark(text, start)) return 'stray-mark'
  if (isAlphanumericRun(text, start)) return 'alphanumeric-run'
  if (isAsciiPair(text, start)) return 'ascii-pair'
  const end = Math.min(text.length, start + 1 + signalReach)
  if (!hasHanWithin(text, start + 1, Math.min(end, start + 1 + chineseReach))) return undefined
  const first = text.charCodeAt(start + 1)
  if (first === 0x21 || first === 0xff01) return 'exclamation'
  for (let index = start + 1; index < end; index++) {
    const code = text.charCodeAt(index)
    if (isPrivateUse(code)) return 'private-use'
    if (isHan(code) && !isKnownHan(code) && gbkBytes(code) !== noCharacter) return 'rare-han'
    if (isStrayScript(code)) return 'stray-script'
    // Right after the mark a folded full-width form pairs the lost trail byte with the next
    // character's lead; further in, only an ASCII trail byte read alone is what the misalignment
    // makes (`(` or `/` never is one).
    const stray = index === start + 1 ? isStrayAscii(code) && foldsTextLead(code) : code < 0x80 && isTrailByte(code)
    if (stray && isHanOrStart(text, index - 1, start) && isHan(text.charCodeAt(index + 1))) {
      return 'ascii-between-han'
    }
  }
  if (misalignmentEvidence(text, start) >= evidenceThreshold) return 'misaligned'
  return endsUnpaired(text, start) ? 'unpaired-end' : undefined
}
// Longest run from the mark to an unpaired lead byte that is looked at (characters).
const unpairedReach = 240

// Whether the run after the mark ends as a damaged span does where its bytes come back in step:
// a `?` or U+FFFD (the lead byte a decoder could not pair) before an ASCII byte below 0x40 or the
// paragraph's end, after a word character (not `\uff0c?_?)`), with no whitespace between and none
// of the marks real sentences are full of: a misaligned pair is one of them only when the next
// character's lead byte is no Han lead.
function endsUnpaired(text: string, start: number): boolean {
  if (start > 0 && !isWordCharacter(text.charCodeAt(start - 1))) return false
  const end = Math.min(text.length, start + 1 + unpairedReach)
  for (let index = start + 1; index < end; index++) {
    const code = text.charCodeAt(index)
    if (code === 0x3f || code === 0xfffd) {
      const next = index + 1 < text.length ? text.charCodeAt(index + 1) : -1
      return index > start + 1 && (next === -1 || (next < 0x40 && next !== 0x3f))
    }
    if (code <= 0x20 || isSentenceMark(code)) return false
    // Two folded forms in a row need a character with trail byte A3 between them: rare.
    if (code < 0x80 && index > start + 1 && text.charCodeAt(index - 1) < 0x80) return false
  }
  return false
}

// U+3000, U+3001, U+3002, U+FF0C, U+FF1A, brackets and their folded forms (U+FF1B is A3BB, a
// pair a span makes; these are pairs whose second byte is no Han lead). A switch: the scan asks
// for every character up to the clause's end after every `?` of a text.
function isSentenceMark(code: number): boolean {
  switch (code) {
    case 0x3000:
    case 0x3001:
    case 0x3002:
    case 0xff0c:
    case 0x2c:
    case 0xff1a:
    case 0x3a:
    case 0x2e:
    case 0x28:
    case 0x29:
    case 0xff08:
    case 0xff09:
      return true
    default:
      return false
  }
}

function hasHanWithin(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (isHan(text.charCodeAt(index))) return true
  return false
}

// ASCII that Chinese text does not put between two Han characters: letters and symbols, not
// digits, spaces or the punctuation scrapers fold from full width (questions included).
function isStrayAscii(code: number): boolean {
  if (code <= 0x20 || code >= 0x7f) return false
  if (isAsciiDigit(code)) return false
  return (
    code !== 0x2c && code !== 0x2e && code !== 0x3a && code !== 0x3b && code !== 0x22 && code !== 0x3f && code !== 0x21
  )
}

// Whether a folded full-width form right after the mark (GBK A3, then the code + 0x80) ends in
// the lead byte of what news text is made of: punctuation (A1-A3), U+3007 of dates (A9) or a
// common Han character (B0-F7). Not `(` or `/` (leads A8 and AF: pinyin, rare characters),
// which real text has after a lost character (`?(` before a list of names, `?/` in a byline).
function foldsTextLead(code: number): boolean {
  const lead = code + 0x80
  return (lead >= 0xa1 && lead <= 0xa3) || lead === 0xa9 || (lead >= 0xb0 && lead <= 0xf7)
}

// Kana, Greek, Cyrillic and box drawing: GBK rows A4-A7 and A9, which a misaligned pair reads
// often (their lead bytes are common trail bytes) and Chinese news text next to a `?` never has.
function isStrayScript(code: number): boolean {
  return (code >= 0x370 && code <= 0x4ff) || (code >= 0x3040 && code <= 0x30ff) || (code >= 0x2500 && code <= 0x257f)
}

// The mark right before the `?` a decoder writes for a lead byte it could not pair (a span of no
// characters): after U+FFFD, before an ASCII byte below 0x40 or the paragraph's end (`\ufffd?)`);
// after a `?` that follows a Han character, before whitespace (`??` then a space; a question
// doubled is followed by text).
function isLoneLead(text: string, start: number): boolean {
  if (text.charCodeAt(start + 1) !== 0x3f) return false
  const next = start + 2 < text.length ? text.charCodeAt(start + 2) : -1
  if (text.charCodeAt(start) === 0xfffd) return next === -1 || (next < 0x40 && next !== 0x3f)
  return start > 0 && isHan(text.charCodeAt(start - 1)) && (next === 0x20 || next === 0x3000 || next === 0x09)
}

// A folded `:` or `;` right after the mark, before Han text: what a lost U+3002 leaves when the
// next character's lead byte is BA or BB (A3BA, A3BB); no question is followed by one.
function isStrayMark(text: string, start: number): boolean {
  const next = text.charCodeAt(start + 1)
  return (next === 0x3a || next === 0x3b) && isHan(text.charCodeAt(start + 2))
}

// A few Han characters between an ASCII letter or digit before the mark and one after them: a
// short span in the middle of a name or a number (`QQ`, `N97`), ended by the ASCII byte after it.
// A question mark sits between Latin or digits and Han text, but not with Latin or digits again
// so soon.
function isAlphanumericRun(text: string, start: number): boolean {
  if (start === 0 || !isAsciiAlphanumeric(text.charCodeAt(start - 1))) return false
  let index = start + 1
  while (index < text.length && index - start <= shortRunLength && isHan(text.charCodeAt(index))) index++
  return index > start + 1 && index < text.length && isAsciiAlphanumeric(text.charCodeAt(index))
}

// Two ASCII marks, at least one a letter, between the mark and Han text (`?kp` then Han): the
// trail bytes from 0x40 of GBK's rarer rows (traditional characters among them) read alone after
// a lost lead byte. A question is followed by a space, a bracket or a word, not by this.
function isAsciiPair(text: string, start: number): boolean {
  const first = text.charCodeAt(start + 1)
  const second = text.charCodeAt(start + 2)
  const isMark = (code: number) => code > 0x20 && code < 0x7f
  return (
    isMark(first) &&
    isMark(second) &&
    (isAsciiLetter(first) || isAsciiLetter(second)) &&
    isHan(text.charCodeAt(start + 3))
  )
}

function isHanOrStart(text: string, index: number, start: number): boolean {
  return index === start || isHan(text.charCodeAt(index))
}

// Longest run between the mark and the `?` that ends a short span (characters).
const shortRunLength = 4

// The shape of a span the damage makes when the next ASCII byte comes soon: the mark, a few
// characters read from pairs, and the `?` a decoder writes for a lead byte before an ASCII byte
// (or the paragraph's end), as `?!?` for a stop and a closing quote that end a paragraph.
// A run of folded marks alone (`?_?)` is an emoticon) counts only after a Han character, letter
// or digit, where the lost stop of a paragraph-ending `?!?` stood.
function isShortRun(text: string, start: number): boolean {
  let asciiOnly = true
  for (let index = start + 1; index <= start + 1 + shortRunLength && index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 0x3f || code === 0xfffd) {
      const next = index + 1 < text.length ? text.charCodeAt(index + 1) : -1
      const ends = index > start + 1 && (next === -1 || (next < 0x40 && next !== 0x3f))
      return ends && (!asciiOnly || (start > 0 && isWordCharacter(text.charCodeAt(start - 1))))
    }
    if (code <= 0x20 || (code >= 0x7f && gbkBytes(code) < 0x100)) return false
    if (code >= 0x80) asciiOnly = false
  }
  return false
}

function isWordCharacter(code: number): boolean {
  return isHan(code) || isAsciiAlphanumeric(code)
}

// Least misalignment evidence (mean log10 gain per re-paired character) that makes a suspect: a
// real `?` before Chinese text scores far below it, a misaligned run far above.
const evidenceThreshold = 0.5

// How many pairs the misalignment evidence looks at after the mark.
const evidenceReach = 10
// log10 score of a re-paired character that is no character (its pair was hidden).
const hiddenPairScore = -4.5

// How much more common (mean log10 frequency per character) the characters after the mark
// become when their bytes are paired one byte earlier, as a misaligned run's do. Cheap: no
// search, no dictionary.
function misalignmentEvidence(text: string, start: number): number {
  let gain = 0
  let pairs = 0
  let dangling = -1
  for (let index = start + 1; index < text.length && pairs < evidenceReach; index++) {
    const code = text.charCodeAt(index)
    // Past the first pair (where a lost U+3002 leaves a folded full-width form), an ASCII letter
    // or digit ends the span: GBK news hardly writes their full-width forms.
    const folded = code > 0x20 && code < 0x7f && (index === start + 1 || !isAsciiAlphanumeric(code))
    const bytes = folded ? 0xa380 + code : code >= 0x80 ? gbkBytes(code) : noCharacter
    if (bytes === noCharacter || bytes < 0x100) break
    if (dangling !== -1) {
      const repaired = pairCharacter(dangling, bytes >> 8)
      gain +=
        (isTextCharacter(repaired) ? logFrequency(modelKey(repaired)) : hiddenPairScore) - logFrequency(modelKey(code))
      pairs++
    }
    dangling = bytes & 0xff
  }
  return pairs === 0 ? 0 : gain / pairs
}

function isTextCharacter(code: number): boolean {
  return code !== noCharacter && !isPrivateUse(code)
}
