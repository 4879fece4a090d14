// Finds where a top-level string field's value sits in one line of JSON, so that a clean value
// can be spliced into the line as it was: every other byte of the record (key order, number
// spellings such as integers beyond 2^53, escapes) survives untouched. The line must already be
// known to be valid JSON (JSON.parse), which keeps this scanner small.

export interface Span {
  // Index of the opening quote.
  start: number
  // Index just past the closing quote.
  end: number
}

export function findStringField(line: string, field: string): Span | undefined {
  let index = skipSpace(line, 0)
  if (line.charCodeAt(index) !== 0x7b) return undefined
  index = skipSpace(line, index + 1)
  while (index < line.length && line.charCodeAt(index) === 0x22) {
    const keyEnd = skipString(line, index)
    const key = JSON.parse(line.slice(index, keyEnd)) as string
    index = skipSpace(line, skipSpace(line, keyEnd) + 1)
    const valueEnd = skipValue(line, index)
    if (key === field && line.charCodeAt(index) === 0x22) return {start: index, end: valueEnd}
    index = skipSpace(line, valueEnd)
    if (line.charCodeAt(index) !== 0x2c) return undefined
    index = skipSpace(line, index + 1)
  }
  return undefined
}

function skipSpace(line: string, index: number): number {
  while (index < line.length) {
    const code = line.charCodeAt(index)
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) break
    index++
  }
  return index
}

// From an opening quote to just past its closing quote.
function skipString(line: string, index: number): number {
  for (let at = index + 1; at < line.length; at++) {
    const code = line.charCodeAt(at)
    if (code === 0x5c) at++
    else if (code === 0x22) return at + 1
  }
  return line.length
}

// Past one value of any kind: strings, nested objects and arrays (brackets counted outside
// strings), numbers and literals.
function skipValue(line: string, index: number): number {
  const first = line.charCodeAt(index)
  if (first === 0x22) return skipString(line, index)
  if (first !== 0x7b && first !== 0x5b) return skipScalar(line, index)
  let depth = 0
  for (let at = index; at < line.length; at++) {
    const code = line.charCodeAt(at)
    if (code === 0x22) at = skipString(line, at) - 1
    else if (code === 0x7b || code === 0x5b) depth++
    else if ((code === 0x7d || code === 0x5d) && --depth === 0) return at + 1
  }
  return line.length
}

function skipScalar(line: string, index: number): number {
  let at = index
  while (at < line.length) {
    const code = line.charCodeAt(at)
    if (
      code === 0x2c ||
      code === 0x7d ||
      code === 0x5d ||
      code === 0x20 ||
      code === 0x09 ||
      code === 0x0d ||
      code === 0x0a
    )
      break
    at++
  }
  return at
}

// The line with the field's value replaced by `value`, serialized as JSON.
export function spliceStringField(line: string, span: Span, value: string): string {
  return line.slice(0, span.start) + JSON.stringify(value) + line.slice(span.end)
}
