// The marks the punctuation rules write, by code point, and what may follow a full stop (R8). The
// character classes, CL and CR among them, are in text/char-class.
import {isAsciiCloser, isClosingMark} from '../text/char-class.js'

export const leftDoubleQuote = 0x201c
export const rightDoubleQuote = 0x201d
export const leftSingleQuote = 0x2018
export const rightSingleQuote = 0x2019
export const ellipsis = 0x2026
export const fullStop = 0x3002
export const fullWidthLeftParenthesis = 0xff08
export const fullWidthRightParenthesis = 0xff09
export const leftLenticularBracket = 0x3010
export const rightLenticularBracket = 0x3011

// What may follow a sentence-final full stop (R8) besides the paragraph end: a closing quote or
// bracket, Chinese or ASCII (an ASCII one is still waiting for its own rule), or an opening quote
// (U+201C, or U+2018 where a U+201C nests). What an ASCII quote may become is a follower too,
// so no conversion ever takes a follower away and the order the marks convert in cannot matter.
export function isStopFollower(code: number): boolean {
  return isClosingMark(code) || isAsciiCloser(code) || code === leftDoubleQuote || code === leftSingleQuote
}
