// The sentences of a file's paragraphs and the in-document keys of their normalized forms
// (FormHasher, key.ts), read in one pass over each paragraph. dedupe-paragraphs keys each
// paragraph by its form, dedupe-sentences each sentence and paragraph, near-duplicates a line's
// sentences (its anchors) and its exact repeats: the same characters. Read once, the forms serve
// all three (each step leaves the kept paragraphs' forms on the document for the next, see
// `keptForms`), and a paragraph costs one hashing pass instead of three.
import {FormHasher} from './key.js'
import {sentenceEnds} from './sentences.js'

// Per paragraph `p` (in the order of `texts`), its sentences `firstSentences[p]` up to
// `firstSentences[p + 1]`: sentence `s` ends at `ends[s]` of its paragraph and starts where the
// one before it in the paragraph ends (the first at 0); its key is words `sentenceKeys[2s]` and
// `sentenceKeys[2s + 1]`, `sentenceHasKey[s]` 1 (0: no content, no key). The paragraph's key,
// its sentences' forms joined, is words `paragraphKeys[2p]` and `paragraphKeys[2p + 1]`,
// `paragraphHasKey[p]` 1. Typed arrays: nothing per sentence on the JS heap.
export interface SentenceForms {
  // The texts read, so a later reader can tell whether a paragraph changed since.
  texts: string[]
  firstSentences: Int32Array
  ends: Int32Array
  sentenceKeys: Uint32Array
  sentenceHasKey: Uint8Array
  paragraphKeys: Uint32Array
  paragraphHasKey: Uint8Array
  // Per paragraph, 1 when a sentence of it was normalized by definition (a character off
  // FormHasher's fast path): NFKC may then compose across a sentence end, so the key of its
  // sentences' forms joined may not be the key of its text read as one piece.
  byDefinition: Uint8Array
}

// With `bySentence` false, each paragraph is read as one sentence: its key alone, for a reader
// that needs no sentences.
export function readSentenceForms(texts: string[], bySentence = true): SentenceForms {
  const firstSentences = new Int32Array(texts.length + 1)
  const paragraphKeys = new Uint32Array(2 * texts.length)
  const paragraphHasKey = new Uint8Array(texts.length)
  const byDefinition = new Uint8Array(texts.length)
  // News paragraphs hold three sentences on average.
  let capacity = Math.max(16, 4 * texts.length)
  let ends = new Int32Array(capacity)
  let sentenceKeys = new Uint32Array(2 * capacity)
  let sentenceHasKey = new Uint8Array(capacity)
  let count = 0
  const hasher = new FormHasher()
  const paragraphEnds: number[] = []
  for (let paragraph = 0; paragraph < texts.length; paragraph++) {
    const text = texts[paragraph]!
    if (bySentence) sentenceEnds(text, paragraphEnds)
    else wholeText(text, paragraphEnds)
    if (count + paragraphEnds.length > capacity) {
      capacity = 2 * (count + paragraphEnds.length)
      ends = copiedInto(new Int32Array(capacity), ends)
      sentenceKeys = copiedInto(new Uint32Array(2 * capacity), sentenceKeys)
      sentenceHasKey = copiedInto(new Uint8Array(capacity), sentenceHasKey)
    }
    hasher.clear()
    for (let index = 0; index < paragraphEnds.length; index++) {
      hasher.add(text, index === 0 ? 0 : paragraphEnds[index - 1], paragraphEnds[index])
      ends[count] = paragraphEnds[index]!
      sentenceHasKey[count] = hasher.pieceKey() ? 1 : 0
      sentenceKeys[2 * count] = hasher.key[0]!
      sentenceKeys[2 * count + 1] = hasher.key[1]!
      count++
    }
    if (hasher.wholeKey()) {
      paragraphKeys[2 * paragraph] = hasher.key[0]!
      paragraphKeys[2 * paragraph + 1] = hasher.key[1]!
      paragraphHasKey[paragraph] = 1
    }
    byDefinition[paragraph] = hasher.wholeByDefinition ? 1 : 0
    firstSentences[paragraph + 1] = count
  }
  return {
    texts,
    firstSentences,
    ends: ends.subarray(0, count),
    sentenceKeys: sentenceKeys.subarray(0, 2 * count),
    sentenceHasKey: sentenceHasKey.subarray(0, count),
    paragraphKeys,
    paragraphHasKey,
    byDefinition,
  }
}

// The forms of the paragraphs `kept` (indexes into `forms.texts`, in order), as
// `readSentenceForms` would read them from those paragraphs' texts. Copied unit by unit: a view
// per paragraph to copy through cost more than the copy.
export function keptForms(forms: SentenceForms, kept: number[]): SentenceForms {
  if (kept.length === forms.texts.length) return forms
  let sentences = 0
  for (let order = 0; order < kept.length; order++) sentences += sentenceCount(forms, kept[order]!)
  const texts: string[] = []
  const firstSentences = new Int32Array(kept.length + 1)
  const ends = new Int32Array(sentences)
  const sentenceKeys = new Uint32Array(2 * sentences)
  const sentenceHasKey = new Uint8Array(sentences)
  const paragraphKeys = new Uint32Array(2 * kept.length)
  const paragraphHasKey = new Uint8Array(kept.length)
  const byDefinition = new Uint8Array(kept.length)
  let count = 0
  for (let order = 0; order < kept.length; order++) {
    const paragraph = kept[order]!
    texts.push(forms.texts[paragraph]!)
    for (let sentence = forms.firstSentences[paragraph]!; sentence < forms.firstSentences[paragraph + 1]!; sentence++) {
      ends[count] = forms.ends[sentence]!
      sentenceKeys[2 * count] = forms.sentenceKeys[2 * sentence]!
      sentenceKeys[2 * count + 1] = forms.sentenceKeys[2 * sentence + 1]!
      sentenceHasKey[count] = forms.sentenceHasKey[sentence]!
      count++
    }
    firstSentences[order + 1] = count
    paragraphKeys[2 * order] = forms.paragraphKeys[2 * paragraph]!
    paragraphKeys[2 * order + 1] = forms.paragraphKeys[2 * paragraph + 1]!
    paragraphHasKey[order] = forms.paragraphHasKey[paragraph]!
    byDefinition[order] = forms.byDefinition[paragraph]!
  }
  return {texts, firstSentences, ends, sentenceKeys, sentenceHasKey, paragraphKeys, paragraphHasKey, byDefinition}
}

// Whether `forms` were read from exactly these texts.
export function formsMatch(forms: SentenceForms, texts: string[]): boolean {
  if (forms.texts.length !== texts.length) return false
  for (let index = 0; index < texts.length; index++) if (forms.texts[index] !== texts[index]) return false
  return true
}

// The one end of a text read as one sentence (none for an empty text, as `sentenceEnds` gives).
function wholeText(text: string, into: number[]): void {
  into.length = 0
  if (text.length > 0) into.push(text.length)
}

function sentenceCount(forms: SentenceForms, paragraph: number): number {
  return forms.firstSentences[paragraph + 1]! - forms.firstSentences[paragraph]!
}

function copiedInto<Column extends Int32Array | Uint32Array | Uint8Array>(larger: Column, column: Column): Column {
  larger.set(column)
  return larger
}
