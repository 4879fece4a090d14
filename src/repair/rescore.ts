// A second opinion on the boundaries of a span the lattice left unsure. The lattice weighs each
// boundary by character pairs; here each reading it offers for an unsure boundary is weighed
// again by jieba's words (words.ts) over the text around it, so a reading that makes words of
// three or four characters gains on one that only makes plausible pairs. The lattice's posterior
// of each reading is multiplied by how much likelier the words find its Han characters than the
// pairs do, to the power `wordWeight`; the share of the readings it did not offer is taken at
// their mean. Two things the pairs cannot see weigh in too: a run of three characters the article
// has elsewhere (a name, a phrase it uses), and a closing quote or title mark with none open
// before it in the paragraph (quotes.ts). A boundary is written when one reading reaches
// `certainty`; otherwise the characters its readings agree on at either end are, with U+FFFD
// between, or it stays as the lattice wrote it. Cost: a dozen readings a boundary, each a few
// characters of context.
import {isHan} from '../text/char-class.js'
import {modelKey} from './frequency.js'
import {type LayerChoice, type LayerOption, moreLostWhole, plausible} from './lattice.js'
import {type PairModel, paragraphStart} from './pair-model.js'
import {pairStep} from './quotes.js'
import {emptyTail, extendTail, tailScore} from './words.js'

// Characters of context on each side of a boundary.
const reach = 6
// How far the words' likelihood ratio counts (its exponent): the words and the pairs are two
// views of the same text, not independent witnesses, and the words at full weight are surer of
// themselves than they are right (on the tuning articles a reading at 0.97 was right 87% of the
// time at full weight, every time at half).
const wordWeight = 0.5
// Weight of the article's own runs of three characters: each run through a reading's characters
// adds log(1 + times the article has it elsewhere), times this.
const tripleWeight = 2

export interface Rescored {
  codes: number[]
  unsure: number
  steps: number
}

// The span's characters with each unsure boundary settled where the words make one reading sure,
// between the text `before` (the paragraph up to the span, or its last few hundred characters:
// where quotes stand open) and `after` it.
export function rescore(
  layers: LayerChoice[],
  before: string,
  after: string,
  model: PairModel,
  certainty: number,
): Rescored {
  let steps = 0
  // The best guess at each boundary, to read the others' context from.
  const guesses = layers.map((layer) => (layer.options.length > 0 ? layer.options[0]!.codes : layer.codes))
  const written = layers.map((layer) => layer.codes)
  const logRatio = (codes: number[]): number => {
    let tail = emptyTail
    let previous = paragraphStart
    let ratio = 0
    for (const code of codes) {
      steps++
      if (code === 0xfffd) {
        tail = emptyTail
        previous = paragraphStart
        continue
      }
      const key = modelKey(code)
      const next = extendTail(tail, code)
      // The words know Han text only: a mark or a letter is the pairs' to weigh.
      if (tail !== emptyTail && isHan(code))
        ratio += Math.LN10 * (tailScore(next) - tailScore(tail)) - Math.log(model.probability(previous, key))
      tail = next
      previous = key
    }
    return ratio
  }
  const ratiosOf = (index: number, open: number): number[] => {
    const left = contextBefore(guesses, index, before)
    const right = contextAfter(guesses, index, after)
    return layers[index]!.options.map(
      (option) =>
        wordWeight * logRatio([...left, ...option.codes, ...right]) +
        tripleWeight * articleRuns(left, option.codes, right, model) +
        Math.LN10 * pairingPenalty(open, option.codes),
    )
  }
  let open = marksOpenAfter(
    0,
    [...before].map((character) => character.charCodeAt(0)),
  )
  layers.forEach((layer, index) => {
    if (layer.options.length > 0)
      written[index] = settleBoundary(layer.options, ratiosOf(index, open), certainty) ?? written[index]!
    open = marksOpenAfter(open, written[index]!)
  })
  const codes = written.flat()
  return {codes, unsure: codes.filter((code) => code === 0xfffd).length, steps}
}

// What a boundary writes once each reading is multiplied by exp(ratio) (the mass the lattice did
// not offer as options is taken at the options' mean ratio): the likeliest reading when it reaches
// `certainty`, two characters with U+FFFD between also gathering the share of the same two alone
// (right either way, and a character lost whole is never dropped unseen); else the characters
// the readings agree on at either end, each when it reaches `certainty` (whatever stood between,
// the first keeps the boundary's lead byte and the last its trail byte), with U+FFFD for as many
// as may have stood between; else nothing.
function settleBoundary(options: LayerOption[], ratios: number[], certainty: number): number[] | undefined {
  const top = Math.max(...ratios)
  const offered = options.reduce((sum, option) => sum + option.share, 0)
  const weights = options.map((option, at) => option.share * Math.exp(ratios[at]! - top))
  const kept = weights.reduce((sum, weight) => sum + weight, 0)
  const total = kept + (1 - offered) * (kept / offered)
  const shares = weights.map((weight) => weight / total)
  let best = {codes: [] as number[], share: 0}
  options.forEach((option, pick) => {
    let share = shares[pick]!
    let codes = option.codes
    if (option.codes.length === 3) {
      const [first, , second] = option.codes
      options.forEach((other, at) => {
        if (other.codes.length === 2 && other.codes[0] === first && other.codes[1] === second) share += shares[at]!
      })
      codes = [first!, ...lostCharacters(1 + moreLostWhole(shares[pick]!)), second!]
    }
    if (share > best.share) best = {codes, share}
  })
  return best.share >= certainty ? best.codes : sureEnds(options, shares, certainty)
}

// The first and last characters the readings agree on (each when its share reaches `certainty`),
// with U+FFFD for the most characters a plausible reading has between them; undefined when
// neither end is sure.
export function sureEnds(options: LayerOption[], shares: number[], certainty: number): number[] | undefined {
  const first = surestEnd(options, shares, (codes) => codes[0]!, certainty)
  const last = surestEnd(options, shares, (codes) => codes[codes.length - 1]!, certainty)
  if (first === undefined && last === undefined) return undefined
  const ends = (first === undefined ? 0 : 1) + (last === undefined ? 0 : 1)
  let between = 0
  options.forEach((option, at) => {
    if (shares[at]! < plausible) return
    const lost = option.codes.length === 3 ? moreLostWhole(shares[at]!) : 0
    between = Math.max(between, option.codes.length + lost - ends)
  })
  return [
    ...(first === undefined ? [] : [first]),
    ...lostCharacters(Math.max(between, 1)),
    ...(last === undefined ? [] : [last]),
  ]
}

// The character the readings have at one end (`end` picks it) when its share reaches `certainty`.
function surestEnd(
  options: LayerOption[],
  shares: number[],
  end: (codes: number[]) => number,
  certainty: number,
): number | undefined {
  const byCode = new Map<number, number>()
  options.forEach((option, at) => {
    const code = end(option.codes)
    byCode.set(code, (byCode.get(code) ?? 0) + shares[at]!)
  })
  for (const [code, share] of byCode) if (code !== 0xfffd && share >= certainty) return code
  return undefined
}

function lostCharacters(count: number): number[] {
  return new Array<number>(count).fill(0xfffd)
}

// Sum over the runs of three characters through `codes` (with up to two of context on each side)
// of log(1 + times the article has the run); a run through a U+FFFD counts nothing.
function articleRuns(left: number[], codes: number[], right: number[], model: PairModel): number {
  const run = [...left.slice(-2), ...codes, ...right.slice(0, 2)].map(modelKey)
  const from = Math.min(left.length, 2)
  let score = 0
  for (let at = 0; at + 3 <= run.length && at < from + codes.length; at++) {
    const [first, second, third] = [run[at]!, run[at + 1]!, run[at + 2]!]
    if (first === 0xfffd || second === 0xfffd || third === 0xfffd) continue
    score += Math.log1p(model.tripleCount(first, second, third))
  }
  return score
}

// The quotes and title marks open (quotes.ts's packing) after `codes`, `open` before them.
function marksOpenAfter(open: number, codes: number[]): number {
  let state = open
  for (const code of codes) state = pairStep(state, code)[1]
  return state
}

// log10 penalty of `codes` for the quote and title marks they break, `open` before them.
function pairingPenalty(open: number, codes: number[]): number {
  let state = open
  let penalty = 0
  for (const code of codes) {
    const [step, next] = pairStep(state, code)
    penalty += step
    state = next
  }
  return penalty
}

function contextBefore(guesses: number[][], index: number, before: string): number[] {
  const codes: number[] = []
  for (let at = index - 1; at >= 0 && codes.length < reach; at--) codes.unshift(...guesses[at]!)
  if (codes.length < reach) codes.unshift(...[...before.slice(-reach)].map((c) => c.charCodeAt(0)))
  return cutAtLost(codes.slice(-reach), true)
}

function contextAfter(guesses: number[][], index: number, after: string): number[] {
  const codes: number[] = []
  for (let at = index + 1; at < guesses.length && codes.length < reach; at++) codes.push(...guesses[at]!)
  if (codes.length < reach) codes.push(...[...after].map((c) => c.charCodeAt(0)))
  return cutAtLost(codes.slice(0, reach), false)
}

// The context up to (from the boundary's side) a U+FFFD.
function cutAtLost(codes: number[], fromEnd: boolean): number[] {
  if (fromEnd) {
    const lost = codes.lastIndexOf(0xfffd)
    return lost === -1 ? codes : codes.slice(lost + 1)
  }
  const lost = codes.indexOf(0xfffd)
  return lost === -1 ? codes : codes.slice(0, lost)
}
