// The readings of a misaligned span as a lattice, weighed exactly by forward-backward. Each
// boundary of the span (span-bytes.ts) is one true character when no pair was hidden there (k = 0:
// known whole when both its bytes are), or two when one was (k = 1: the first ends with the hidden
// pair's first byte, the second starts with its second byte; only pairs a decoder reads as
// private use qualify), or three with a character lost whole between (k = 2, written U+FFFD).
// A byte the text does not show (the lost lead, a trail a `?` hid) makes a choice among the
// characters the other byte allows. The lattice sums every reading under the language model
// (model.ts), so each local question gets its posterior: where the span ends, how many pairs hid
// at each boundary, which character each guessed one was. Where a pair surely hid but whether a
// character was lost whole behind it is unsure, that character is weighed among those its bytes
// allow (its trail byte starts the second hidden pair), and the characters on either side, the
// same in both readings, are written when sure in both together. Cost: the pairs of characters
// on consecutive layers, a few thousand per boundary, counted against a step budget.
import {logFrequency, modelKey} from './frequency.js'
import {gbkBytes, isPrivateUse, noCharacter, pairCharacter, privateUsePairs} from './gbk.js'
import type {PairModel} from './pair-model.js'
import {lostLeadMarks} from './readings.js'
import {type Boundary, type Ending, type SpanBytes, unknownByte} from './span-bytes.js'

interface Candidate {
  code: number
  key: number
  // The byte a hidden pair shares with it (its trail for a first, its lead for a second).
  byte: number
  // Prior weight for a character whose lead byte was lost (a sentence mark is where streams are
  // cut, as every span of the seed shows).
  prior: number
}

interface Layer {
  exact: Candidate[]
  firsts: Candidate[]
  seconds: Candidate[]
}

// Forward weights of one layer, scaled so its exits sum to 1.
interface Forward {
  exact: Float64Array
  firsts: Float64Array
  hiddenOne: Float64Array
  hiddenTwo: Float64Array
}

// P(U+FFFD | character) for a character lost whole between two hidden pairs (k = 2): the share
// of characters both of whose bytes could sit in hidden pairs, times how rarely pairs hide twice.
const lostWholeShare = 0.13
// A sentence mark is this much likelier than another character to be the one whose lead was lost.
const lostLeadMarkWeight = 10
// Least posterior of a boundary's structure (how many pairs hid there) for its characters to be
// written; below it the boundary is U+FFFD for each character it may have been, down to
// structures this likely.
const structureCertainty = 0.95
export const plausible = 0.01
// Least posterior of a character lost whole between a boundary's two hidden pairs for U+FFFD to
// be written for it: below `plausible`, since leaving it out makes the text a character short
// (wrong), while writing it costs a mark where nothing may be missing.
const lostWholeFloor = 0.003
// A forward weight this far below its layer's best goes no further.
const negligible = 1e-7

// How many more characters than one may plausibly have been lost whole where `share` is the
// posterior of one: each more is `lostWholeShare` as likely as one fewer, and the lattice does not
// tell them apart (no byte of theirs is left).
export function moreLostWhole(share: number): number {
  let more = 0
  for (let likely = share * lostWholeShare; likely >= plausible && more < 2; likely *= lostWholeShare) more++
  return more
}

export interface Decision {
  // The characters of the reading, U+FFFD where none is sure enough.
  codes: number[]
  unsure: number
  // The least posterior among the reading's choices of structure (how many pairs hid where).
  structure: number
  // What each boundary wrote, in order, and for one that wrote U+FFFD its likeliest readings.
  layers: LayerChoice[]
}

// What one boundary of the span wrote, and (when it is unsure) what it may have been.
export interface LayerChoice {
  codes: number[]
  options: LayerOption[]
}

// One reading of a boundary (its characters, U+FFFD for one lost whole) and its posterior.
export interface LayerOption {
  codes: number[]
  share: number
}

// Readings of an unsure boundary below this posterior are not offered, and at most this many.
const leastOptionShare = 0.002
const mostOptions = 12

export class SpanLattice {
  steps = 0
  private readonly layers = new Map<string, Layer>()

  constructor(
    private readonly model: PairModel,
    private readonly before: number,
    private readonly stepLimit: number,
  ) {}

  get overBudget(): boolean {
    return this.steps > this.stepLimit
  }

  // log of the summed probability of every reading of the span ending with `ending`, scoring the
  // `follow` keys after it (the text in step again) too.
  endingMasses(span: SpanBytes, follow: (ending: Ending) => number[]): number[] {
    const masses: number[] = []
    let exits: Array<[number, number]> = [[this.before, 1]]
    let scale = 0
    let done = 0
    const order = span.endings.map((ending, index) => [ending.after, index] as const).sort((a, b) => a[0] - b[0])
    const byIndex = new Array<number>(span.endings.length).fill(Number.NEGATIVE_INFINITY)
    for (const [after, index] of order) {
      while (done < after && !this.overBudget) {
        const layer = this.layerOf(span.boundaries[done]!, done === 0)
        const forward = this.forward(layer, exits)
        const sum = exitSum(forward)
        if (sum === 0) return byIndex
        scaleForward(forward, sum)
        scale += Math.log(sum)
        exits = exitsOf(layer, forward)
        done++
      }
      if (this.overBudget) return byIndex
      const ending = span.endings[index]!
      const layer = this.layerOf(ending.last, after === 0)
      const forward = this.forward(layer, exits)
      const keys = follow(ending)
      let mass = 0
      for (const [key, weight] of exitsOf(layer, forward)) mass += weight * this.sequence(key, keys)
      byIndex[index] = mass > 0 ? scale + Math.log(mass) : Number.NEGATIVE_INFINITY
    }
    masses.push(...byIndex)
    return masses
  }

  // The reading of the span ending with `ending`: each boundary's most probable structure, and
  // each of its characters written when its posterior (with the structure's) reaches
  // `certainty`, else U+FFFD.
  decide(span: SpanBytes, ending: Ending, follow: number[], certainty: number): Decision {
    const chain = [...span.boundaries.slice(0, ending.after), ending.last]
    const layers = chain.map((boundary, index) => this.layerOf(boundary, index === 0))
    const forwards: Forward[] = []
    const entries: Array<Array<[number, number]>> = []
    let exits: Array<[number, number]> = [[this.before, 1]]
    for (const layer of layers) {
      entries.push(exits)
      const forward = this.forward(layer, exits)
      scaleForward(forward, exitSum(forward) || 1)
      forwards.push(forward)
      exits = exitsOf(layer, forward)
    }
    const codes: number[] = []
    let unsure = 0
    let structure = 1
    let after = (key: number): number => this.sequence(key, follow)
    const perLayer: LayerChoice[] = []
    for (let index = layers.length - 1; index >= 0; index--) {
      const layer = layers[index]!
      const forward = forwards[index]!
      const backExact = layer.exact.map((node) => after(node.key))
      const backSeconds = layer.seconds.map((node) => after(node.key))
      const chosen = this.choose(layer, forward, backExact, backSeconds, certainty)
      structure = Math.min(structure, chosen.structure)
      unsure += chosen.unsure
      perLayer.push({
        codes: chosen.codes,
        options: chosen.unsure > 0 ? this.options(layer, forward, backExact, backSeconds) : [],
      })
      const backFirsts = this.backFirsts(layer, backSeconds)
      const entering = entries[index]!
      const weights = new Map<number, number>()
      let top = 0
      for (const [key] of entering) {
        let weight = 0
        layer.exact.forEach((node, at) => {
          weight += this.step(key, node) * backExact[at]!
        })
        layer.firsts.forEach((node, at) => {
          weight += this.step(key, node) * backFirsts[at]!
        })
        weights.set(key, weight)
        top = Math.max(top, weight)
      }
      const norm = top || 1
      after = (key: number) => (weights.get(key) ?? 0) / norm
    }
    perLayer.reverse()
    for (const layerChoice of perLayer) codes.push(...layerChoice.codes)
    return {codes, unsure, structure, layers: perLayer}
  }

  // The likeliest readings of one boundary with their posteriors: one character, two around a
  // hidden pair, or two around a character lost whole.
  private options(layer: Layer, forward: Forward, backExact: number[], backSeconds: number[]): LayerOption[] {
    const found: LayerOption[] = []
    layer.exact.forEach((node, at) => {
      found.push({codes: [node.code], share: forward.exact[at]! * backExact[at]!})
    })
    const seconds = layer.seconds.map((node, at) => ({node, back: backSeconds[at]!}))
    layer.firsts.forEach((first, from) => {
      const weight = forward.firsts[from]!
      if (weight === 0) return
      for (const {node: second, back} of seconds) {
        if (back === 0) continue
        const across = this.across(first, second)
        if (across > 0) found.push({codes: [first.code, second.code], share: weight * across * back})
        found.push({
          codes: [first.code, 0xfffd, second.code],
          share: weight * lostWholeShare * this.secondBase(second) * back,
        })
      }
    })
    const all = found.reduce((total, option) => total + option.share, 0)
    if (all === 0) return []
    const kept = found
      .map((option) => ({codes: option.codes, share: option.share / all}))
      .filter((option) => option.share >= leastOptionShare)
      .sort((a, b) => b.share - a.share)
      .slice(0, mostOptions)
    return kept
  }

  // The characters one layer writes, and how sure its structure is.
  private choose(
    layer: Layer,
    forward: Forward,
    backExact: number[],
    backSeconds: number[],
    certainty: number,
  ): {codes: number[]; unsure: number; structure: number} {
    const exact = layer.exact.map((_, at) => forward.exact[at]! * backExact[at]!)
    const one = layer.seconds.map((_, at) => forward.hiddenOne[at]! * backSeconds[at]!)
    let two = layer.seconds.map((_, at) => forward.hiddenTwo[at]! * backSeconds[at]!)
    let firstsTwo = layer.firsts.map((node, at) => forward.firsts[at]! * this.firstBack(layer, node, backSeconds, 2))
    let lost: Weighed | undefined
    let totals = [sum(exact), sum(one), sum(two)]
    let all = totals[0]! + totals[1]! + totals[2]!
    if (all === 0) return {codes: [0xfffd], unsure: 1, structure: 0}
    if (Math.max(...totals) / all < structureCertainty && totals[2]! / all >= plausible) {
      // Whether a character was lost whole matters here: weigh each it may have been.
      const explicit = this.lostWhole(layer, forward, backSeconds)
      two = explicit.seconds
      firstsTwo = explicit.firsts
      lost = explicit.lost
      totals = [totals[0]!, totals[1]!, sum(two)]
      all = totals[0]! + totals[1]! + totals[2]!
    }
    const hidden = totals.indexOf(Math.max(...totals))
    const structure = totals[hidden]! / all
    if (structure >= structureCertainty && hidden === 0) {
      const code = surest(layer.exact, exact, all, certainty)
      return {codes: [code], unsure: code === 0xfffd ? 1 : 0, structure}
    }
    if (totals[0]! / all > 1 - structureCertainty) {
      // How many characters stood here is itself unsure: U+FFFD for as many as may have.
      let most = totals.length - 1
      while (most > 0 && totals[most]! / all < plausible) most--
      if (most === 2) most += moreLostWhole(totals[2]! / all)
      const codes = new Array<number>(most + 1).fill(0xfffd)
      return {codes, unsure: codes.length, structure}
    }
    // A pair hid here. The characters on either side of it are the same whether or not a
    // character was lost whole behind it, so each is written when it is sure in all readings
    // together, with what was lost between (U+FFFD for as many as may have been).
    const firstsOne = layer.firsts.map((node, at) => forward.firsts[at]! * this.firstBack(layer, node, backSeconds, 1))
    const first = surest(
      layer.firsts,
      firstsOne.map((weight, at) => weight + firstsTwo[at]!),
      all,
      certainty,
    )
    const second = surest(
      layer.seconds,
      one.map((weight, at) => weight + two[at]!),
      all,
      certainty,
    )
    const codes = [first, ...this.lostBetween(totals[2]! / all, lost, all, certainty), second]
    return {codes, unsure: codes.filter((code) => code === 0xfffd).length, structure}
  }

  // What a boundary writes for the character(s) that may have been lost whole between its two
  // hidden pairs, `share` the posterior that one was: none when that is implausible, the lost
  // character when it is sure, else U+FFFD for each that may have been.
  private lostBetween(share: number, lost: Weighed | undefined, all: number, certainty: number): number[] {
    if (share < lostWholeFloor) return []
    if (lost) {
      const code = surest(lost.nodes, lost.weights, all, certainty)
      if (code !== 0xfffd) return [code]
    }
    return new Array<number>(1 + moreLostWhole(share)).fill(0xfffd)
  }

  // The readings of a boundary where a character was lost whole between two hidden pairs, with
  // each character it may have been: its trail byte starts the second hidden pair, its lead
  // byte ends the first. Per second character, per first, the weight of such readings, and
  // per lost character its weight; the lost characters least likely after the firsts are left out.
  private lostWhole(
    layer: Layer,
    forward: Forward,
    backSeconds: number[],
  ): {seconds: number[]; firsts: number[]; lost: Weighed} {
    const candidates = lostWholeCandidates()
    // The firsts that carry weight (a few: the lattice is usually sure of the first's row).
    const top = Math.max(...forward.firsts)
    const carrying = layer.firsts.flatMap((_, at) => (forward.firsts[at]! > top * negligibleFirst ? [at] : []))
    const entering = candidates.map((lost) => {
      let weight = 0
      for (const at of carrying) {
        const first = layer.firsts[at]!
        if (isHiddenPair(first.byte, lost.lead)) weight += forward.firsts[at]! * this.step(first.key, lost)
      }
      return weight
    })
    const kept = mostOf(entering, lostWholeMass, lostWholeWidth)
    // The characters left out are taken to go on as the kept ones do on average.
    const keptShare = kept.reduce((total, at) => total + entering[at]!, 0) / sum(entering) || 1
    const seconds = new Array<number>(layer.seconds.length).fill(0)
    const onward = new Map<number, number>()
    for (const at of kept) {
      const lost = candidates[at]!
      let out = 0
      layer.seconds.forEach((second, to) => {
        if (backSeconds[to] === 0) return
        const across = this.acrossLost(lost, second)
        if (across === 0) return
        seconds[to]! += (entering[at]! * across * backSeconds[to]!) / keptShare
        out += across * backSeconds[to]!
      })
      onward.set(at, out)
    }
    const firsts = layer.firsts.map((first, from) => {
      let weight = 0
      if (!carrying.includes(from)) return 0
      for (const at of kept) {
        const lost = candidates[at]!
        if (isHiddenPair(first.byte, lost.lead)) weight += this.step(first.key, lost) * onward.get(at)!
      }
      return (forward.firsts[from]! * weight) / keptShare
    })
    const nodes = kept.map((at) => candidates[at]!)
    const weights = kept.map((at) => entering[at]! * onward.get(at)!)
    return {seconds, firsts, lost: {nodes, weights}}
  }

  private acrossLost(lost: LostCandidate, second: Candidate): number {
    if (second === unknownCharacter) return 1
    return isHiddenPair(lost.trail, second.byte) ? this.step(lost.key, second) : 0
  }

  private firstBack(layer: Layer, first: Candidate, backSeconds: number[], hidden: number): number {
    let weight = 0
    if (hidden === 1) {
      layer.seconds.forEach((second, at) => {
        weight += this.across(first, second) * backSeconds[at]!
      })
      return weight
    }
    layer.seconds.forEach((second, at) => {
      weight += this.secondBase(second) * backSeconds[at]!
    })
    return weight * lostWholeShare
  }

  private backFirsts(layer: Layer, backSeconds: number[]): number[] {
    return layer.firsts.map(
      (node) => this.firstBack(layer, node, backSeconds, 1) + this.firstBack(layer, node, backSeconds, 2),
    )
  }

  private forward(layer: Layer, exits: Array<[number, number]>): Forward {
    const exact = new Float64Array(layer.exact.length)
    const firsts = new Float64Array(layer.firsts.length)
    for (const [key, weight] of exits) {
      layer.exact.forEach((node, at) => {
        exact[at]! += weight * this.step(key, node)
      })
      layer.firsts.forEach((node, at) => {
        firsts[at]! += weight * this.step(key, node)
      })
    }
    const hiddenOne = new Float64Array(layer.seconds.length)
    const hiddenTwo = new Float64Array(layer.seconds.length)
    const lostWhole = sum(firsts) * lostWholeShare
    layer.seconds.forEach((second, at) => {
      let weight = 0
      layer.firsts.forEach((first, from) => {
        if (firsts[from]! > 0) weight += firsts[from]! * this.across(first, second)
      })
      hiddenOne[at] = weight
      hiddenTwo[at] = lostWhole * this.secondBase(second)
    })
    return {exact, firsts, hiddenOne, hiddenTwo}
  }

  // P(second | first) across a hidden pair (0 where the decoder would not hide their bytes); a
  // character none of whose bytes is known is certain to be something.
  private across(first: Candidate, second: Candidate): number {
    if (second === unknownCharacter) return 1
    return isHiddenPair(first.byte, second.byte) ? this.step(first.key, second) : 0
  }

  // The second character's share of text, no context (one of unknown characters: 1).
  private secondBase(second: Candidate): number {
    return second === unknownCharacter ? 1 : this.model.base(second.key)
  }

  private step(previous: number, node: Candidate): number {
    this.steps++
    return this.model.probability(previous, node.key) * node.prior
  }

  // P of `keys` in turn after `previous`.
  private sequence(previous: number, keys: number[]): number {
    let probability = 1
    let last = previous
    for (const key of keys) {
      this.steps++
      probability *= this.model.probability(last, key)
      last = key
    }
    return probability
  }

  private layerOf(boundary: Boundary, lostLead: boolean): Layer {
    const id = `${boundary.left},${boundary.right},${lostLead}`
    let layer = this.layers.get(id)
    if (!layer) {
      layer = buildLayer(boundary, lostLead)
      this.layers.set(id, layer)
    }
    return layer
  }
}

function buildLayer({left, right}: Boundary, lostLead: boolean): Layer {
  const mark = (node: Candidate): Candidate =>
    lostLead && lostLeadMarks.includes(node.code) ? {...node, prior: lostLeadMarkWeight} : node
  const exact = charactersOf(left, right).map(mark)
  if (right === unknownByte) {
    if (left === unknownByte) return {exact, firsts: [], seconds: []}
    // The boundary before the byte that put the decoder back in step: a pair may have hidden
    // there too, leaving a character no byte of which is known.
    const firsts = [...hiddenTrails()].flatMap((trail) => guessable(pairCharacter(left, trail), trail))
    return {exact, firsts, seconds: [unknownCharacter]}
  }
  const firsts = (
    left === unknownByte
      ? lostLeadMarks
          .filter((code) => hiddenTrails().has(gbkBytes(code) & 0xff))
          .map((code) => candidate(code, gbkBytes(code) & 0xff))
      : [...hiddenTrails()].flatMap((trail) => guessable(pairCharacter(left, trail), trail))
  ).map(mark)
  const seconds = [...hiddenLeads()].flatMap((lead) => guessable(pairCharacter(lead, right), lead))
  return {exact, firsts, seconds}
}

// The characters a lead and a trail byte make, each possible one where a byte is unknown.
function charactersOf(left: number, right: number): Candidate[] {
  if (left !== unknownByte && right !== unknownByte) {
    const code = pairCharacter(left, right)
    return isTextCharacter(code) ? [candidate(code, -1)] : []
  }
  if (left === unknownByte && right === unknownByte) return []
  const found: Candidate[] = []
  for (let byte = 0x81; byte <= 0xfe; byte++) {
    const code = left === unknownByte ? pairCharacter(byte, right) : pairCharacter(left, byte)
    found.push(...guessable(code, byte))
  }
  return found
}

// A character of which no byte is known (written U+FFFD).
const unknownCharacter: Candidate = {code: 0xfffd, key: modelKey(0xfffd), byte: unknownByte, prior: 1}

function candidate(code: number, byte: number): Candidate {
  return {code, key: modelKey(code), byte, prior: fullWidthPrior(code)}
}

// A full-width form is scored as its ASCII form (scrapers fold them), but inside a span the true
// text had no ASCII (an ASCII byte ends the span), only the full-width form itself. GBK news
// writes the full-width marks of Chinese text (U+FF0C, U+FF1A, U+FF1B, U+FF01, U+FF1F, U+FF08,
// U+FF09) as often as their folded forms are counted; the other full-width symbols about a
// hundredth as often as their ASCII forms, and full-width letters and digits hardly at all (none
// in the 400k Han characters of the corpus sample). So a comma whose trail byte hid the next pair
// is not read as the full-width letter its lead byte makes with the next trail.
const fullWidthSymbolShare = 0.01
const fullWidthAlphanumericShare = 0.001
const chineseFullWidthMarks = [0xff0c, 0xff1a, 0xff1b, 0xff01, 0xff1f, 0xff08, 0xff09]

function fullWidthPrior(code: number): number {
  if (code < 0xff01 || code > 0xff5e || chineseFullWidthMarks.includes(code)) return 1
  return isFullWidthAlphanumeric(code) ? fullWidthAlphanumericShare : fullWidthSymbolShare
}

function isFullWidthAlphanumeric(code: number): boolean {
  return (code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)
}

// Characters too rare to be guessed from one byte are left out of a guess.
function guessable(code: number, byte: number): Candidate[] {
  return isTextCharacter(code) && isCommonEnough(code) ? [candidate(code, byte)] : []
}

// log10 share of text below which a character is not guessed (the table's floor for Han).
const rarest = -7

function isCommonEnough(code: number): boolean {
  return logFrequency(modelKey(code)) > rarest
}

function isTextCharacter(code: number): boolean {
  return code !== noCharacter && !isPrivateUse(code)
}

let hiddenSet: Set<number> | undefined
let trails: Set<number> | undefined
let leads: Set<number> | undefined

// Whether a decoder hides the pair (first, second): it reads it as a private-use character.
function isHiddenPair(first: number, second: number): boolean {
  hiddenSet ??= new Set(privateUsePairs().filter((pair) => (pair & 0xff) >= 0x81))
  return hiddenSet.has((first << 8) | second)
}

function hiddenTrails(): Set<number> {
  trails ??= new Set(
    privateUsePairs()
      .filter((pair) => (pair & 0xff) >= 0x81)
      .map((pair) => pair >> 8),
  )
  return trails
}

function hiddenLeads(): Set<number> {
  leads ??= new Set(
    privateUsePairs()
      .map((pair) => pair & 0xff)
      .filter((byte) => byte >= 0x81),
  )
  return leads
}

// Characters a decoder could have hidden whole (both its pairs private use), with their bytes.
interface LostCandidate extends Candidate {
  lead: number
  trail: number
}

// Candidates with their weights.
interface Weighed {
  nodes: Candidate[]
  weights: number[]
}

// The lost characters weighed at a boundary: the likeliest after the firsts, up to this share of
// their weight and at most this many.
const lostWholeMass = 0.99
const lostWholeWidth = 50
// A first this far below the likeliest is not followed into a character lost whole.
const negligibleFirst = 1e-3

// log10 share of text a character lost whole is weighed from (about 680 of the 1,830 GBK allows
// there): the rarer ones moved no decision on the tuning articles and cost two thirds of the time.
const commonLostWhole = -5

let lostCandidates: LostCandidate[] | undefined

function lostWholeCandidates(): LostCandidate[] {
  lostCandidates ??= [...hiddenLeads()].flatMap((lead) =>
    [...hiddenTrails()].flatMap((trail) =>
      guessable(pairCharacter(lead, trail), lead)
        .filter((node) => logFrequency(node.key) > commonLostWhole)
        .map((node) => ({...node, lead, trail})),
    ),
  )
  return lostCandidates
}

// Indices of the largest `weights` that together reach `share` of their sum, at most `most`.
function mostOf(weights: number[], share: number, most: number): number[] {
  const order = weights.map((_, at) => at).sort((a, b) => weights[b]! - weights[a]!)
  const total = sum(weights)
  const kept: number[] = []
  let reached = 0
  for (const at of order) {
    if (reached >= share * total || kept.length >= most || weights[at] === 0) break
    kept.push(at)
    reached += weights[at]!
  }
  return kept
}

function exitsOf(layer: Layer, forward: Forward): Array<[number, number]> {
  const exits: Array<[number, number]> = []
  let top = 0
  for (const weight of forward.exact) top = Math.max(top, weight)
  for (let at = 0; at < layer.seconds.length; at++) top = Math.max(top, forward.hiddenOne[at]! + forward.hiddenTwo[at]!)
  const floor = top * negligible
  layer.exact.forEach((node, at) => {
    if (forward.exact[at]! > floor) exits.push([node.key, forward.exact[at]!])
  })
  layer.seconds.forEach((node, at) => {
    const weight = forward.hiddenOne[at]! + forward.hiddenTwo[at]!
    if (weight > floor) exits.push([node.key, weight])
  })
  return exits
}

// The likeliest of `nodes` when its share of `all` reaches `certainty`, else U+FFFD.
function surest(nodes: Candidate[], weights: number[], all: number, certainty: number): number {
  const best = weights.indexOf(Math.max(...weights))
  const sure = weights[best]! / all >= certainty && nodes[best] !== unknownCharacter
  return sure ? nodes[best]!.code : 0xfffd
}

function exitSum(forward: Forward): number {
  return sum(forward.exact) + sum(forward.hiddenOne) + sum(forward.hiddenTwo)
}

function scaleForward(forward: Forward, by: number): void {
  for (const weights of [forward.exact, forward.firsts, forward.hiddenOne, forward.hiddenTwo])
    for (let at = 0; at < weights.length; at++) weights[at]! /= by
}

function sum(weights: ArrayLike<number>): number {
  let total = 0
  for (let at = 0; at < weights.length; at++) total += weights[at]!
  return total
}
