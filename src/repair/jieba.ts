// jieba's dictionary, as @node-rs/jieba ships it: about 350k lines `word count tag`, the counts
// from a large corpus. Parsed once, at build time, for the repair's tables (build-tables.ts walks
// the parsed list once a table instead of parsing the text again).
import {createRequire} from 'node:module'

interface ParsedDictionary {
  text: string
  // Per word, where it starts and ends in `text`, and its count.
  starts: Int32Array
  ends: Int32Array
  counts: Float64Array
}

let parsed: ParsedDictionary | undefined

// Calls `visit` with each word (its start and end in `text`) and its count.
export function forEachDictionaryWord(visit: (text: string, start: number, end: number, count: number) => void): void {
  parsed ??= parse()
  const {text, starts, ends, counts} = parsed
  for (let index = 0; index < starts.length; index++) visit(text, starts[index]!, ends[index]!, counts[index]!)
}

function parse(): ParsedDictionary {
  const require = createRequire(import.meta.url)
  const {dict} = require('@node-rs/jieba/dict') as {dict: Uint8Array}
  const text = Buffer.from(dict.buffer, dict.byteOffset, dict.byteLength).toString('utf8')
  const lines = countLines(text)
  const starts = new Int32Array(lines)
  const ends = new Int32Array(lines)
  const counts = new Float64Array(lines)
  let words = 0
  let lineStart = 0
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd === -1) lineEnd = text.length
    const wordEnd = text.indexOf(' ', lineStart)
    if (wordEnd !== -1 && wordEnd < lineEnd) {
      // `count tag`: parseInt stops at the space.
      const count = Number.parseInt(text.slice(wordEnd + 1, lineEnd), 10)
      if (count > 0) {
        starts[words] = lineStart
        ends[words] = wordEnd
        counts[words] = count
        words++
      }
    }
    lineStart = lineEnd + 1
  }
  return {text, starts: starts.subarray(0, words), ends: ends.subarray(0, words), counts: counts.subarray(0, words)}
}

function countLines(text: string): number {
  let lines = 1
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines++
  return lines
}
