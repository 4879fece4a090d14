// R5-R8: single ASCII marks, decided by their two neighbours (spaces are not skipped).
// R5: `,` `;` `?` become U+FF0C U+FF1B U+FF1F when the left neighbour is CL or the right one is Han.
// R6: `:` becomes U+FF1A when the left neighbour is CL (10:30 has a digit there, and P0 masks it).
// R7: `!` becomes U+FF01 when the left neighbour is CL (Yahoo! stays).
// R8: `.` becomes U+3002 when the left neighbour is CL and the paragraph ends after it, or a
// closing quote or bracket or U+201C follows (a dot inside a line stays: a name separator, a file
// name).
import {isClosingContext, isHan} from '../text/char-class.js'
import type {FixList} from './fixes.js'
import {fullStop, isStopFollower} from './marks.js'
import type {ParagraphBuffer} from './paragraph-buffer.js'

// Converts the mark at `index` when its neighbours make it Chinese; whether it did.
export function convertSingleMark(buffer: ParagraphBuffer, fixes: FixList, index: number): boolean {
  const code = buffer.codes[index]!
  if (code > 0x3f || !isSingleMark(code)) return false
  const expected = fullWidthFor(code, buffer.before(index), buffer.after(index))
  if (expected === 0) return false
  buffer.codes[index] = expected
  fixes.add(
    ruleFor(code),
    index,
    String.fromCharCode(code),
    String.fromCharCode(expected),
    describeContext(buffer, index, code),
  )
  return true
}

function isSingleMark(code: number): boolean {
  return code === 0x2c || code === 0x3b || code === 0x3f || code === 0x3a || code === 0x21 || code === 0x2e
}

// The full-width mark an ASCII mark becomes between these neighbours, or 0 when it stays.
export function fullWidthFor(code: number, before: number, after: number): number {
  switch (code) {
    case 0x2c:
    case 0x3b:
    case 0x3f:
      return isClosingContext(before) || isHan(after) ? code + 0xfee0 : 0
    case 0x3a:
      return isClosingContext(before) ? 0xff1a : 0
    case 0x21:
      return isClosingContext(before) ? 0xff01 : 0
    case 0x2e:
      return isClosingContext(before) && (after === -1 || isStopFollower(after)) ? fullStop : 0
    default:
      return 0
  }
}

function ruleFor(code: number): string {
  if (code === 0x3a) return 'R6'
  if (code === 0x21) return 'R7'
  if (code === 0x2e) return 'R8'
  return 'R5'
}

// Why a converted mark was Chinese: R5 looks at both neighbours, R6 and R7 at the left one.
function describeContext(buffer: ParagraphBuffer, index: number, code: number): string {
  if (code === 0x2e) return 'at the end of a Chinese sentence'
  const hanBefore = isHan(buffer.before(index))
  const hanAfter = code !== 0x3a && code !== 0x21 && isHan(buffer.after(index))
  if (hanBefore && hanAfter) return 'between Chinese characters'
  if (hanBefore) return 'after a Chinese character'
  if (hanAfter) return 'before a Chinese character'
  return 'after a Chinese mark'
}
