import {describe, expect, it} from 'vitest'
import {FormHasher} from '../../src/dedupe/key.js'
import {formsMatch, keptForms, readSentenceForms, type SentenceForms} from '../../src/dedupe/sentence-forms.js'
import {sentenceEnds} from '../../src/dedupe/sentences.js'
import {corpusArticles, sentencesOf} from '../helpers.js'

// Paragraphs as scraped text holds them: corpus articles cut at sentence stops into pieces of
// one to five sentences, and texts at the edges (empty, marks only, characters off the key's
// fast path: a combining mark, an astral character, Hangul jamo).
function paragraphs(): string[] {
  const pieces: string[] = []
  for (const article of corpusArticles().slice(0, 60)) {
    const sentences = sentencesOf(article)
    for (let start = 0; start < sentences.length; start += 1 + (start % 5)) {
      pieces.push(sentences.slice(start, start + 1 + (start % 5)).join(''))
    }
  }
  return [...pieces, '', '\u2026\u2026\u3002', 'e\u0301\u3002a', 'a\u{20000}\u3002b\u3002', '\u1100\u1161\u3002\u1100']
}

// What one paragraph's row says: its sentence ends and keys, and its own key.
interface Row {
  ends: number[]
  sentenceKeys: Array<number[] | undefined>
  key: number[] | undefined
  byDefinition: boolean
}

function rowOf(forms: SentenceForms, paragraph: number): Row {
  const sentences: number[] = []
  for (let index = forms.firstSentences[paragraph]!; index < forms.firstSentences[paragraph + 1]!; index++) {
    sentences.push(index)
  }
  return {
    ends: sentences.map((index) => forms.ends[index]!),
    sentenceKeys: sentences.map((index) =>
      forms.sentenceHasKey[index] ? [...forms.sentenceKeys.subarray(2 * index, 2 * index + 2)] : undefined,
    ),
    key: forms.paragraphHasKey[paragraph]
      ? [...forms.paragraphKeys.subarray(2 * paragraph, 2 * paragraph + 2)]
      : undefined,
    byDefinition: forms.byDefinition[paragraph] === 1,
  }
}

// The same row, found with the parts on their own: sentenceEnds, then FormHasher piece by piece.
function expectedRow(text: string): Row {
  const ends = sentenceEnds(text)
  const hasher = new FormHasher()
  const sentenceKeys = ends.map((end, index) => {
    hasher.add(text, index === 0 ? 0 : ends[index - 1], end)
    return hasher.pieceKey() ? [...hasher.key] : undefined
  })
  const key = hasher.wholeKey() ? [...hasher.key] : undefined
  return {ends, sentenceKeys, key, byDefinition: hasher.wholeByDefinition}
}

describe('readSentenceForms', () => {
  const texts = paragraphs()
  const forms = readSentenceForms(texts)

  it('gives each paragraph its sentence ends, their keys and its own key, as sentenceEnds and FormHasher give them', () => {
    expect(texts.map((_, paragraph) => rowOf(forms, paragraph))).toEqual(texts.map(expectedRow))
  })

  it('keys a paragraph as its text read as one piece, unless a sentence was normalized by definition', () => {
    const hasher = new FormHasher()
    const oneKey = (text: string) => {
      hasher.clear()
      hasher.add(text)
      return hasher.wholeKey() ? [...hasher.key] : undefined
    }
    const fastPath = texts.filter((_, paragraph) => forms.byDefinition[paragraph] === 0)
    expect(fastPath.map((text) => rowOf(forms, texts.indexOf(text)).key)).toEqual(fastPath.map(oneKey))
    expect(texts.filter((_, paragraph) => forms.byDefinition[paragraph] === 1)).toEqual(texts.slice(-3))
  })

  it('reads each paragraph as one sentence when not by sentence', () => {
    const whole = readSentenceForms(texts, false)
    expect(texts.map((_, paragraph) => rowOf(whole, paragraph).ends)).toEqual(
      texts.map((text) => (text.length > 0 ? [text.length] : [])),
    )
  })

  it('keeps the forms of kept paragraphs as reading their texts alone gives them', () => {
    const kept = texts.map((_, index) => index).filter((index) => index % 3 !== 1)
    const keptTexts = kept.map((index) => texts[index]!)
    const fromKept = keptForms(forms, kept)
    expect(fromKept).toEqual(readSentenceForms(keptTexts))
    expect(
      keptForms(
        forms,
        texts.map((_, index) => index),
      ),
    ).toEqual(readSentenceForms(texts))
    expect(formsMatch(fromKept, keptTexts)).toBe(true)
    expect(formsMatch(fromKept, texts)).toBe(false)
    expect(formsMatch(fromKept, [...keptTexts.slice(0, -1), `${keptTexts.at(-1)}x`])).toBe(false)
  })
})
