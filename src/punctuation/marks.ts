// The marks the punctuation rules read and write, by code point, and the spec's context classes:
// CL (what may stand left of a Chinese mark) and CR (what may stand right of one).
import {isHan} from '../text/han.js'

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

// CL: H or a closing Chinese mark (U+201D U+2019 U+FF09 U+300B U+300D U+300F U+3011 U+3002
// U+FF0C U+3001 U+FF1B U+FF1A U+FF1F U+FF01 U+2026).
export function isClosingContext(code: number): boolean {
  switch (code) {
    case 0x201d:
    case 0x2019:
    case 0xff09:
    case 0x300b:
    case 0x300d:
    case 0x300f:
    case 0x3011:
    case 0x3002:
    case 0xff0c:
    case 0x3001:
    case 0xff1b:
    case 0xff1a:
    case 0xff1f:
    case 0xff01:
    case 0x2026:
      return true
    default:
      return isHan(code)
  }
}

// CR: H or an opening Chinese mark (U+201C U+2018 U+FF08 U+300A U+300C U+300E U+3010).
export function isOpeningContext(code: number): boolean {
  switch (code) {
    case 0x201c:
    case 0x2018:
    case 0xff08:
    case 0x300a:
    case 0x300c:
    case 0x300e:
    case 0x3010:
      return true
    default:
      return isHan(code)
  }
}

// What may follow a sentence-final full stop (R8) besides the paragraph end: a closing quote or
// bracket, Chinese or ASCII (an ASCII one is still waiting for its own rule), or an opening quote
// (U+201C, or U+2018 where a U+201C nests). What an ASCII quote may become is a follower too,
// so no conversion ever takes a follower away and the order the marks convert in cannot matter.
export function isStopFollower(code: number): boolean {
  switch (code) {
    case 0x201d:
    case 0x2019:
    case 0xff09:
    case 0x300b:
    case 0x300d:
    case 0x300f:
    case 0x3011:
    case 0x201c:
    case 0x2018:
    case 0x22:
    case 0x27:
    case 0x29:
    case 0x5d:
      return true
    default:
      return false
  }
}

export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39
}

export function isAsciiLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)
}

export function isAsciiAlphanumeric(code: number): boolean {
  return isAsciiLetter(code) || isAsciiDigit(code)
}
