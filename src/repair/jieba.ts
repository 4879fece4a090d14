// jieba's dictionary, as @node-rs/jieba ships it: about 350k lines `word count tag`, the counts
// from a large corpus. Read on demand, a word at a time: each model keeps only what it needs.
import {createRequire} from 'node:module'

// Calls `visit` with each word (its start and end in `text`) and its count.
export function forEachDictionaryWord(visit: (text: string, start: number, end: number, count: number) => void): void {
  const require = createRequire(import.meta.url)
  const {dict} = require('@node-rs/jieba/dict') as {dict: Uint8Array}
  const text = Buffer.from(dict.buffer, dict.byteOffset, dict.byteLength).toString('utf8')
  let lineStart = 0
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd === -1) lineEnd = text.length
    const wordEnd = text.indexOf(' ', lineStart)
    if (wordEnd !== -1 && wordEnd < lineEnd) {
      // `count tag`: parseInt stops at the space.
      const count = Number.parseInt(text.slice(wordEnd + 1, lineEnd), 10)
      if (count > 0) visit(text, lineStart, wordEnd, count)
    }
    lineStart = lineEnd + 1
  }
}
