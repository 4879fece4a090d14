// R2: a run of 3k ASCII dots with a Han character on either side becomes k U+2026 (`......` to
// two ellipsis marks). A run whose length is not a multiple of three, or with Latin text on both
// sides (`aaa...bbb`), stays.
import {isHan} from '../text/char-class.js'
import type {FixList} from './fixes.js'
import {ellipsis} from './marks.js'
import type {ParagraphBuffer} from './paragraph-buffer.js'

export function convertDotRuns(buffer: ParagraphBuffer, fixes: FixList): boolean {
  const {codes, length, marks, markCount} = buffer
  let changed = false
  let runEnd = 0
  for (let mark = 0; mark < markCount; mark++) {
    const index = marks[mark]!
    if (index < runEnd || codes[index] !== 0x2e || !buffer.isFree(index)) continue
    let end = index + 1
    while (end < length && codes[end] === 0x2e && buffer.isFree(end)) end++
    runEnd = end
    const run = end - index
    if (run % 3 !== 0 || !(isHan(buffer.before(index)) || isHan(buffer.after(end - 1)))) continue
    const ellipses = run / 3
    codes.fill(ellipsis, index, index + ellipses)
    buffer.delete(index + ellipses, end)
    fixes.add('R2', index, '.'.repeat(run), String.fromCharCode(ellipsis).repeat(ellipses), 'next to Chinese text')
    changed = true
  }
  return changed
}
