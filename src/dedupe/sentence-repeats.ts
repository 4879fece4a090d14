// Finding repeated sentence runs inside and across the paragraphs of one file: the decisions of
// `dedupe-sentences`, as pure functions over the paragraph texts.
//
// A sentence repeats when its key (of its normalized form, see sentence-forms.ts) was seen
// earlier in the file. A run of two or more consecutive repeats, or a single repeat of at least `minLength` code points
// once aligned (below), is a later copy. Scraped bodies captured twice rarely repeat on sentence bounds (the title is
// glued to the first sentence, the body may end without a stop, a blank may differ), so a run
// grows character by character into its neighbours while both copies agree (blanks aside), and
// keeps that growth only where it lands on a whole sentence, the paragraph end, or makes the two
// copies adjoin (`X X`).
// Only artifacts go: a later copy that runs to the end of its paragraph (a tail shorter than
// `minLength` aside) and adjoins its first copy or repeats the paragraph from its
// first sentence (the page captured again), or one that makes up a whole paragraph. Other runs
// are an editor's own repeats (a lead quoting the body, a table restating a row) and stay.
// A body with no stop at all is caught by `findTrailingRepeat`: the paragraph ends `X X`.

import {isBlank} from '../text/char-class.js'
import {isLowSurrogate} from '../text/code-point.js'
import {codePointLength} from './key.js'
import {KeyIndex} from './key-index.js'
import {readSentenceForms, type SentenceForms} from './sentence-forms.js'
import {nextSentenceEnd} from './sentences.js'

// A later copy: `[start, end)` of paragraph `paragraph`, whose first copy starts at `firstStart`
// of paragraph `firstParagraph`.
export interface Repeat {
  paragraph: number
  start: number
  end: number
  firstParagraph: number
  firstStart: number
  // Whether it is an artifact to remove; otherwise a natural repeat, kept.
  remove: boolean
}

// The sentences of a file, flattened: sentence `s` is `[starts[s], ends[s])` of paragraph
// `paragraphs[s]`, `firstCopies[s]` the earlier sentence it repeats, or -1, and
// `previousCopies[s]` the latest earlier sentence it repeats, or -1. Typed arrays: a file's tens
// of thousands of sentences put no element on the JS heap for the garbage collector to copy.
export interface SentenceTable {
  paragraphs: Int32Array
  starts: Int32Array
  ends: Int32Array
  firstCopies: Int32Array
  previousCopies: Int32Array
  // Per paragraph `p` with content, the key of its normalized form (its sentences' forms joined):
  // words `keys[2p]` and `keys[2p + 1]` (see FormHasher, key.ts), `hasKey[p]` 1.
  keys: Uint32Array
  hasKey: Uint8Array
  // Per paragraph, whether it exactly repeats an earlier paragraph; its sentences are left out.
  exactRepeats: boolean[]
}

// The table of `texts`, from their sentence forms (read now unless given, see sentence-forms.ts).
export function tabulateSentences(texts: string[], forms: SentenceForms = readSentenceForms(texts)): SentenceTable {
  const exactRepeats: boolean[] = []
  const sentences = new Columns(forms.ends.length)
  const latestByKey = new KeyIndex(forms.ends.length)
  const paragraphKeys = new KeyIndex(texts.length)
  for (let paragraph = 0; paragraph < texts.length; paragraph++) {
    const hasKey = forms.paragraphHasKey[paragraph] === 1
    const isExactRepeat = hasKey && paragraphKeys.get(forms.paragraphKeys, 2 * paragraph) >= 0
    if (hasKey) paragraphKeys.set(forms.paragraphKeys, 2 * paragraph, paragraph)
    exactRepeats.push(isExactRepeat)
    if (isExactRepeat) continue
    const first = forms.firstSentences[paragraph]!
    const next = forms.firstSentences[paragraph + 1]!
    for (let index = first; index < next; index++) {
      const sentence = sentences.length
      const hasSentenceKey = forms.sentenceHasKey[index] === 1
      const previous = hasSentenceKey ? latestByKey.get(forms.sentenceKeys, 2 * index) : -1
      const firstCopy =
        previous < 0 || sentences.firstCopies[previous]! < 0 ? previous : sentences.firstCopies[previous]!
      sentences.push(paragraph, index === first ? 0 : forms.ends[index - 1]!, forms.ends[index]!, firstCopy, previous)
      if (hasSentenceKey) latestByKey.set(forms.sentenceKeys, 2 * index, sentence)
    }
  }
  return sentences.table(forms.paragraphKeys, forms.paragraphHasKey, exactRepeats)
}

// The table's sentence columns as they grow, each doubled in place when full.
class Columns {
  paragraphs: Int32Array
  starts: Int32Array
  ends: Int32Array
  firstCopies: Int32Array
  previousCopies: Int32Array
  length = 0

  constructor(expected: number) {
    const size = Math.max(expected, 16)
    this.paragraphs = new Int32Array(size)
    this.starts = new Int32Array(size)
    this.ends = new Int32Array(size)
    this.firstCopies = new Int32Array(size)
    this.previousCopies = new Int32Array(size)
  }

  push(paragraph: number, start: number, end: number, firstCopy: number, previousCopy: number): void {
    if (this.length === this.ends.length) this.#grow()
    this.paragraphs[this.length] = paragraph
    this.starts[this.length] = start
    this.ends[this.length] = end
    this.firstCopies[this.length] = firstCopy
    this.previousCopies[this.length] = previousCopy
    this.length++
  }

  // The table of the sentences pushed, with the paragraphs' columns.
  table(keys: Uint32Array, hasKey: Uint8Array, exactRepeats: boolean[]): SentenceTable {
    return {
      paragraphs: this.paragraphs.subarray(0, this.length),
      starts: this.starts.subarray(0, this.length),
      ends: this.ends.subarray(0, this.length),
      firstCopies: this.firstCopies.subarray(0, this.length),
      previousCopies: this.previousCopies.subarray(0, this.length),
      keys,
      hasKey,
      exactRepeats,
    }
  }

  #grow(): void {
    const grown = (column: Int32Array) => {
      const larger = new Int32Array(2 * column.length)
      larger.set(column)
      return larger
    }
    this.paragraphs = grown(this.paragraphs)
    this.starts = grown(this.starts)
    this.ends = grown(this.ends)
    this.firstCopies = grown(this.firstCopies)
    this.previousCopies = grown(this.previousCopies)
  }
}

// The table with the sentences that overlap `spans` (sorted removals) no longer counted as
// repeats, so that a removal found first is not found again as part of another run.
export function withoutRepeatsIn(table: SentenceTable, spans: Repeat[]): SentenceTable {
  if (spans.length === 0) return table
  const firstCopies = table.firstCopies.slice()
  let span = 0
  for (let sentence = 0; sentence < firstCopies.length; sentence++) {
    const paragraph = table.paragraphs[sentence]!
    while (
      span < spans.length &&
      (spans[span]!.paragraph < paragraph ||
        (spans[span]!.paragraph === paragraph && spans[span]!.end <= table.starts[sentence]!))
    )
      span++
    const current = spans[span]
    if (current?.paragraph === paragraph && current.start < table.ends[sentence]!) firstCopies[sentence] = -1
  }
  return withFirstCopies(table, firstCopies)
}

// The table with other first copies. Written out field by field, as in \`Columns.table\`: every
// table then has one shape (a spread gave each its own), and the functions reading tables stay
// optimized from file to file instead of being compiled again for each.
function withFirstCopies(table: SentenceTable, firstCopies: Int32Array): SentenceTable {
  return {
    paragraphs: table.paragraphs,
    starts: table.starts,
    ends: table.ends,
    firstCopies,
    previousCopies: table.previousCopies,
    keys: table.keys,
    hasKey: table.hasKey,
    exactRepeats: table.exactRepeats,
  }
}

// The repeats (sorted) that overlap none of `spans` (sorted removals).
export function withoutOverlaps(repeats: Repeat[], spans: Repeat[]): Repeat[] {
  let span = 0
  return repeats.filter((repeat) => {
    while (
      span < spans.length &&
      (spans[span]!.paragraph < repeat.paragraph ||
        (spans[span]!.paragraph === repeat.paragraph && spans[span]!.end <= repeat.start))
    )
      span++
    const current = spans[span]
    return !(current?.paragraph === repeat.paragraph && current.start < repeat.end)
  })
}

// Every later copy, in paragraph order and, inside a paragraph, in text order.
export function findSentenceRepeats(texts: string[], table: SentenceTable, minLength: number): Repeat[] {
  const repeats: Repeat[] = []
  let sentence = 0
  let lastEnd = 0
  let lastParagraph = -1
  while (sentence < table.firstCopies.length) {
    if (table.firstCopies[sentence]! < 0) {
      sentence++
      continue
    }
    const paragraph = table.paragraphs[sentence]!
    let last = sentence
    while (
      last + 1 < table.firstCopies.length &&
      table.paragraphs[last + 1] === paragraph &&
      table.firstCopies[last + 1]! >= 0
    )
      last++
    const aligned = alignRun(texts, table, sentence, last, paragraph === lastParagraph ? lastEnd : 0)
    const isLongEnough =
      last > sentence || codePointLength(texts[paragraph]!.slice(aligned.start, aligned.end)) >= minLength
    if (isLongEnough) {
      repeats.push({
        paragraph,
        start: aligned.start,
        end: aligned.end,
        firstParagraph: aligned.firstParagraph,
        firstStart: aligned.firstStart,
        remove: isArtifact(texts, aligned, minLength),
      })
      lastParagraph = paragraph
      lastEnd = aligned.end
    }
    sentence = last + 1
  }
  return repeats
}

// See the header: a body captured twice, or a paragraph made of repeats.
export function isArtifact(
  texts: string[],
  repeat: Omit<Repeat, 'remove'> & {adjoins: boolean},
  minLength: number,
): boolean {
  const text = texts[repeat.paragraph]!
  if (repeat.firstParagraph !== repeat.paragraph)
    return isBlankRun(text, 0, repeat.start) && isBlankRun(text, repeat.end, text.length)
  if (!runsToEnd(text, repeat.end, minLength)) return false
  return repeat.adjoins || repeat.firstStart < nextSentenceEnd(text, 0)
}

// Whether only a tail shorter than `minLength` code points (a footer, a cut-off line) follows `end`.
function runsToEnd(text: string, end: number, minLength: number): boolean {
  return codePointLength(text.slice(end)) < minLength
}

// The run `first..last` (sentence numbers) grown into its neighbours as far as both copies agree.
function alignRun(
  texts: string[],
  table: SentenceTable,
  first: number,
  last: number,
  floor: number,
): Omit<Repeat, 'remove'> & {adjoins: boolean} {
  const paragraph = table.paragraphs[first]!
  const text = texts[paragraph]!
  const start = table.starts[first]!
  const end = table.ends[last]!
  const copyFirst = table.firstCopies[first]!
  const copyLast = table.firstCopies[last]!
  const firstParagraph = table.paragraphs[copyFirst]!
  const copyStart = table.starts[copyFirst]!
  const sentenceAligned = {paragraph, start, end, firstParagraph, firstStart: copyStart, adjoins: false}
  if (table.paragraphs[copyLast] !== firstParagraph || copyLast < copyFirst) return sentenceAligned
  const copy = texts[firstParagraph]!
  const copyEnd = table.ends[copyLast]!
  const sameParagraph = firstParagraph === paragraph
  const nextEnd =
    last + 1 < table.paragraphs.length && table.paragraphs[last + 1] === paragraph ? table.ends[last + 1]! : text.length
  const previousStart = Math.max(
    floor,
    first > 0 && table.paragraphs[first - 1] === paragraph ? table.starts[first - 1]! : 0,
  )
  const [grownEnd, grownCopyEnd] = agreeForward(text, end, nextEnd, copy, copyEnd, sameParagraph ? start : copy.length)
  const [grownStart, grownCopyStart] = agreeBackward(
    text,
    start,
    Math.max(previousStart, sameParagraph ? grownCopyEnd : 0),
    copy,
    copyStart,
    0,
  )
  const adjoins =
    sameParagraph &&
    isBlankRun(text, grownCopyEnd, grownStart) &&
    sameButBlanks(text.slice(grownCopyStart, grownCopyEnd), text.slice(grownStart, grownEnd))
  const keepsForward = adjoins || grownEnd === nextEnd
  const keepsBackward = adjoins || grownStart === previousStart
  return {
    paragraph,
    start: keepsBackward ? grownStart : start,
    end: keepsForward ? grownEnd : end,
    firstParagraph,
    firstStart: keepsBackward ? grownCopyStart : copyStart,
    adjoins,
  }
}

// A paragraph ending in the same text twice (`P X X`, a blank allowed between the copies), with
// X at least `minLength` code points: the span of the second X and the start of the first.
export function findTrailingRepeat(
  text: string,
  minLength: number,
): {start: number; end: number; firstStart: number} | undefined {
  const tailLength = 16
  if (text.length < 2 * minLength) return undefined
  const tail = text.slice(text.length - tailLength)
  let at = text.indexOf(tail)
  while (at >= 0 && at + tailLength <= text.length - minLength) {
    const firstEnd = at + tailLength
    const start = firstEnd + blankRunLength(text, firstEnd)
    const length = text.length - start
    const firstStart = firstEnd - length
    if (
      firstStart >= 0 &&
      text.startsWith(text.slice(start), firstStart) &&
      codePointLength(text.slice(start)) >= minLength
    ) {
      return {start, end: text.length, firstStart}
    }
    at = text.indexOf(tail, at + 1)
  }
  return undefined
}

function blankRunLength(text: string, from: number): number {
  let index = from
  while (index < text.length && isBlank(text.charCodeAt(index))) index++
  return index - from
}

// Widens a removal over the blanks it would leave behind: at a paragraph end, the blanks before
// it; at a paragraph start, the blanks after it; inside, one side of a doubled blank.
export function withBlanks(text: string, start: number, end: number): [number, number] {
  if (end === text.length) {
    while (start > 0 && isBlank(text.charCodeAt(start - 1))) start--
  } else if (start === 0 || (start > 0 && isBlank(text.charCodeAt(start - 1)))) {
    while (end < text.length && isBlank(text.charCodeAt(end))) end++
  }
  return [start, end]
}

function isBlankRun(text: string, start: number, end: number): boolean {
  if (end < start) return false
  for (let index = start; index < end; index++) if (!isBlank(text.charCodeAt(index))) return false
  return true
}

// How far `text` from `start` (up to `limit`) and `copy` from `copyStart` (up to `copyLimit`)
// agree, a blank in one of them skipped: the two positions reached.
function agreeForward(
  text: string,
  start: number,
  limit: number,
  copy: string,
  copyStart: number,
  copyLimit: number,
): [number, number] {
  let at = start
  let copyAt = copyStart
  while (at < limit && copyAt < copyLimit) {
    const code = text.charCodeAt(at)
    const copyCode = copy.charCodeAt(copyAt)
    if (code === copyCode) {
      at++
      copyAt++
    } else if (isBlank(code)) at++
    else if (isBlank(copyCode)) copyAt++
    else break
  }
  // Agreement that stops inside a surrogate pair gives the pair back (both texts agree on the half).
  return isLowSurrogate(text.charCodeAt(at)) ? [at - 1, copyAt - 1] : [at, copyAt]
}

// The same, backwards from `end` (down to `limit`) and `copyEnd` (down to `copyLimit`).
function agreeBackward(
  text: string,
  end: number,
  limit: number,
  copy: string,
  copyEnd: number,
  copyLimit: number,
): [number, number] {
  let at = end
  let copyAt = copyEnd
  while (at > limit && copyAt > copyLimit) {
    const code = text.charCodeAt(at - 1)
    const copyCode = copy.charCodeAt(copyAt - 1)
    if (code === copyCode) {
      at--
      copyAt--
    } else if (isBlank(code)) at--
    else if (isBlank(copyCode)) copyAt--
    else break
  }
  return isLowSurrogate(text.charCodeAt(at)) ? [at + 1, copyAt + 1] : [at, copyAt]
}

function sameButBlanks(a: string, b: string): boolean {
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && isBlank(a.charCodeAt(i))) i++
    else if (j < b.length && isBlank(b.charCodeAt(j))) j++
    else if (i < a.length && j < b.length && a.charCodeAt(i) === b.charCodeAt(j)) {
      i++
      j++
    } else return false
  }
  return true
}
