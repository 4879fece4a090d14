// R4: ASCII bracket pairs (matched by `pairMarks`; an unmatched bracket never converts). A pair
// becomes U+FF08/U+FF09 (U+3010/U+3011 for square brackets) when its content has Han or an outer
// neighbour, with no space between, is Chinese context (CL before it, CR after it): `(Xinhua)`
// after a Han name converts, `minute(s)` and a spaced `(English)` stay.
import {isClosingContext, isOpeningContext} from '../text/char-class.js'
import type {FixList} from './fixes.js'
import {
  fullWidthLeftParenthesis,
  fullWidthRightParenthesis,
  leftLenticularBracket,
  rightLenticularBracket,
} from './marks.js'
import type {ParagraphBuffer} from './paragraph-buffer.js'

export function isChineseBracketPair(buffer: ParagraphBuffer, open: number, close: number): boolean {
  return (
    buffer.hasHanBetween(open + 1, close) ||
    isClosingContext(buffer.before(open)) ||
    isOpeningContext(buffer.after(close))
  )
}

export function convertBracketPair(buffer: ParagraphBuffer, fixes: FixList, open: number, close: number): void {
  const {codes} = buffer
  const actual = String.fromCharCode(codes[open]!, codes[close]!)
  const square = codes[open] === 0x5b
  codes[open] = square ? leftLenticularBracket : fullWidthLeftParenthesis
  codes[close] = square ? rightLenticularBracket : fullWidthRightParenthesis
  const why = buffer.hasHanBetween(open + 1, close) ? 'around Chinese text' : 'next to Chinese text'
  fixes.addPair('R4', open, close, actual, String.fromCharCode(codes[open]!, codes[close]!), why)
}
