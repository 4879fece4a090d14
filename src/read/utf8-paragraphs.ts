// The paragraphs of UTF-8 text, found on its bytes exactly as syntax/parse finds them in the
// decoded text: one a line that is not blank (white space in the wide sense of text/char-class),
// lines ending at LF, CRLF or CR and numbered from 1. A line break's bytes never occur inside a
// multi-byte character, so the lines are found with the platform's byte search.
import {isWhiteSpace} from '../text/char-class.js'

export interface Utf8Paragraphs {
  // Per paragraph: where its bytes start and end (its line break left out), and its line.
  starts: number[]
  ends: number[]
  lines: number[]
}

// The paragraphs of bytes [from, bytes.length) (from: past a BOM).
export function utf8Paragraphs(bytes: Uint8Array, from = 0): Utf8Paragraphs {
  const paragraphs: Utf8Paragraphs = {starts: [], ends: [], lines: []}
  const nextBreak = lineBreakFinder(bytes)
  let line = 1
  let start = from
  for (;;) {
    const end = nextBreak(start)
    if (!isBlankLine(bytes, start, end)) {
      paragraphs.starts.push(start)
      paragraphs.ends.push(end)
      paragraphs.lines.push(line)
    }
    if (end === bytes.length) return paragraphs
    start = end + (bytes[end] === 0x0d && bytes[end + 1] === 0x0a ? 2 : 1)
    line++
  }
}

// Where the line starting at `start` ends: the next LF or CR, or the end. Each kind is searched
// again only once passed, so the whole text is searched once for each.
function lineBreakFinder(bytes: Uint8Array): (start: number) => number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let lineFeed = -2
  let carriageReturn = buffer.includes(0x0d) ? -2 : -1
  return (start) => {
    if (lineFeed !== -1 && lineFeed < start) lineFeed = buffer.indexOf(0x0a, start)
    if (carriageReturn !== -1 && carriageReturn < start) carriageReturn = buffer.indexOf(0x0d, start)
    const end = lineFeed === -1 ? bytes.length : lineFeed
    return carriageReturn === -1 || carriageReturn > end ? end : carriageReturn
  }
}

function isBlankLine(bytes: Uint8Array, start: number, end: number): boolean {
  let index = start
  while (index < end) {
    const lead = bytes[index]!
    if (lead < 0x80) {
      if (!isWhiteSpace(lead)) return false
      index++
    } else if (lead >= 0xf0) {
      // Beyond the BMP: never white space.
      return false
    } else if (lead >= 0xe0) {
      const code = ((lead & 0x0f) << 12) | ((bytes[index + 1]! & 0x3f) << 6) | (bytes[index + 2]! & 0x3f)
      if (!isWhiteSpace(code)) return false
      index += 3
    } else {
      if (!isWhiteSpace(((lead & 0x1f) << 6) | (bytes[index + 1]! & 0x3f))) return false
      index += 2
    }
  }
  return true
}
