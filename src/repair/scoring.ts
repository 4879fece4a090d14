// How a reading is scored: the document's character model and the dictionary's word model, each
// with a weight (a traditional-character document is scored by characters alone: the dictionary
// is simplified), plus the priors of the damage itself.
import {emptyTail, extendTailWith, maxWordLength, type WordTail} from './words.js'

export interface Weights {
  characters: number
  words: number
}

export const simplifiedWeights: Weights = {characters: 0.5, words: 1}
export const traditionalWeights: Weights = {characters: 1, words: 0}

// log10 prior odds of a damaged span against a real `?`, once a signal was seen.
export const damagePrior = -2
// log10 prior for a mark (over a Han character) as the character whose lead byte was lost:
// scrapers that cut streams cut between sentences, as every span of the seed shows.
export const lostLeadMarkPrior = 1
// log10 prior of each pair the decoder hid (about one misaligned pair in seven).
export const hiddenPrior = -0.8
// log10 score of a character that lost both its bytes (two hidden pairs in a row).
export const unknownCharacterScore = -6

// A full-width letter or digit: GBK has them, but news text written in GBK hardly uses them,
// while a wrong reading of bytes from the full-width row makes them easily.
const fullWidthFormPenalty = -2.5

export function formPenalty(code: number): number {
  return (code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)
    ? fullWidthFormPenalty
    : 0
}

// The word tail of the text right before `index`: the words a reading may continue.
export function wordContext(text: string, index: number): WordTail {
  return extendTailWith(emptyTail, text.slice(Math.max(0, index - maxWordLength), index))
}
