// The key of a paragraph or sentence: xxh64 of its normalized form. NFKC folds full-width
// letters, digits and marks, and whitespace and punctuation are dropped, so that width or
// punctuation damage in one copy cannot hide that it repeats another.
import xxhash from 'xxhash-wasm'

export type Hash64 = (text: string) => bigint

let loading: Promise<Hash64> | undefined

// xxhash-wasm compiles its WebAssembly once per thread; every caller shares that instance.
export function loadHash64(): Promise<Hash64> {
  loading ??= xxhash().then((api) => (text: string) => api.h64(text))
  return loading
}

const notContent = /[\s\p{P}\p{S}]+/gu

export function normalizedForm(text: string): string {
  return text.normalize('NFKC').replace(notContent, '')
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
