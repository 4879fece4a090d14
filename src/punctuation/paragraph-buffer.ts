// One paragraph as a mutable array of UTF-16 code units, so the rules can convert marks in place
// and see each other's conversions. Indices stay those of the paragraph as it came in: a mark that
// shrinks a run (R2) flags the rest of the run as deleted instead of moving the text after it.
// The arrays are reused from paragraph to paragraph of a document: the units' in one allocation,
// sized by the caller (to the longest paragraph) and grown by doubling past it, the marks' (Chinese
// text holds few) plain arrays, which the JavaScript heap allocates more cheaply. Nothing is
// allocated per character.
// Conversions are ASCII to non-ASCII, so a unit that differs from the loaded text was converted.
// Loading also lists where the marks are (`marks`): the rules and the masks walk that list, not
// the whole paragraph, since Chinese text holds few ASCII marks.
import {isHan} from '../text/char-class.js'

const masked = 1
const deleted = 2

// The units listed in `marks`: the ASCII marks the rules convert (! " ' ( ) , . : ; ? [ ]), what
// starts a P0 span (/ @ & and w W for `www.`), and the curly double quotes R3 counts.
const listed = new Uint8Array(128)
for (const character of '!"\'(),.:;?[]/@&wW') listed[character.charCodeAt(0)] = 1

export class ParagraphBuffer {
  codes: Uint16Array<ArrayBuffer>
  flags: Uint8Array<ArrayBuffer>
  length = 0
  // Indices of the listed units, in order; `markCount` of them are valid.
  marks: number[] = []
  markCount = 0
  // For each listed mark, the number of the mark it pairs with, or -1 (see `pairMarks`).
  partners: number[] = []

  // Room for paragraphs of up to `capacity` units without growing.
  constructor(capacity: number) {
    const [codes, flags] = unitArrays(capacity + 1)
    this.codes = codes
    this.flags = flags
  }

  load(value: string): void {
    const length = value.length
    if (length >= this.codes.length) this.grow(length + 1)
    const {codes, marks} = this
    let markCount = 0
    for (let index = 0; index < length; index++) {
      const code = value.charCodeAt(index)
      codes[index] = code
      if (code < 0x80 ? listed[code] === 1 : code === 0x201c || code === 0x201d) marks[markCount++] = index
    }
    // A NUL after the end, so a look-ahead past the paragraph never reads an earlier paragraph.
    codes[length] = 0
    this.flags.fill(0, 0, length)
    this.length = length
    this.markCount = markCount
  }

  mask(start: number, end: number): void {
    for (let index = start; index < end; index++) this.flags[index]! |= masked
  }

  delete(start: number, end: number): void {
    for (let index = start; index < end; index++) this.flags[index]! |= deleted
  }

  // A mark a rule may convert: neither inside a P0 mask nor deleted.
  isFree(index: number): boolean {
    return this.flags[index] === 0
  }

  // Whether a Han character starts in [start, end): the content of a quote or bracket pair.
  hasHanBetween(start: number, end: number): boolean {
    const codes = this.codes
    for (let index = start; index < end; index++) {
      const code = codes[index]!
      if (isHan(code)) return true
      if (code >= 0xd800 && code <= 0xdbff && index + 1 < end && isHan(this.after(index - 1))) return true
    }
    return false
  }

  // The index of the unit right before `index`, skipping deleted units; -1 at the start.
  indexBefore(index: number): number {
    let at = index - 1
    while (at >= 0 && (this.flags[at]! & deleted) !== 0) at--
    return at
  }

  // The index of the unit right after `index`, skipping deleted units; `length` at the end.
  indexAfter(index: number): number {
    let at = index + 1
    while (at < this.length && (this.flags[at]! & deleted) !== 0) at++
    return at
  }

  // The code point right before `index`, -1 at the paragraph start.
  before(index: number): number {
    const at = this.indexBefore(index)
    if (at < 0) return -1
    const code = this.codes[at]!
    if (code >= 0xdc00 && code <= 0xdfff && at > 0) {
      const high = this.codes[at - 1]!
      if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (code - 0xdc00) + 0x10000
    }
    return code
  }

  // The code point right after `index`, -1 at the paragraph end.
  after(index: number): number {
    const at = this.indexAfter(index)
    if (at >= this.length) return -1
    const code = this.codes[at]!
    if (code >= 0xd800 && code <= 0xdbff && at + 1 < this.length) {
      const low = this.codes[at + 1]!
      if (low >= 0xdc00 && low <= 0xdfff) return (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000
    }
    return code
  }

  // The paragraph as it stands, without the deleted units: `original` (the text loaded) with the
  // converted marks spliced in. Only listed marks are ever converted or deleted, so only they are
  // compared, and an unchanged stretch is copied as one slice.
  spliceInto(original: string): string {
    const {codes, flags, marks, markCount} = this
    let text = ''
    let copied = 0
    for (let mark = 0; mark < markCount; mark++) {
      const index = marks[mark]!
      const kept = (flags[index]! & deleted) === 0
      if (kept && codes[index] === original.charCodeAt(index)) continue
      text += original.slice(copied, index)
      if (kept) text += String.fromCharCode(codes[index]!)
      copied = index + 1
    }
    return copied === 0 ? original : text + original.slice(copied)
  }

  private grow(length: number): void {
    const [codes, flags] = unitArrays(Math.max(length, this.codes.length * 2))
    this.codes = codes
    this.flags = flags
  }
}

// The code and flag arrays for `size` units, in one allocation.
function unitArrays(size: number): [Uint16Array<ArrayBuffer>, Uint8Array<ArrayBuffer>] {
  const memory = new ArrayBuffer(size * 3)
  return [new Uint16Array(memory, 0, size), new Uint8Array(memory, size * 2, size)]
}
