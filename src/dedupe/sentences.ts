// Sentences of a paragraph, as the ends of their spans. A sentence ends after a run of stops
// (U+3002, U+FF01, U+FF1F, U+FF61, ASCII `!` `?`, and `.` before a blank or the end of the
// paragraph but not after a digit) and the closing quotes and brackets that follow them (Chinese,
// or ASCII `"` `'` `)` `]`), so a closing quote stays with its sentence. A piece with no content of its own (only blanks and
// marks) joins the sentence before it, so every sentence but a contentless paragraph has a key.
import {
  isAsciiCloser,
  isAsciiDigit,
  isBlank,
  isClosingMark,
  isMarkOrBlank,
  isSentenceEnd,
  nextSentenceEndOrDot,
} from '../text/char-class.js'

// Exclusive end offsets of the sentences of `text`, in order; the last is `text.length`. Written
// over `into` when given (a caller going through many paragraphs reuses one array).
export function sentenceEnds(text: string, into: number[] = []): number[] {
  const ends = into
  ends.length = 0
  let index = nextSentenceEndOrDot(text, 0)
  while (index >= 0) {
    if (!isSentenceStop(text, index)) {
      index = nextSentenceEndOrDot(text, index + 1)
      continue
    }
    index = endOfStopRun(text, index)
    if (ends.length === 0 || hasContent(text, ends[ends.length - 1]!, index)) ends.push(index)
    else ends[ends.length - 1] = index
    index = nextSentenceEndOrDot(text, index)
  }
  const lastEnd = ends.length > 0 ? ends[ends.length - 1]! : 0
  if (lastEnd < text.length) {
    if (ends.length === 0 || hasContent(text, lastEnd, text.length)) ends.push(text.length)
    else ends[ends.length - 1] = text.length
  }
  return ends
}

// Whether `text` may hold `count` sentences or more: every sentence but the last ends in a run of
// stops, so a text with fewer than `count - 1` code units that may end a sentence holds fewer. A
// bound that costs a few native searches and no array, before `sentenceEnds`.
export function mayHoldSentences(text: string, count: number): boolean {
  let stops = 0
  for (let index = nextSentenceEndOrDot(text, 0); index >= 0 && stops < count - 1; stops++) {
    index = nextSentenceEndOrDot(text, index + 1)
  }
  return stops >= count - 1
}

// The end of the sentence that holds `from` (the paragraph end when no stop follows).
export function nextSentenceEnd(text: string, from: number): number {
  for (let index = nextSentenceEndOrDot(text, from); index >= 0; index = nextSentenceEndOrDot(text, index + 1)) {
    if (isSentenceStop(text, index)) return endOfStopRun(text, index)
  }
  return text.length
}

// Whether the code unit at `index` ends a sentence.
function isSentenceStop(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  if (isSentenceEnd(code)) return true
  if (code !== 0x2e) return false
  const after = text.charCodeAt(index + 1)
  return !isAsciiDigit(text.charCodeAt(index - 1)) && (Number.isNaN(after) || isBlank(after))
}

// Whether a code unit closes a quotation or bracket: it stays with the sentence it follows.
function isCloser(code: number): boolean {
  return isClosingMark(code) || isAsciiCloser(code)
}

function endOfStopRun(text: string, from: number): number {
  let index = from + 1
  while (index < text.length && isSentenceStop(text, index)) index++
  while (index < text.length && isCloser(text.charCodeAt(index))) index++
  return index
}

// Whether `text[start, end)` holds a letter, digit or Han character (anything past the ASCII
// marks and blanks and the common CJK and general punctuation blocks counts as content).
function hasContent(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    if (!isMarkOrBlank(text.charCodeAt(index))) return true
  }
  return false
}
