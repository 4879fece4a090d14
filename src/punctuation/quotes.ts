// R3: ASCII quote pairs (paired by `pairMarks`). A double pair becomes U+201C/U+201D when its
// content has Han or an outer neighbour is Chinese context (CL before it, CR after it), and
// U+2018/U+2019 when it opens inside a U+201C quotation still open (GB/T 15834 4.1.3.2). A single
// pair converts only when its content has Han. Both marks or neither.
import {isClosingContext, isOpeningContext} from '../text/char-class.js'
import type {FixList} from './fixes.js'
import {leftDoubleQuote, leftSingleQuote, rightDoubleQuote, rightSingleQuote} from './marks.js'
import type {ParagraphBuffer} from './paragraph-buffer.js'

export function isChineseQuotePair(buffer: ParagraphBuffer, open: number, close: number): boolean {
  if (buffer.hasHanBetween(open + 1, close)) return true
  return buffer.codes[open] === 0x22 && (isClosingContext(buffer.before(open)) || isOpeningContext(buffer.after(close)))
}

// Converts a pair whose context is Chinese. A single pair is final at once. A double pair takes
// U+201C/U+201D for now, which are the same context to every rule as U+2018/U+2019; whether it
// nests is settled, and reported, once every pair is decided (`settleDoubleQuotes`).
export function convertQuotePair(buffer: ParagraphBuffer, fixes: FixList, open: number, close: number): void {
  const {codes} = buffer
  if (codes[open] === 0x22) {
    codes[open] = leftDoubleQuote
    codes[close] = rightDoubleQuote
    return
  }
  codes[open] = leftSingleQuote
  codes[close] = rightSingleQuote
  fixes.addPair('R3', open, close, "''", String.fromCharCode(leftSingleQuote, rightSingleQuote), 'around Chinese text')
}

// Gives each double pair converted from `original` its final form, counting the curly double
// quotes left of its opening mark: inside an open U+201C it becomes U+2018/U+2019.
export function settleDoubleQuotes(buffer: ParagraphBuffer, original: string, fixes: FixList): void {
  const {codes, marks, markCount, partners} = buffer
  let openQuotations = 0
  for (let mark = 0; mark < markCount; mark++) {
    const index = marks[mark]!
    const code = codes[index]
    if (code === rightDoubleQuote) openQuotations = Math.max(0, openQuotations - 1)
    if (code !== leftDoubleQuote) continue
    const close = partners[mark]!
    if (original.charCodeAt(index) !== 0x22) {
      openQuotations++
      continue
    }
    const closeIndex = marks[close]!
    let why = buffer.hasHanBetween(index + 1, closeIndex) ? 'around Chinese text' : 'next to Chinese text'
    if (openQuotations > 0) {
      codes[index] = leftSingleQuote
      codes[closeIndex] = rightSingleQuote
      why = 'inside a U+201C quotation'
    } else {
      openQuotations++
    }
    fixes.addPair('R3', index, closeIndex, '""', String.fromCharCode(codes[index]!, codes[closeIndex]!), why)
  }
}
