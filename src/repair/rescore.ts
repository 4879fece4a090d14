// A second opinion on the boundaries of a span the lattice left unsure. The lattice weighs each
// boundary by character pairs; here each reading it offers for an unsure boundary is weighed
// again by jieba's words (words.ts) over the text around it, so a reading that makes words of
// three or four characters gains on one that only makes plausible pairs. The lattice's posterior
// of each reading is multiplied by how much likelier the words find its Han characters than the
// pairs do, to the power `wordWeight`; the share of the readings it did not offer is taken at their mean. A boundary is
// written when one reading reaches `certainty`; otherwise it stays as the lattice wrote it, with
// U+FFFD. Cost: a dozen readings a boundary, each a few characters of context.
import {isHan} from '../text/char-class.js'
import {modelKey} from './frequency.js'
import {type LayerChoice, type LayerOption, moreLostWhole} from './lattice.js'
import {type PairModel, paragraphStart} from './pair-model.js'
import {emptyTail, extendTail, tailScore} from './words.js'

// Characters of context on each side of a boundary.
const reach = 6
// How far the words' likelihood ratio counts (its exponent): the words and the pairs are two
// views of the same text, not independent witnesses, and the words at full weight are surer of
// themselves than they are right (on the tuning articles a reading at 0.97 was right 87% of the
// time at full weight, every time at half).
const wordWeight = 0.5

export interface Rescored {
  codes: number[]
  unsure: number
  steps: number
}

// The span's characters with each unsure boundary settled where the words make one reading sure,
// between the text `before` and `after` it.
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
  layers.forEach((layer, index) => {
    if (layer.options.length === 0) return
    const left = contextBefore(guesses, index, before)
    const right = contextAfter(guesses, index, after)
    const ratios = layer.options.map((option) => wordWeight * logRatio([...left, ...option.codes, ...right]))
    const best = reweighed(layer.options, ratios)
    if (best.share >= certainty) written[index] = best.codes
  })
  const codes = written.flat()
  return {codes, unsure: codes.filter((code) => code === 0xfffd).length, steps}
}

// The option with the highest share once each is multiplied by exp(ratio); the mass the lattice
// did not offer as options is taken at the options' mean ratio. Two characters with U+FFFD between
// them also gather the share of the same two without it (right either way).
function reweighed(options: LayerOption[], ratios: number[]): {codes: number[]; share: number} {
  const top = Math.max(...ratios)
  const offered = options.reduce((sum, option) => sum + option.share, 0)
  const weights = options.map((option, at) => option.share * Math.exp(ratios[at]! - top))
  const kept = weights.reduce((sum, weight) => sum + weight, 0)
  const rest = (1 - offered) * (kept / offered)
  const total = kept + rest
  let best = {codes: [] as number[], share: 0}
  options.forEach((option, pick) => {
    let share = weights[pick]!
    let codes = option.codes
    if (option.codes.length === 3) {
      const [first, , second] = option.codes
      options.forEach((other, at) => {
        if (other.codes.length === 2 && other.codes[0] === first && other.codes[1] === second) share += weights[at]!
      })
      codes = [first!, ...new Array<number>(1 + moreLostWhole(weights[pick]! / total)).fill(0xfffd), second!]
    }
    if (share / total > best.share) best = {codes, share: share / total}
  })
  return best
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
