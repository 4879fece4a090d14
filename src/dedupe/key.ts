// The key of a paragraph or sentence: xxh64 of its normalized form. NFKC folds full-width
// letters, digits and marks, and whitespace and punctuation are dropped, so that width or
// punctuation damage in one copy cannot hide that it repeats another.

import xxhash from 'xxhash-wasm'
import {isHighSurrogate, isLowSurrogate} from '../text/code-point.js'

// Normalized forms written as UTF-8, one after another, into one reused buffer, and xxh64 over
// any range of it. The key of a text is the hash of its form's bytes, so the forms of a
// paragraph's sentences, written in turn, give each sentence's key and, as a whole, the key of
// their concatenation, with no string built and every character encoded once. One charCodeAt
// loop keeps, drops or folds each code unit (the same fast path as normalizedForm) and writes
// its UTF-8; a text holding any other character is written from its definition.
export interface FormBytes {
  // Starts over at the first byte.
  clear(): void
  // Writes the form of text[start, end) after the bytes already written; returns where they end.
  append(text: string, start?: number, end?: number): number
  // The same for valid UTF-8 bytes [start, end): the form of the text they encode.
  appendUtf8(bytes: Uint8Array, start: number, end: number): number
  // The key of bytes [from, to): undefined for an empty range (a form with no content).
  keyOf(from: number, to: number): bigint | undefined
}

// The key of a text (or of its range start..end): xxh64 of the UTF-8 of its normalized form, or
// undefined when no content is left (a lone `……`).
export type KeyOf = (text: string, start?: number, end?: number) => bigint | undefined

let loadingForms: Promise<FormBytes> | undefined

// xxhash-wasm compiles its WebAssembly once per thread; every caller shares that instance.
export function loadFormBytes(): Promise<FormBytes> {
  loadingForms ??= xxhash().then((api) => createFormBytes(api.h64Raw))
  return loadingForms
}

export async function loadKeyOf(): Promise<KeyOf> {
  const forms = await loadFormBytes()
  return (text, start = 0, end = text.length) => {
    forms.clear()
    return forms.keyOf(0, forms.append(text, start, end))
  }
}

// The key of the text valid UTF-8 bytes [start, end) encode: the same as KeyOf's of that text.
export type Utf8KeyOf = (bytes: Uint8Array, start: number, end: number) => bigint | undefined

export async function loadUtf8KeyOf(): Promise<Utf8KeyOf> {
  const forms = await loadFormBytes()
  return (bytes, start, end) => {
    forms.clear()
    return forms.keyOf(0, forms.appendUtf8(bytes, start, end))
  }
}

function createFormBytes(h64Raw: (bytes: Uint8Array) => bigint): FormBytes {
  const encoder = new TextEncoder()
  const decoder = new TextDecoder()
  let buffer = new Uint8Array(1 << 12)
  let length = 0
  const roomForBytes = (bytes: number) => {
    if (buffer.length >= length + bytes) return
    const grown = new Uint8Array(Math.max(buffer.length * 2, length + bytes))
    grown.set(buffer.subarray(0, length))
    buffer = grown
  }
  const room = (units: number) => roomForBytes(units * 3)
  const appendByDefinition = (text: string) => {
    const form = byDefinition(text)
    room(form.length)
    length += encoder.encodeInto(form, buffer.subarray(length)).written
    return length
  }
  return {
    clear: () => {
      length = 0
    },
    append: (text, start = 0, end = text.length) => {
      room(end - start)
      const from = length
      for (let index = start; index < end; index++) {
        const code = text.charCodeAt(index)
        const action = unitAction[code] || learnUnitAction(code)
        if (action === drop) continue
        if (action === other) {
          length = from
          return appendByDefinition(text.slice(start, end))
        }
        length = writeUtf8(buffer, length, action === fold ? code - 0xfee0 : code)
      }
      return length
    },
    appendUtf8: (bytes, start, end) => {
      // No form is longer than its UTF-8: a kept character is copied, a folded one shrinks.
      roomForBytes(end - start)
      const written = writeUtf8Form(bytes, start, end, buffer, length)
      if (written !== -1) length = written
      else appendByDefinition(decoder.decode(bytes.subarray(start, end)))
      return length
    },
    keyOf: (from, to) => (to > from ? h64Raw(buffer.subarray(from, to)) : undefined),
  }
}

// append's loop on code points decoded from valid UTF-8 bytes, writing the form at `at`: a kept
// character's bytes are its UTF-8 already. Returns where the form ends, or -1 at a character off
// the fast path (any beyond the BMP, four bytes, is). The two- and three-byte branches are
// written out on purpose: one branch looping over the width made `--only dedupe-paragraphs` on
// 200 MB 5-8% slower.
function writeUtf8Form(bytes: Uint8Array, start: number, end: number, form: Uint8Array, at: number): number {
  let index = start
  let length = at
  while (index < end) {
    const lead = bytes[index]!
    if (lead < 0x80) {
      const action = unitAction[lead] || learnUnitAction(lead)
      if (action === keep) form[length++] = lead
      else if (action !== drop) return -1
      index++
    } else if (lead >= 0xe0) {
      if (lead >= 0xf0) return -1
      const second = bytes[index + 1]!
      const third = bytes[index + 2]!
      const code = ((lead & 0x0f) << 12) | ((second & 0x3f) << 6) | (third & 0x3f)
      const action = unitAction[code] || learnUnitAction(code)
      if (action === keep) {
        form[length] = lead
        form[length + 1] = second
        form[length + 2] = third
        length += 3
      } else if (action === fold) {
        length = writeUtf8(form, length, code - 0xfee0)
      } else if (action === other) {
        return -1
      }
      index += 3
    } else {
      const second = bytes[index + 1]!
      const code = ((lead & 0x1f) << 6) | (second & 0x3f)
      const action = unitAction[code] || learnUnitAction(code)
      if (action === keep) {
        form[length] = lead
        form[length + 1] = second
        length += 2
      } else if (action === fold) {
        length = writeUtf8(form, length, code - 0xfee0)
      } else if (action === other) {
        return -1
      }
      index += 2
    }
  }
  return length
}

// Writes a BMP code point as UTF-8 at `at` (the caller made room); returns where it ends.
function writeUtf8(buffer: Uint8Array, at: number, code: number): number {
  if (code < 0x80) {
    buffer[at] = code
    return at + 1
  }
  if (code < 0x800) {
    buffer[at] = 0xc0 | (code >> 6)
    buffer[at + 1] = 0x80 | (code & 0x3f)
    return at + 2
  }
  buffer[at] = 0xe0 | (code >> 12)
  buffer[at + 1] = 0x80 | ((code >> 6) & 0x3f)
  buffer[at + 2] = 0x80 | (code & 0x3f)
  return at + 3
}

const notContent = /[\s\p{P}\p{S}]+/gu

// By definition NFKC, then whitespace, punctuation and symbols dropped. Most news text is Han,
// ASCII and common marks, whose NFKC forms do not depend on their neighbours: one charCodeAt
// loop keeps, drops or folds each of them (five times faster); any other character sends the
// whole text down the definition.
export function normalizedForm(text: string): string {
  let kept = ''
  let runStart = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    const action = unitAction[code] || learnUnitAction(code)
    if (action === keep) continue
    if (action === other) return byDefinition(text)
    kept += text.slice(runStart, index)
    if (action === fold) kept += String.fromCharCode(code - 0xfee0)
    runStart = index + 1
  }
  return runStart === 0 ? text : kept + text.slice(runStart)
}

function byDefinition(text: string): string {
  return text.normalize('NFKC').replace(notContent, '')
}

// What the fast loop does with a code unit, learnt from the definition on first sight.
const keep = 1
const drop = 2
const fold = 3
const other = 4
const unitAction = new Uint8Array(0x10000)

function learnUnitAction(code: number): number {
  const character = String.fromCharCode(code)
  let action = other
  if (isContextFree(code) && !/\p{M}/u.test(character)) {
    const form = byDefinition(character)
    if (form === character) action = keep
    else if (form === '') action = drop
    else if (form.length === 1 && code - 0xfee0 === form.charCodeAt(0)) action = fold
  }
  unitAction[code] = action
  return action
}

// Blocks whose characters (combining marks aside, which the caller excludes) neither compose with
// a neighbour nor decompose into anything that does: ASCII and Latin-1 (the no-break space and
// middle dot of news text), punctuation, symbols and arrows, CJK marks and kana, the unified Han
// block, the private use area and U+FFFD (the marks a broken GBK scrape leaves), full-width and
// half-width forms up to the half-width marks. Left out: Hangul jamo and half-width katakana,
// which compose across characters.
function isContextFree(code: number): boolean {
  return (
    code < 0x100 ||
    (code >= 0x2000 && code <= 0x2bff) ||
    (code >= 0x3000 && code <= 0x30ff) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xe000 && code <= 0xf8ff) ||
    (code >= 0xff01 && code <= 0xff65) ||
    code === 0xfffd
  )
}

// Keys that never leave a document: a 64-bit hash of a text's normalized form, read off its code
// units by normalizedForm's fast loop. Inside one document a key only has to tell whether two
// forms are equal; xxh64 (the key a seen store keeps) costs a UTF-8 copy, a call into WebAssembly
// and two BigInts per text, which for the sentences of a document cost more than finding their
// repeats. Two 32-bit lanes of different mixing, so two forms collide only by chance, about one
// time in 2^64.
// A text is hashed as a sequence of pieces (sentences): each piece gets its own key, and the
// whole, the pieces' forms joined, gets the key the joined form would get as one piece.
export class FormHasher {
  // The piece's lanes and form length (code units), then the whole's.
  #pieceA = 0
  #pieceB = 0
  #pieceLength = 0
  #wholeA = 0
  #wholeB = 0
  #wholeLength = 0
  #wholeByDefinition = false
  // The key `pieceKey` or `wholeKey` found last, as its low and high words: kept in a typed
  // array so that no word, a number beyond a small integer's range, is ever boxed.
  readonly key = new Uint32Array(2)

  // Starts a new whole.
  clear(): void {
    this.#wholeA = 0
    this.#wholeB = 0
    this.#wholeLength = 0
    this.#wholeByDefinition = false
  }

  // Whether a piece of the whole so far was normalized by definition (a character off the fast
  // path): NFKC may compose across the end of a piece, so the whole's key may then differ from
  // the key of the same text added as one piece. Never, when every piece took the fast path.
  get wholeByDefinition(): boolean {
    return this.#wholeByDefinition
  }

  // Hashes the form of text[start, end) as the next piece of the whole.
  add(text: string, start = 0, end = text.length): void {
    let pieceA = 0
    let pieceB = 0
    let pieceLength = 0
    let wholeA = this.#wholeA
    let wholeB = this.#wholeB
    for (let index = start; index < end; index++) {
      let code = text.charCodeAt(index)
      const action = unitAction[code] || learnUnitAction(code)
      if (action === drop) continue
      if (action === other) {
        this.#addByDefinition(text.slice(start, end))
        return
      }
      if (action === fold) code -= 0xfee0
      pieceA = laneA(pieceA, code)
      pieceB = laneB(pieceB, code)
      wholeA = laneA(wholeA, code)
      wholeB = laneB(wholeB, code)
      pieceLength++
    }
    this.#pieceA = pieceA
    this.#pieceB = pieceB
    this.#pieceLength = pieceLength
    this.#wholeA = wholeA
    this.#wholeB = wholeB
    this.#wholeLength += pieceLength
  }

  // The last piece's key into `key`; false (no key) when its form is empty.
  pieceKey(): boolean {
    return this.#finish(this.#pieceA, this.#pieceB, this.#pieceLength)
  }

  // The whole's key so far, the same way.
  wholeKey(): boolean {
    return this.#finish(this.#wholeA, this.#wholeB, this.#wholeLength)
  }

  // The form by definition, hashed as the fast loop hashes its units. A lone surrogate counts
  // as U+FFFD, as in the form's UTF-8 (xxh64's input), so both keys tell the same forms apart.
  #addByDefinition(text: string): void {
    this.#wholeByDefinition = true
    const form = byDefinition(text)
    let pieceA = 0
    let pieceB = 0
    let wholeA = this.#wholeA
    let wholeB = this.#wholeB
    for (let index = 0; index < form.length; index++) {
      const code = encodedUnit(form, index)
      pieceA = laneA(pieceA, code)
      pieceB = laneB(pieceB, code)
      wholeA = laneA(wholeA, code)
      wholeB = laneB(wholeB, code)
    }
    this.#pieceA = pieceA
    this.#pieceB = pieceB
    this.#pieceLength = form.length
    this.#wholeA = wholeA
    this.#wholeB = wholeB
    this.#wholeLength += form.length
  }

  #finish(a: number, b: number, length: number): boolean {
    if (length === 0) return false
    this.key[0] = mix(a ^ length)
    this.key[1] = mix(b ^ Math.imul(length, 0x9e3779b1))
    return true
  }
}

// One code unit into lane A: murmur3's body step.
function laneA(hash: number, code: number): number {
  let mixed = Math.imul(code, 0xcc9e2d51)
  mixed = Math.imul((mixed << 15) | (mixed >>> 17), 0x1b873593)
  const next = hash ^ mixed
  return (Math.imul((next << 13) | (next >>> 19), 5) + 0xe6546b64) | 0
}

// One code unit into lane B: FNV-1a's step.
function laneB(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193)
}

// murmur3's finalizer.
function mix(value: number): number {
  let hash = value
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35)
  return hash ^ (hash >>> 16)
}

// The code unit at `index`, or U+FFFD for half a surrogate pair alone (what UTF-8 encodes it as).
function encodedUnit(text: string, index: number): number {
  const code = text.charCodeAt(index)
  if (isHighSurrogate(code)) return isLowSurrogate(text.charCodeAt(index + 1)) ? code : 0xfffd
  if (isLowSurrogate(code)) return isHighSurrogate(text.charCodeAt(index - 1)) ? code : 0xfffd
  return code
}

// A text's normalized form as code units in a reused array, for a reader that goes through it
// unit by unit (a minhash sketch) and needs no string of it.
export class FormUnits {
  units = new Uint16Array(1 << 12)
  // The form's length in code units and in code points.
  length = 0
  codePoints = 0

  read(text: string): void {
    if (this.units.length < text.length) this.units = new Uint16Array(2 * text.length)
    this.length = writeFormUnits(text, this.units)
    this.codePoints = this.length
    if (this.length !== -1) return
    const form = byDefinition(text)
    if (this.units.length < form.length) this.units = new Uint16Array(2 * form.length)
    for (let index = 0; index < form.length; index++) this.units[index] = form.charCodeAt(index)
    this.length = form.length
    this.codePoints = codePointLength(form)
  }
}

// normalizedForm's fast loop writing the form's units; -1 at a character off the fast path. No
// surrogate is on it, so the units are code points too.
function writeFormUnits(text: string, units: Uint16Array): number {
  let length = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    const action = unitAction[code] || learnUnitAction(code)
    if (action === keep) units[length++] = code
    else if (action === fold) units[length++] = code - 0xfee0
    else if (action === other) return -1
  }
  return length
}

// Code points, the unit every length in the spec is counted in.
export function codePointLength(text: string): number {
  let length = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 0xd800 || code > 0xdbff) length++
  }
  return length
}
