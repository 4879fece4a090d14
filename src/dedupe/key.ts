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

// Blocks with no combining or composing characters: ASCII, general punctuation, CJK marks, the
// unified Han block, full-width and half-width forms up to the half-width marks.
function isContextFree(code: number): boolean {
  return (
    code < 0x80 ||
    (code >= 0x2010 && code <= 0x2027) ||
    (code >= 0x3000 && code <= 0x303f) ||
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
