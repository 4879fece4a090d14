// P0: the spans no punctuation rule may touch: URLs, e-mail addresses, HTML entities, a mark
// between two digits (13.5, 1,000, 10:30, 1/4) and Latin abbreviations (Mr. e.g. Inc.). One pass
// over the paragraph's listed marks: each kind starts at a character that cannot be missed (`:`,
// `w`, `@`, `&`, `.`, or a mark between digits), and Han text between marks costs nothing.
import {isAsciiAlphanumeric, isAsciiDigit, isAsciiLetter} from '../text/char-class.js'
import type {ParagraphBuffer} from './paragraph-buffer.js'

export function maskProtectedSpans(buffer: ParagraphBuffer): void {
  const {codes, marks, markCount} = buffer
  let maskedUntil = 0
  for (let mark = 0; mark < markCount; mark++) {
    const index = marks[mark]!
    if (index < maskedUntil) continue
    const code = codes[index]!
    let end = index
    if (code === 0x3a) end = maskUrlWithScheme(buffer, index)
    else if (code === 0x77 || code === 0x57) end = maskUrlFromWww(buffer, index)
    else if (code === 0x40) end = maskEmail(buffer, index)
    else if (code === 0x26) end = maskEntity(buffer, index)
    else if (code === 0x2e) end = maskAbbreviation(buffer, index)
    if (end === index && isNumberSeparator(code) && isAsciiDigit(codes[index - 1] ?? -1)) {
      if (isAsciiDigit(codes[index + 1] ?? -1)) buffer.mask(index, index + 1)
    }
    maskedUntil = end
  }
}

// `.`, `,`, `:` or `/`: the marks a number keeps between its digits.
function isNumberSeparator(code: number): boolean {
  return code === 0x2e || code === 0x2c || code === 0x3a || code === 0x2f
}

// `scheme://...` with `index` at the colon; masks from the scheme's first letter.
function maskUrlWithScheme(buffer: ParagraphBuffer, index: number): number {
  const {codes} = buffer
  if (codes[index + 1] !== 0x2f || codes[index + 2] !== 0x2f) return index
  let start = index
  while (start > 0 && isAsciiLetter(codes[start - 1]!)) start--
  if (index - start < 2) return index
  return maskUrl(buffer, start, index + 3)
}

// `www....` at a word start.
function maskUrlFromWww(buffer: ParagraphBuffer, index: number): number {
  const {codes} = buffer
  if (index > 0 && isAsciiAlphanumeric(codes[index - 1]!)) return index
  for (let offset = 1; offset < 3; offset++) {
    if ((codes[index + offset]! | 0x20) !== 0x77) return index
  }
  if (codes[index + 3] !== 0x2e || !isAsciiAlphanumeric(codes[index + 4] ?? -1)) return index
  return maskUrl(buffer, index, index + 4)
}

// Masks a URL from `start` over URL characters, leaving out what usually ends the sentence
// around it: trailing `.,;:!?'` and a closing bracket the URL did not open.
function maskUrl(buffer: ParagraphBuffer, start: number, from: number): number {
  const {codes, length} = buffer
  let end = from
  while (end < length && isUrlCharacter(codes[end]!)) end++
  for (;;) {
    const last = codes[end - 1]!
    if (end > from && isTrailingPunctuation(last)) end--
    else if (end > from && (last === 0x29 || last === 0x5d) && !opensWithin(codes, start, end - 1, last)) end--
    else break
  }
  buffer.mask(start, end)
  return end
}

function isUrlCharacter(code: number): boolean {
  if (isAsciiAlphanumeric(code)) return true
  switch (code) {
    case 0x2d: // -
    case 0x2e: // .
    case 0x5f: // _
    case 0x7e: // ~
    case 0x3a: // :
    case 0x2f: // /
    case 0x3f: // ?
    case 0x23: // #
    case 0x5b: // [
    case 0x5d: // ]
    case 0x40: // @
    case 0x21: // !
    case 0x24: // $
    case 0x26: // &
    case 0x27: // '
    case 0x28: // (
    case 0x29: // )
    case 0x2a: // *
    case 0x2b: // +
    case 0x2c: // ,
    case 0x3b: // ;
    case 0x3d: // =
    case 0x25: // %
      return true
    default:
      return false
  }
}

function isTrailingPunctuation(code: number): boolean {
  return (
    code === 0x2e || code === 0x2c || code === 0x3b || code === 0x3a || code === 0x21 || code === 0x3f || code === 0x27
  )
}

// Whether the span [start, end) holds more openers than closers of the bracket `closer` closes.
function opensWithin(codes: Uint16Array, start: number, end: number, closer: number): boolean {
  const opener = closer === 0x29 ? 0x28 : 0x5b
  let depth = 0
  for (let index = start; index < end; index++) {
    if (codes[index] === opener) depth++
    else if (codes[index] === closer) depth--
  }
  return depth > 0
}

// `local@domain.tld` with `index` at the `@`.
function maskEmail(buffer: ParagraphBuffer, index: number): number {
  const {codes, length} = buffer
  let start = index
  while (start > 0 && isEmailLocalCharacter(codes[start - 1]!)) start--
  let end = index + 1
  let dots = 0
  while (end < length && (isAsciiAlphanumeric(codes[end]!) || codes[end] === 0x2d || codes[end] === 0x2e)) {
    if (codes[end] === 0x2e) dots++
    end++
  }
  while (end > index + 1 && (codes[end - 1] === 0x2e || codes[end - 1] === 0x2d)) {
    if (codes[end - 1] === 0x2e) dots--
    end--
  }
  if (start === index || dots === 0) return index
  buffer.mask(start, end)
  return end
}

function isEmailLocalCharacter(code: number): boolean {
  return isAsciiAlphanumeric(code) || code === 0x2e || code === 0x5f || code === 0x25 || code === 0x2b || code === 0x2d
}

// `&amp;`, `&#38;`, `&#x26;` with `index` at the `&`.
function maskEntity(buffer: ParagraphBuffer, index: number): number {
  const {codes, length} = buffer
  let end = index + 1
  if (codes[end] === 0x23) {
    end++
    const hex = (codes[end]! | 0x20) === 0x78
    if (hex) end++
    const digitsStart = end
    while (end < length && end - digitsStart < 7 && (isAsciiDigit(codes[end]!) || (hex && isHexLetter(codes[end]!))))
      end++
    if (end === digitsStart) return index
  } else {
    if (!isAsciiLetter(codes[end] ?? -1)) return index
    while (end < length && end - index <= 32 && isAsciiAlphanumeric(codes[end]!)) end++
  }
  if (codes[end] !== 0x3b) return index
  buffer.mask(index, end + 1)
  return end + 1
}

function isHexLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x66) || (code >= 0x41 && code <= 0x46)
}

// The Latin abbreviations that keep their dot, as written before it (dots inside included).
const abbreviations = new Set([
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'Prof',
  'Sr',
  'Jr',
  'St',
  'Mt',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'cf',
  'al',
  'Inc',
  'Ltd',
  'Co',
  'Corp',
  'Bros',
  'No',
  'Vol',
  'Fig',
  'a.m',
  'p.m',
  'U.S',
  'U.K',
  'U.N',
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
])

// `Inc.` or `e.g.` with `index` at the final dot: masks the word and its dot. A dot that starts a
// run (`etc...`) is an ellipsis, not an abbreviation's.
function maskAbbreviation(buffer: ParagraphBuffer, index: number): number {
  const {codes} = buffer
  if (index === 0 || !isAsciiLetter(codes[index - 1]!) || codes[index + 1] === 0x2e) return index
  let start = index - 1
  while (start > 0 && isAsciiLetter(codes[start - 1]!)) start--
  if (index - start > 5) return index
  if (index - start === 1 && codes[start - 1] === 0x2e && isAsciiLetter(codes[start - 2] ?? -1)) {
    if (!isAsciiLetter(codes[start - 3] ?? -1)) start -= 2
  }
  let word = ''
  for (let at = start; at < index; at++) word += String.fromCharCode(codes[at]!)
  if (!abbreviations.has(word)) return index
  buffer.mask(start, index + 1)
  return index + 1
}
