// The key of a paragraph or sentence: xxh64 of its normalized form. NFKC folds full-width
// letters, digits and marks, and whitespace and punctuation are dropped, so that width or
// punctuation damage in one copy cannot hide that it repeats another.
import xxhash from 'xxhash-wasm'

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

function createFormBytes(h64Raw: (bytes: Uint8Array) => bigint): FormBytes {
  const encoder = new TextEncoder()
  let buffer = new Uint8Array(1 << 12)
  let length = 0
  const room = (units: number) => {
    if (buffer.length >= length + units * 3) return
    const grown = new Uint8Array(Math.max(buffer.length * 2, length + units * 3))
    grown.set(buffer.subarray(0, length))
    buffer = grown
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
          const form = byDefinition(text.slice(start, end))
          length = from
          room(form.length)
          length += encoder.encodeInto(form, buffer.subarray(length)).written
          return length
        }
        const unit = action === fold ? code - 0xfee0 : code
        if (unit < 0x80) {
          buffer[length++] = unit
        } else if (unit < 0x800) {
          buffer[length++] = 0xc0 | (unit >> 6)
          buffer[length++] = 0x80 | (unit & 0x3f)
        } else {
          buffer[length++] = 0xe0 | (unit >> 12)
          buffer[length++] = 0x80 | ((unit >> 6) & 0x3f)
          buffer[length++] = 0x80 | (unit & 0x3f)
        }
      }
      return length
    },
    keyOf: (from, to) => (to > from ? h64Raw(buffer.subarray(from, to)) : undefined),
  }
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
// block, full-width and half-width forms up to the half-width marks. Left out: Hangul jamo and
// half-width katakana, which compose across characters.
function isContextFree(code: number): boolean {
  return (
    code < 0x100 ||
    (code >= 0x2000 && code <= 0x2bff) ||
    (code >= 0x3000 && code <= 0x30ff) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xff01 && code <= 0xff65)
  )
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
