// The key of a paragraph or sentence: xxh64 of its normalized form. NFKC folds full-width
// letters, digits and marks, and whitespace and punctuation are dropped, so that width or
// punctuation damage in one copy cannot hide that it repeats another.
import xxhash from 'xxhash-wasm'

export type Hash64 = (text: string) => bigint

let loading: Promise<Hash64> | undefined

// xxhash-wasm compiles its WebAssembly once per thread; every caller shares that instance. Texts
// are encoded into one reused buffer and hashed raw: three times faster than `h64(text)`, with
// the same value.
export function loadHash64(): Promise<Hash64> {
  loading ??= xxhash().then((api) => {
    const encoder = new TextEncoder()
    let buffer = new Uint8Array(1 << 12)
    return (text: string) => {
      if (buffer.length < text.length * 3) buffer = new Uint8Array(text.length * 3)
      const {written} = encoder.encodeInto(text, buffer)
      return api.h64Raw(buffer.subarray(0, written))
    }
  })
  return loading
}

// The key of a text (or of its range start..end): xxh64 of the UTF-8 of its normalized form, or
// undefined when no content is left (a lone `……`). The same value as `hash64(normalizedForm(...))`,
// without the intermediate strings: one charCodeAt loop writes the form's UTF-8 straight into a
// reused buffer (the same fast path as normalizedForm), and xxh64 hashes those bytes.
export type KeyOf = (text: string, start?: number, end?: number) => bigint | undefined

let loadingKeyOf: Promise<KeyOf> | undefined

export function loadKeyOf(): Promise<KeyOf> {
  loadingKeyOf ??= xxhash().then((api) => {
    const encoder = new TextEncoder()
    let buffer = new Uint8Array(1 << 12)
    const room = (units: number) => {
      if (buffer.length < units * 3) buffer = new Uint8Array(units * 3)
    }
    return (text: string, start = 0, end = text.length) => {
      room(end - start)
      let length = 0
      for (let index = start; index < end; index++) {
        const code = text.charCodeAt(index)
        const action = unitAction[code] || learnUnitAction(code)
        if (action === drop) continue
        if (action === other) {
          const form = byDefinition(text.slice(start, end))
          room(form.length)
          length = encoder.encodeInto(form, buffer).written
          break
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
      return length === 0 ? undefined : api.h64Raw(buffer.subarray(0, length))
    }
  })
  return loadingKeyOf
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
