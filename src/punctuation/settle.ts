// R3-R8 until nothing changes, without repeating whole passes. Every rule decides a mark (or a
// pair) from its two neighbours, its pair's content and the P0 masks, and a conversion only ever
// makes a neighbour more Chinese (an ASCII mark is never CL or CR, what it becomes may be), so the
// result does not depend on the order marks are decided in. Each mark is decided once, left to
// right; a conversion then wakes the marks right next to it (a pair: next to either end), which
// may now convert too: `(a)(b)` before Han converts right to left in one go. The work is linear
// in the number of marks however long the chain.
import {convertBracketPair, isChineseBracketPair} from './brackets.js'
import type {FixList} from './fixes.js'
import type {ParagraphBuffer} from './paragraph-buffer.js'
import {convertQuotePair, isChineseQuotePair} from './quotes.js'
import {convertSingleMark} from './stops.js'

// The mark numbers waiting to be decided: a stack, each number on it at most once. One serves
// every paragraph of a document. Plain arrays: made per document, they cost less on the
// JavaScript heap than typed arrays with memory of their own.
export class Waiting {
  private readonly marks: number[] = []
  private readonly isWaiting: boolean[] = []

  get count(): number {
    return this.marks.length
  }

  // All marks, to be taken from first to last.
  fill(markCount: number): void {
    const {marks, isWaiting} = this
    marks.length = 0
    for (let mark = markCount - 1; mark >= 0; mark--) marks.push(mark)
    // Written in order, so the array stays dense.
    for (let mark = 0; mark < markCount; mark++) isWaiting[mark] = true
  }

  add(mark: number): void {
    if (this.isWaiting[mark]) return
    this.isWaiting[mark] = true
    this.marks.push(mark)
  }

  take(): number {
    const mark = this.marks.pop()!
    this.isWaiting[mark] = false
    return mark
  }
}

// Whether any mark converted.
export function settleMarks(buffer: ParagraphBuffer, fixes: FixList, waiting: Waiting): boolean {
  const {codes, marks, markCount, partners} = buffer
  waiting.fill(markCount)
  let changed = false
  while (waiting.count > 0) {
    const mark = waiting.take()
    const index = marks[mark]!
    if (codes[index]! >= 0x80 || !buffer.isFree(index)) continue
    const partner = partners[mark]!
    if (partner < 0) {
      if (!convertSingleMark(buffer, fixes, index)) continue
      wakeNeighbours(buffer, waiting, mark)
    } else {
      const open = Math.min(mark, partner)
      const close = Math.max(mark, partner)
      if (!convertPair(buffer, fixes, marks[open]!, marks[close]!)) continue
      wakeNeighbours(buffer, waiting, open)
      wakeNeighbours(buffer, waiting, close)
    }
    changed = true
  }
  return changed
}

function convertPair(buffer: ParagraphBuffer, fixes: FixList, open: number, close: number): boolean {
  const code = buffer.codes[open]
  if (code === 0x22 || code === 0x27) {
    if (!isChineseQuotePair(buffer, open, close)) return false
    convertQuotePair(buffer, fixes, open, close)
  } else {
    if (!isChineseBracketPair(buffer, open, close)) return false
    convertBracketPair(buffer, fixes, open, close)
  }
  return true
}

// Puts the marks right before and after mark number `mark` (if they are marks) back in line.
function wakeNeighbours(buffer: ParagraphBuffer, waiting: Waiting, mark: number): void {
  const {marks, markCount} = buffer
  const index = marks[mark]!
  const before = buffer.indexBefore(index)
  let left = mark - 1
  while (left >= 0 && marks[left]! > before) left--
  if (left >= 0 && marks[left] === before) waiting.add(left)
  const after = buffer.indexAfter(index)
  let right = mark + 1
  while (right < markCount && marks[right]! < after) right++
  if (right < markCount && marks[right] === after) waiting.add(right)
}
