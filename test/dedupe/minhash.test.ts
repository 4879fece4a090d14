import {describe, expect, it} from 'vitest'
import {normalizedForm} from '../../src/dedupe/key.js'
import {BandIndex, bandCount, bandKeys, sketch} from '../../src/dedupe/minhash.js'
import {corpusArticles} from '../helpers.js'

// Paragraph-sized forms cut from real articles.
const forms = corpusArticles()
  .slice(0, 400)
  .map((article) => normalizedForm(article.slice(0, 60)))

function keysOf(form: string): Uint32Array {
  return bandKeys(sketch(form))
}

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
