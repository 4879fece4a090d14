import {describe, expect, it} from 'vitest'
import {decode} from '../../src/read/decode.js'
import {utf8Paragraphs} from '../../src/read/utf8-paragraphs.js'
import {parse} from '../../src/syntax/parse.js'
import {corpusArticles} from '../helpers.js'

const [first, second] = corpusArticles()

// Each paragraph as [line, text]: from the bytes, and as the parser finds it in decode()'s text.
function fromBytes(bytes: Uint8Array, from = 0): Array<[number, string]> {
  const {starts, ends, lines} = utf8Paragraphs(bytes, from)
  const decoder = new TextDecoder()
  return lines.map((line, index) => [line, decoder.decode(bytes.subarray(starts[index], ends[index]))])
}

function fromText(bytes: Uint8Array): Array<[number, string]> {
  return parse(decode(bytes).text).children.map((paragraph) => [
    paragraph.position!.start.line,
    paragraph.children[0].value,
  ])
}

describe('utf8Paragraphs', () => {
  it.each([
    ['LF lines', `${first}\n${second}\n`],
    ['CRLF and CR lines, and no final line break', `${first}\r\n${second}\r${first}`],
    ['a CR then an LF as one break, two CRs as two', `a\r\nb\r\rc\n\rd`],
    ['blank lines of wide white space', `\u3000\u00a0\n${first}\n\t \ufeff\r\n\u2028\u3000x\n\n`],
    ['a line of marks only, which is no blank', `\u2026\u2026\n\u3001`],
    ['characters beyond the BMP', `\u{20000}\n \u{1f600}\n`],
    ['nothing', ''],
    ['line breaks only', '\n\r\n\r'],
  ])('finds the paragraphs the parser finds: %s', (_, text) => {
    const bytes = new TextEncoder().encode(text)
    expect(fromBytes(bytes)).toEqual(fromText(bytes))
  })

  it('starts past a BOM', () => {
    const bytes = new TextEncoder().encode(`\ufeff${first}\n\n${second}`)
    expect(fromBytes(bytes, 3)).toEqual(fromText(bytes))
    expect(fromBytes(bytes, 3)[0]).toEqual([1, first])
  })
})
