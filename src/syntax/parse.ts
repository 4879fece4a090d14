// Text -> tree: one paragraph per non-blank line, each holding one text node with the line as it
// is (whitespace cleaning is the job of `normalize-whitespace`). Lines end at LF, CRLF or CR.
import {isWhiteSpace} from '../text/char-class.js'
import type {Paragraph, Root} from './types.js'

// Lines are numbered from `firstLine` (a window of a larger file starts on its own line).
export function parse(text: string, firstLine = 1): Root {
  const children: Paragraph[] = []
  // Most texts end their lines with LF alone: a native search finds each.
  const findEnd = text.includes('\r') ? findLineEnd : findLineFeed
  let line = firstLine
  let start = 0
  while (start <= text.length) {
    const end = findEnd(text, start)
    if (!isBlankLine(text, start, end)) children.push(paragraphAt(text, start, end, line))
    if (end === text.length) break
    start = end + lineBreakLength(text, end)
    line++
  }
  return {type: 'root', children}
}

function paragraphAt(text: string, start: number, end: number, line: number): Paragraph {
  const position = {
    start: {line, column: 1, offset: start},
    end: {line, column: end - start + 1, offset: end},
  }
  return {
    type: 'paragraph',
    children: [{type: 'text', value: text.slice(start, end), position}],
    position,
  }
}

function findLineEnd(text: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 0x0a || code === 0x0d) return index
  }
  return text.length
}

function findLineFeed(text: string, from: number): number {
  const end = text.indexOf('\n', from)
  return end < 0 ? text.length : end
}

function lineBreakLength(text: string, at: number): number {
  return text.charCodeAt(at) === 0x0d && text.charCodeAt(at + 1) === 0x0a ? 2 : 1
}

// White space in the wide sense (U+3000, U+00A0 and U+FEFF among it): a line of nothing else
// holds no paragraph.
function isBlankLine(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) if (!isWhiteSpace(text.charCodeAt(index))) return false
  return true
}
