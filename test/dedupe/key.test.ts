import {describe, expect, it} from 'vitest'
import xxhash from 'xxhash-wasm'
import {
  codePointLength,
  FormHasher,
  FormUnits,
  loadFormBytes,
  loadKeyOf,
  loadUtf8KeyOf,
  normalizedForm,
} from '../../src/dedupe/key.js'
import {corpusArticles, sentencesOf} from '../helpers.js'

// The definition normalizedForm must keep: NFKC, then whitespace, punctuation and symbols dropped.
function byDefinition(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '')
}

describe('normalizedForm', () => {
  it('matches its definition on every article of the shared corpus', () => {
    const differing = corpusArticles().filter((article) => normalizedForm(article) !== byDefinition(article))
    expect(differing).toEqual([])
  })

  it.each([
    ['folds full-width letters and digits and drops marks', '\uff21\uff42\uff11\uff0c\u3002 x', 'Ab1x'],
    ['keeps astral letters and drops astral symbols', 'a\u{20000}\u{1f600}b', 'a\u{20000}b'],
    ['keeps a combining mark composed with its letter', 'e\u0301!', '\u00e9'],
    ['gives nothing for marks only', '\u2026\u2026 \u3001', ''],
    ['drops a no-break space and a middle dot', 'a\u00a0b\u00b7c', 'abc'],
    ['composes a kana with a following voiced mark', '\u304b\u3099\u3002', '\u304c'],
    ['composes half-width katakana with its voiced mark', '\uff76\uff9e', '\u30ac'],
    ['composes Hangul jamo', '\u1100\u1161', '\uac00'],
  ])('%s', (_, text, form) => {
    expect(normalizedForm(text)).toBe(form)
    expect(byDefinition(text)).toBe(form)
  })

  it('gives each text and range the xxh64 of its normalized form, none when nothing is left', async () => {
    const [keyOf, api] = await Promise.all([loadKeyOf(), xxhash()])
    const keyByDefinition = (text: string) => {
      const form = normalizedForm(text)
      return form.length === 0 ? undefined : api.h64(form)
    }
    const texts = ['', 'a', 'a\u{20000}\u3002', '\u2026\u2026', 'e\u0301!', '\ufdfa', ...corpusArticles().slice(0, 100)]
    expect(texts.map((text) => keyOf(text))).toEqual(texts.map(keyByDefinition))
    const article = corpusArticles()[7]!
    expect(keyOf(`x${article}y`, 1, article.length + 1)).toBe(keyByDefinition(article))
  })

  it('keys forms written one after another, each alone and all together as their concatenation', async () => {
    const [forms, api] = await Promise.all([loadFormBytes(), xxhash()])
    const parts = ['\uff21\uff42\u3002', '\u2026', 'e\u0301!', ...corpusArticles().slice(20, 23), '\ufdfa']
    forms.clear()
    const ends = parts.map((part) => forms.append(part))
    const expected = parts.map(normalizedForm)
    expect(ends.map((end, index) => forms.keyOf(index === 0 ? 0 : ends[index - 1]!, end))).toEqual(
      expected.map((form) => (form.length === 0 ? undefined : api.h64(form))),
    )
    expect(forms.keyOf(0, ends.at(-1)!)).toBe(api.h64(expected.join('')))
  })

  it('keys UTF-8 bytes as it keys the text they encode, on the corpus and on every BMP character', async () => {
    const [keyOf, utf8KeyOf] = await Promise.all([loadKeyOf(), loadUtf8KeyOf()])
    const encoder = new TextEncoder()
    const bmp = Array.from({length: 0x10000}, (_, code) => code)
      .filter((code) => code < 0xd800 || code > 0xdfff)
      .map((code) => `\u4e2d${String.fromCharCode(code)}a`)
    const edges = ['', 'a\u{20000}\u3002', '\u2026\u2026', 'e\u0301!', '\u304b\u3099', '\uff76\uff9e', '\ufdfa']
    const texts = [...edges, ...bmp, ...corpusArticles()]
    const differing = texts.filter((text) => {
      const bytes = encoder.encode(`\u3000${text}\n`)
      return utf8KeyOf(bytes, 3, bytes.length - 1) !== keyOf(text)
    })
    expect(differing).toEqual([])
  })

  it('counts code points, not code units', () => {
    expect(codePointLength('a\u{20000}b')).toBe(3)
  })
})

describe('FormUnits', () => {
  it('reads the normalized form of the corpus, every BMP character and the edges, one after another', () => {
    const bmp = Array.from({length: 0x10000}, (_, code) => `\u4e2d${String.fromCharCode(code)}a`)
    const edges = ['', 'a\u{20000}\u3002', '\u2026\u2026', 'e\u0301!', '\uff76\uff9e', '\ufdfa', '\ufdfa'.repeat(300)]
    const forms = new FormUnits()
    const differing = [...edges, ...bmp, ...corpusArticles()].filter((text) => {
      forms.read(text)
      const form = String.fromCharCode(...forms.units.subarray(0, forms.length))
      return form !== normalizedForm(text) || forms.codePoints !== codePointLength(form)
    })
    expect(differing).toEqual([])
  })
})

// The key FormHasher gives a text as one piece, as a string of its two words; none without content.
function hashedKey(text: string): string | undefined {
  const hasher = new FormHasher()
  hasher.clear()
  hasher.add(text)
  return hasher.wholeKey() ? hasher.key.join(':') : undefined
}

describe('FormHasher', () => {
  it('gives texts the same key exactly when xxh64 does: on corpus sentences and every BMP character', async () => {
    const keyOf = await loadKeyOf()
    const bmp = Array.from({length: 0x10000}, (_, code) => `\u4e2d${String.fromCharCode(code)}`)
    const edges = ['', '\u2026\u2026', 'e\u0301!', '\u00e9', '\uff76\uff9e', '\u30ac', 'a\ud800', 'a\udbff', 'a\ufffd']
    const texts = [...edges, ...bmp, ...corpusArticles().flatMap(sentencesOf)]
    const hashedByXxh64 = new Map<bigint | undefined, Set<string | undefined>>()
    const xxh64ByHashed = new Map<string | undefined, Set<bigint | undefined>>()
    for (const text of texts) {
      const [xxh64, hashed] = [keyOf(text), hashedKey(text)]
      hashedByXxh64.set(xxh64, (hashedByXxh64.get(xxh64) ?? new Set()).add(hashed))
      xxh64ByHashed.set(hashed, (xxh64ByHashed.get(hashed) ?? new Set()).add(xxh64))
    }
    expect(texts.length).toBeGreaterThan(70_000)
    expect([...hashedByXxh64.values()].filter((keys) => keys.size > 1)).toEqual([])
    expect([...xxh64ByHashed.values()].filter((keys) => keys.size > 1)).toEqual([])
    expect(hashedKey('\u2026\u2026')).toBeUndefined()
    expect(hashedKey('a\ud800')).toBe(hashedKey('a\udbff'))
    expect(hashedKey('e\u0301!')).toBe(hashedKey('\u00e9'))
  })

  it('keys each piece alone and the pieces together as their joined form', () => {
    const pieces = ['\uff21\uff42\u3002', '\u2026', 'e\u0301!', ...corpusArticles().slice(20, 23), '\ufdfa', 'a\ud800']
    const hasher = new FormHasher()
    hasher.clear()
    const pieceKeys = pieces.map((piece) => {
      hasher.add(piece)
      return hasher.pieceKey() ? hasher.key.join(':') : undefined
    })
    expect(pieceKeys).toEqual(pieces.map(hashedKey))
    expect(hasher.wholeKey() ? hasher.key.join(':') : undefined).toBe(hashedKey(pieces.map(normalizedForm).join('')))
  })
})
