// Scores of the text as it is, from the mark to the end of the window, so every reading is
// compared with the undamaged hypothesis over the same characters, under the same models.
import {modelKey} from './frequency.js'
import {type DocumentModel, paragraphStart} from './model.js'
import {pairStep, unclosedPenalty} from './quotes.js'
import {characterStep, type Weights, wordContext} from './scoring.js'
import {emptyTail, extendTail, tailScore, type WordTail} from './words.js'

// How many characters of the text after a reading it is scored with at the word level, so a word
// that goes on past the end of the span counts.
export const joinReach = 6

export class AsIsScores {
  private readonly suffix: Float64Array
  // The word model's score of the text as it is after each character from the mark on.
  private readonly wordPrefix: Float64Array
  private readonly wordEnd: number
  // Where the paragraph has pairing marks, for the pairing penalties of each reading.
  private readonly marks: number[] = []
  // The word tail of the text before the mark, where every reading starts.
  readonly startTail: WordTail

  constructor(
    private readonly text: string,
    private readonly start: number,
    private readonly end: number,
    private readonly model: DocumentModel,
    private readonly weights: Weights,
    private readonly quoteContinues: boolean,
  ) {
    const length = end - start
    const steps = new Float64Array(length)
    this.suffix = new Float64Array(length + 1)
    let before = keyAt(text, start - 2)
    let previous = keyAt(text, start - 1)
    for (let offset = 0; offset < length; offset++) {
      const key = modelKey(text.charCodeAt(start + offset))
      steps[offset] = characterStep(model, weights, before, previous, key)
      before = previous
      previous = key
    }
    for (let offset = length - 1; offset >= 0; offset--) this.suffix[offset] = this.suffix[offset + 1]! + steps[offset]!
    for (let index = 0; index < text.length; index++) if (isPairing(text.charCodeAt(index))) this.marks.push(index)
    this.startTail = weights.words > 0 ? wordContext(text, start) : emptyTail
    this.wordEnd = Math.min(text.length, end + joinReach)
    this.wordPrefix = new Float64Array(this.wordEnd - start + 1)
    if (weights.words > 0) {
      let tail = this.startTail
      const base = tailScore(tail)
      for (let index = start; index < this.wordEnd; index++) {
        tail = extendTail(tail, text.charCodeAt(index))
        this.wordPrefix[index - start + 1] = weights.words * (tailScore(tail) - base)
      }
    }
  }

  // The undamaged hypothesis: the whole stretch as it is.
  identity(): number {
    return (
      this.suffix[0]! +
      this.wordPrefix[this.wordEnd - this.start]! +
      this.pairsFrom(this.start, this.openAt(this.start))
    )
  }

  // The text as it is up to and including `index`.
  prefix(index: number): number {
    return this.suffix[0]! - this.suffix[index - this.start + 1]! + this.wordPrefix[index - this.start + 1]!
  }

  // A reading ending with `before previous` and the word tail `tail` (scored from the mark on),
  // then the text as it is from `index` to the end.
  joinFrom(index: number, before: number, previous: number, open: number, tail: WordTail): number {
    return this.charactersFrom(index, before, previous) + this.pairsFrom(index, open) + this.wordsFrom(index, tail)
  }

  private charactersFrom(index: number, before: number, previous: number): number {
    if (index >= this.end) return 0
    const first = modelKey(this.text.charCodeAt(index))
    let join = characterStep(this.model, this.weights, before, previous, first)
    // The as-is score of the character after `index` assumed the text's own two before it.
    if (index + 1 < this.end) {
      const second = modelKey(this.text.charCodeAt(index + 1))
      join += characterStep(this.model, this.weights, previous, first, second) - this.step(index + 1)
    }
    return join + this.suffix[index - this.start + 1]!
  }

  // The words of the reading's end and the text after it, then the text as it is.
  private wordsFrom(index: number, tail: WordTail): number {
    if (this.weights.words === 0) return 0
    const reach = Math.min(this.wordEnd, index + joinReach)
    let joined = tail
    for (let at = index; at < reach; at++) joined = extendTail(joined, this.text.charCodeAt(at))
    const rest = this.wordPrefix[this.wordEnd - this.start]! - this.wordPrefix[Math.max(reach, index) - this.start]!
    return this.weights.words * (tailScore(joined) - tailScore(this.startTail)) + rest
  }

  // Which pairing marks are open before `index`.
  openAt(index: number): number {
    let open = 0
    for (const position of this.marks) if (position < index) open = pairStep(open, this.text.charCodeAt(position))[1]
    return open
  }

  // Pairing penalties from `index` to the end of the paragraph, entering with `open`.
  pairsFrom(index: number, open: number): number {
    let penalty = 0
    let state = open
    for (const position of this.marks) {
      if (position < index) continue
      const [step, after] = pairStep(state, this.text.charCodeAt(position))
      penalty += step
      state = after
    }
    return penalty + unclosedPenalty(state, this.quoteContinues)
  }

  private step(index: number): number {
    return this.suffix[index - this.start]! - this.suffix[index - this.start + 1]!
  }
}

function isPairing(code: number): boolean {
  return code === 0x201c || code === 0x201d || code === 0x300a || code === 0x300b
}

export function keyAt(text: string, index: number): number {
  return index >= 0 ? modelKey(text.charCodeAt(index)) : paragraphStart
}
