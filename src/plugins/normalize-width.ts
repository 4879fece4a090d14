// normalize-width (rule R0 of the punctuation spec): full-width digits and Latin letters
// (U+FF10-FF19, U+FF21-FF3A, U+FF41-FF5A) become ASCII, and U+FF0E and U+FF1A between two digits
// become `.` and `:` (a decimal point, a clock time). Never changes any other full-width mark
// (U+FF05, U+FF0C, U+FF1A after Han): which of those stay is the punctuation rules' business.
// Runs after normalize-whitespace and before strip-pinyin, which needs ASCII letters.
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {pointIn, reportFix} from '../messages.js'
import type {Root, Text} from '../syntax/types.js'

const ruleId = 'normalize-width'

export interface Options {}

const normalizeWidth: Plugin<[Options?], Root> = function () {
  return function (tree: Root, file: VFile) {
    for (const paragraph of tree.children) normalizeText(paragraph.children[0], file)
  }
}

export default normalizeWidth

function normalizeText(text: Text, file: VFile): void {
  const value = text.value
  if (!holdsConvertible(value)) return
  let clean = ''
  let copied = 0
  let index = 0
  while (index < value.length) {
    if (asciiFor(value, index) === 0) {
      index++
      continue
    }
    let end = index + 1
    while (end < value.length && asciiFor(value, end) !== 0) end++
    const actual = value.slice(index, end)
    const expected = toAscii(value, index, end)
    const applied = reportFix(file, `Unexpected full-width \`${actual}\`, expected ASCII \`${expected}\``, {
      ruleId,
      place: pointIn(text, index),
      actual,
      expected,
      note: 'R0',
    })
    if (applied) {
      clean += value.slice(copied, index) + expected
      copied = end
    }
    index = end
  }
  if (copied > 0) text.value = clean + value.slice(copied)
}

// What `asciiFor` converts: a full-width letter or digit, or U+FF0E or U+FF1A between two digits.
// Each branch starts with a full-width unit (the digit before the mark is a lookbehind), so the
// scan skips from one such unit to the next: five times faster than starting at every digit.
const convertible =
  /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]|[\uff0e\uff1a](?<=[0-9\uff10-\uff19].)(?=[0-9\uff10-\uff19])/

// Whether some unit of `value` becomes ASCII: one native scan rules out the paragraphs that hold
// none (nearly all).
export function holdsConvertible(value: string): boolean {
  return convertible.test(value)
}

// The ASCII code the unit at `index` becomes, or 0 when it stays.
export function asciiFor(value: string, index: number): number {
  const code = value.charCodeAt(index)
  if (code < 0xff0e || code > 0xff5a) return 0
  if (isFullWidthAlphanumeric(code)) return code - 0xfee0
  if (code === 0xff0e || code === 0xff1a) {
    return isDigit(value.charCodeAt(index - 1)) && isDigit(value.charCodeAt(index + 1)) ? code - 0xfee0 : 0
  }
  return 0
}

function isFullWidthAlphanumeric(code: number): boolean {
  return (code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)
}

// An ASCII or full-width digit.
function isDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19)
}

function toAscii(value: string, start: number, end: number): string {
  let ascii = ''
  for (let index = start; index < end; index++) ascii += String.fromCharCode(asciiFor(value, index))
  return ascii
}
