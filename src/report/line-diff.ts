// Line-level diff with fast-diff: every distinct line (its LF included) becomes one character,
// fast-diff compares the two character strings, and the characters are read back as lines.
// Characters skip the surrogate range, so the first 63,488 distinct lines are one UTF-16 unit
// each and the rest astral code points (fast-diff never splits a surrogate pair); a text with
// more distinct lines than code points is diffed as one replacement.
import diff from 'fast-diff'

export interface LineEdit {
  // ' ' kept, '-' only in the original, '+' only in the clean text.
  kind: ' ' | '-' | '+'
  // The line without its LF.
  text: string
  // False for a last line that has no LF.
  newline: boolean
}

const surrogateStart = 0xd800
const surrogateCount = 0x800
const codePointCount = 0x110000 - surrogateCount

export function splitLines(text: string): string[] {
  const lines: string[] = []
  let start = 0
  while (start < text.length) {
    const end = text.indexOf('\n', start)
    const next = end === -1 ? text.length : end + 1
    lines.push(text.slice(start, next))
    start = next
  }
  return lines
}

export function diffLines(original: string, clean: string, capacity = codePointCount): LineEdit[] {
  const before = splitLines(original)
  const after = splitLines(clean)
  const table = new LineTable()
  const left = table.encode(before)
  const right = table.encode(after)
  if (table.size > capacity) return [...before.map((line) => edit('-', line)), ...after.map((line) => edit('+', line))]
  const edits: LineEdit[] = []
  for (const [operation, characters] of diff(left, right)) {
    const kind = operation === diff.EQUAL ? ' ' : operation === diff.DELETE ? '-' : '+'
    for (const character of characters) edits.push(edit(kind, table.lineOf(character)))
  }
  return edits
}

function edit(kind: LineEdit['kind'], line: string): LineEdit {
  const newline = line.endsWith('\n')
  return {kind, text: newline ? line.slice(0, -1) : line, newline}
}

class LineTable {
  private readonly indexByLine = new Map<string, number>()
  private readonly lines: string[] = []

  get size(): number {
    return this.lines.length
  }

  encode(lines: string[]): string {
    let encoded = ''
    for (const line of lines) {
      let index = this.indexByLine.get(line)
      if (index === undefined) {
        index = this.lines.length
        this.indexByLine.set(line, index)
        this.lines.push(line)
      }
      if (index < codePointCount) encoded += characterOf(index)
    }
    return encoded
  }

  lineOf(character: string): string {
    return this.lines[indexOf(character.codePointAt(0)!)]!
  }
}

function characterOf(index: number): string {
  return String.fromCodePoint(index < surrogateStart ? index : index + surrogateCount)
}

function indexOf(codePoint: number): number {
  return codePoint < surrogateStart ? codePoint : codePoint - surrogateCount
}
