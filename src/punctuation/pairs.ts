// Which ASCII quotes and brackets of a paragraph pair up (R3, R4), decided once before any mark
// converts. Double quotes pair left to right; single quotes too, leaving out apostrophes; `( )` and
// `[ ]` match with a stack each. A converted pair is always a whole pair, and removing whole pairs
// never changes how the rest match, so cleaning the output again finds the same pairs.
import {isAsciiAlphanumeric} from '../text/char-class.js'
import type {ParagraphBuffer} from './paragraph-buffer.js'

// The open brackets, as mark numbers: a stack per kind. One serves every paragraph of a document.
export class BracketStacks {
  parentheses: number[] = []
  squareBrackets: number[] = []
}

// Fills `buffer.partners`: for each listed mark, the number of the mark it pairs with, or -1.
export function pairMarks(buffer: ParagraphBuffer, stacks: BracketStacks): void {
  const {codes, marks, markCount, partners} = buffer
  const {parentheses, squareBrackets} = stacks
  parentheses.length = 0
  squareBrackets.length = 0
  for (let mark = 0; mark < markCount; mark++) partners[mark] = -1
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
        parentheses.push(mark)
        break
      case 0x29:
        if (parentheses.length > 0) link(partners, parentheses.pop()!, mark)
        break
      case 0x5b:
        squareBrackets.push(mark)
        break
      case 0x5d:
        if (squareBrackets.length > 0) link(partners, squareBrackets.pop()!, mark)
        break
    }
  }
}

// A single quote between two Latin letters or digits: `what's`, `90's`.
export function isApostrophe(buffer: ParagraphBuffer, index: number): boolean {
  return isAsciiAlphanumeric(buffer.before(index)) && isAsciiAlphanumeric(buffer.after(index))
}

function link(partners: number[], open: number, close: number): number {
  partners[open] = close
  partners[close] = open
  return -1
}
