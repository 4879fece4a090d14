import {describe, expect, it} from 'vitest'
import {normalizedForm} from '../../src/dedupe/key.js'
import {BandIndex, bandCount, bandKeys, mix32, sketch, sketchSize} from '../../src/dedupe/minhash.js'
import {corpusArticles} from '../helpers.js'

// Paragraph-sized forms cut from real articles.
const forms = corpusArticles()
  .slice(0, 400)
  .map((article) => normalizedForm(article.slice(0, 60)))

function sketchOf(form: string): Uint32Array {
  return sketch(
    Uint16Array.from({length: form.length}, (_, index) => form.charCodeAt(index)),
    form.length,
  )
}

function keysOf(form: string): Uint32Array {
  return bandKeys(sketchOf(form))
}

// The sketch as its header defines it, in plain double arithmetic: each 3-shingle's value
// `(a * 65599 + b) * 65599 + c` (exact below 2^53) mixed; top 4 bits the bin, the rest the value.
function sketchByDefinition(form: string): number[] {
  const bins: number[] = new Array(sketchSize).fill(Number.POSITIVE_INFINITY)
  for (let index = 0; index <= Math.max(form.length - 3, 0); index++) {
    const unit = (at: number) => form.charCodeAt(at) || 0
    const shingle = mix32((unit(index) * 65599 + unit(index + 1)) * 65599 + unit(index + 2))
    bins[Math.floor(shingle / 2 ** 28)] = Math.min(bins[Math.floor(shingle / 2 ** 28)]!, shingle % 2 ** 28)
  }
  return bins.map((value, bin) => {
    if (value !== Number.POSITIVE_INFINITY) return value
    for (let distance = 1; distance < sketchSize; distance++) {
      const next = bins[(bin + distance) % sketchSize]!
      if (next !== Number.POSITIVE_INFINITY) return next + distance * 2 ** 28
    }
    return 0xffffffff
  })
}

describe('sketch', () => {
  it.each([
    ['paragraphs of the corpus', corpusArticles().map(normalizedForm)],
    ['forms shorter than a shingle', ['', 'a', '\u4e2d', 'ab']],
    ['the highest code units', ['\uffff\uffff\uffff\uffff', '\uffff\u0000\uffff']],
  ])('gives what its definition gives on %s', (_, texts) => {
    const differing = texts.filter((form) => [...sketchOf(form)].join() !== sketchByDefinition(form).join())
    expect(differing).toEqual([])
  })
})

describe('BandIndex', () => {
  it('lists, once each, exactly the filed paragraphs that share a band key, as buckets of arrays do', () => {
    // Each form is filed twice, as a paragraph and its copy, so every second query finds its pair.
    const items = forms.flatMap((form) => [form, form])
    const index = new BandIndex(items.length)
    const buckets = new Map<number, number[]>()
    const listed: number[][] = []
    const expected: number[][] = []
    const into: number[] = []
    items.forEach((form, item) => {
      const keys = keysOf(form)
      listed.push([...index.candidates(keys, into)].sort((a, b) => a - b))
      expected.push([...new Set([...keys].flatMap((key) => buckets.get(key) ?? []))].sort((a, b) => a - b))
      index.add(item, keys)
      for (const key of keys) buckets.set(key, [...(buckets.get(key) ?? []), item])
    })
    expect(listed).toEqual(expected)
    expect(listed.filter((candidates, item) => item % 2 === 1 && candidates.includes(item - 1))).toHaveLength(
      forms.length,
    )
  })

  it('lists a paragraph whose keys all fall on one key once', () => {
    const index = new BandIndex(2)
    const same = new Uint32Array(bandCount).fill(7)
    index.add(0, same)
    expect(index.candidates(same, [])).toEqual([0])
  })
})
