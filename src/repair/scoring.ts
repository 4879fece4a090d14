// How a reading is scored: the document's character model and the dictionary's word model, each
// with a weight (a traditional-character document is scored by characters alone: the dictionary
// is simplified), plus the priors of the damage itself.
import type {DocumentModel} from './model.js'
import {emptyTail, extendTailWith, maxWordLength, type WordTail} from './words.js'

export interface Weights {
  characters: number
  words: number
  // Whether the character model scores only what the context adds (see characterStep).
  relative: boolean
  // Least posterior probability of the best reading for a repair: the two models together are
  // surer of themselves than they should be, so they must be far surer.
  certainty: number
}

export const simplifiedWeights: Weights = {characters: 1, words: 1, relative: true, certainty: 0.9999}
export const traditionalWeights: Weights = {characters: 1, words: 0, relative: false, certainty: 0.95}

// The character model's score of `key` after `before previous`. Next to the word model only what
// the context adds counts (the log-ratio to the character's own frequency): the word model
// already scores the characters, and a character model charges every extra character, so it
// would side with any reading that has fewer (a pair hidden or not).
export function characterStep(
  model: DocumentModel,
  weights: Weights,
  before: number,
  previous: number,
  key: number,
): number {
  const context = model.logProbability(before, previous, key)
  return weights.characters * (weights.relative ? context - model.logBase(key) : context)
}

// log10 prior odds of a damaged span against a real `?`, once a signal was seen.
export const damagePrior = -2
// log10 prior for a mark (over a Han character) as the character whose lead byte was lost:
// scrapers that cut streams cut between sentences, as every span of the seed shows.
export const lostLeadMarkPrior = 1
// log10 prior of each pair the decoder hid (about one misaligned pair in seven).
export const hiddenPrior = -0.5
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
