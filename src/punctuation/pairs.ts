// Which ASCII quotes and brackets of a paragraph pair up (R3, R4), decided once before any mark
// converts. Double quotes pair left to right; single quotes too, leaving out apostrophes; `( )` and
// `[ ]` match with a stack each. A converted pair is always a whole pair, and removing whole pairs
// never changes how the rest match, so cleaning the output again finds the same pairs.
import {isAsciiAlphanumeric} from '../text/char-class.js'
import type {ParagraphBuffer} from './paragraph-buffer.js'

// The open brackets, as mark numbers: a stack per kind. One serves every paragraph of a document,
// growing to the most marks a paragraph holds.
export class BracketStacks {
  parentheses = new Int32Array(64)
  squareBrackets = new Int32Array(64)

  reserve(markCount: number): void {
    if (this.parentheses.length >= markCount) return
    this.parentheses = new Int32Array(markCount)
    this.squareBrackets = new Int32Array(markCount)
  }
}

// Fills `buffer.partners`: for each listed mark, the number of the mark it pairs with, or -1.
export function pairMarks(buffer: ParagraphBuffer, stacks: BracketStacks): void {
  const {codes, marks, markCount, partners} = buffer
  stacks.reserve(markCount)
  const {parentheses, squareBrackets} = stacks
  partners.fill(-1, 0, markCount)
  let openParentheses = 0
  let openSquareBrackets = 0
  let doubleQuote = -1
  let singleQuote = -1
  for (let mark = 0; mark < markCount; mark++) {
    const index = marks[mark]!
    if (!buffer.isFree(index)) continue
    switch (codes[index]) {
      case 0x22:
        if (doubleQuote < 0) doubleQuote = mark
        else doubleQuote = link(partners, doubleQuote, mark)
        break
      case 0x27:
        if (isApostrophe(buffer, index)) break
        if (singleQuote < 0) singleQuote = mark
        else singleQuote = link(partners, singleQuote, mark)
        break
      case 0x28:
        parentheses[openParentheses++] = mark
        break
      case 0x29:
        if (openParentheses > 0) link(partners, parentheses[--openParentheses]!, mark)
        break
      case 0x5b:
        squareBrackets[openSquareBrackets++] = mark
        break
      case 0x5d:
        if (openSquareBrackets > 0) link(partners, squareBrackets[--openSquareBrackets]!, mark)
        break
    }
  }
}

// A single quote between two Latin letters or digits: `what's`, `90's`.
export function isApostrophe(buffer: ParagraphBuffer, index: number): boolean {
  return isAsciiAlphanumeric(buffer.before(index)) && isAsciiAlphanumeric(buffer.after(index))
}

function link(partners: Int32Array, open: number, close: number): number {
  partners[open] = close
  partners[close] = open
  return -1
}
