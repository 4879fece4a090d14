// What Chinese typography (GB/T 15834) says about quotes, as log10 penalties for readings that
// break it: curly double quotes and book-title marks pair up within a paragraph, and a quoted
// sentence ends with its own stop inside the quotes and starts after a stop, pause or colon.
import {classOf} from './frequency.js'

const openQuote = 0x201c
const closeQuote = 0x201d
const openTitle = 0x300a
const closeTitle = 0x300b

export function isPairingMark(code: number): boolean {
  return code === openQuote || code === closeQuote || code === openTitle || code === closeTitle
}

// `open` packs how many U+201C are open (0-3) and whether a U+300A is (4); the penalty is for a
// mark that breaks the pairing.
export function pairStep(open: number, code: number): [number, number] {
  const quotes = open & 3
  const title = open & 4
  switch (code) {
    case openQuote:
      return [quotes > 0 ? -1 : 0, title | Math.min(quotes + 1, 3)]
    case closeQuote:
      return [quotes === 0 ? -1.5 : 0, title | Math.max(quotes - 1, 0)]
    case openTitle:
      return [title ? -1.5 : 0, quotes | 4]
    case closeTitle:
      return [title ? 0 : -1.5, quotes]
  }
  return [0, open]
}

// Marks still open at the end of a paragraph: a quote may go on in the next paragraph when that
// one opens with U+201C (the convention for quotes over several paragraphs); a title may not.
export function unclosedPenalty(open: number, quoteContinues: boolean): number {
  const quotes = open & 3
  return (quotes > 0 ? (quoteContinues ? -0.3 : -2) : 0) + (open & 4 ? -2 : 0)
}

const sentencePenalty = -1.5
// A quote this long with a pause inside is a sentence, not a quoted term.
const sentenceLength = 8

// A closing quote right after a word character, though the quote holds a sentence: the sentence's
// stop belongs before it. `before` is the paragraph up to the quote.
export function closingQuotePenalty(before: string, previous: number): number {
  if (!isWordCharacter(previous)) return 0
  const opened = before.lastIndexOf('\u201c')
  return opened !== -1 && isSentence(before.slice(opened + 1)) ? sentencePenalty : 0
}

// An opening quote right after a word character, though what it opens is a sentence: a
// sentence quote follows a stop, pause or colon. `after` is the paragraph after the quote.
export function openingQuotePenalty(after: string, previous: number): number {
  if (!isWordCharacter(previous)) return 0
  const closed = after.indexOf('\u201d')
  return isSentence(closed === -1 ? after : after.slice(0, closed)) ? sentencePenalty : 0
}

function isWordCharacter(key: number): boolean {
  const role = classOf(key)
  return role === 'han' || role === 'digit' || role === 'latin'
}

function isSentence(quoted: string): boolean {
  return quoted.length >= sentenceLength && /[\uff0c\u3001\uff1b\uff1a,;:]/.test(quoted)
}

// Whether the span at `start` is `?!?` ending a paragraph inside an open U+201C: the bytes of
// U+3002 U+201D (A1A3 A1B1) read one byte off, the stop's lead lost and the quote's trail
// unpaired at the end (either `?` may be U+FFFD, the `!` a full-width U+FF01). The pair A3A1 in
// the middle allows only a character with trail A3 before and one with lead A1 after; in an open
// quote at a paragraph's end that is the stop and the closing quote.
export function isStopAndClosingQuote(text: string, start: number): boolean {
  if (start + 3 !== text.length) return false
  const middle = text.charCodeAt(start + 1)
  if (!isLostByte(text.charCodeAt(start)) || !isLostByte(text.charCodeAt(start + 2))) return false
  if (middle !== 0x21 && middle !== 0xff01) return false
  return text.lastIndexOf('\u201c', start) > text.lastIndexOf('\u201d', start)
}

function isLostByte(code: number): boolean {
  return code === 0x3f || code === 0xfffd
}
