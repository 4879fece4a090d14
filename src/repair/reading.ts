// The verdict on one damage mark: the span's bytes (span-bytes.ts), every reading of them weighed
// (lattice.ts), and the whole compared with the text as it is over the same characters, under the
// same model; the boundaries it leaves unsure are weighed again with jieba's words (rescore.ts).
// Long spans are easy: a shift that turns garbage into fluent text gains on every
// character.
import {modelKey} from './frequency.js'
import {SpanLattice} from './lattice.js'
import {type PairModel, paragraphEnd, paragraphStart} from './pair-model.js'
import {rescore} from './rescore.js'
import {type Ending, readSpanBytes} from './span-bytes.js'

// Characters of the text after the span that every reading is scored with (where it joins).
const joinReach = 4
// Least posterior of a reading the words settle for it to be written: a whole boundary's reading
// (how many characters and which), so this asks more than the lattice's own guesses do.
const wordCertainty = 0.95
// Characters of text on each side of a span that the word model reads with it.
const wordContext = 7
// Characters of the paragraph before a span read for the quotes open there.
const markContext = 500
// log prior odds of a damaged span against a real `?` where the scan saw a signal.
const damagePrior = -2 * Math.LN10

export interface SpanReading {
  // The repair replaces text.slice(start, end) with `replacement`.
  end: number
  replacement: string
  // How many U+FFFD it writes.
  unsure: number
  // log10 gain per character of the damage over the text as it is.
  gain: number
  // The least posterior of its choices of structure (how many pairs hid where).
  structure: number
  // The posterior of where it ends.
  endingShare: number
  // Where the stretch weighed ends.
  windowEnd: number
  overBudget: boolean
  // Steps (pairs of characters scored) spent.
  steps: number
}

// The best reading of the span at `start`, or undefined when its bytes allow none.
export function readSpan(
  text: string,
  start: number,
  model: PairModel,
  stepLimit: number,
  certainty: number,
): SpanReading | undefined {
  const span = readSpanBytes(text, start)
  if (span.endings.length === 0) return undefined
  const windowEnd = Math.min(text.length, Math.max(...span.endings.map((ending) => ending.end)) + joinReach)
  const before = start > 0 ? modelKey(text.charCodeAt(start - 1)) : paragraphStart
  const lattice = new SpanLattice(model, before, stepLimit)
  const follow = (ending: Ending): number[] => {
    const keys = ending.tail.map(modelKey)
    for (let index = ending.end; index < windowEnd; index++) keys.push(modelKey(text.charCodeAt(index)))
    if (windowEnd === text.length) keys.push(paragraphEnd)
    return keys
  }
  const masses = lattice.endingMasses(span, follow)
  const total = logSum(masses)
  if (lattice.overBudget || total === Number.NEGATIVE_INFINITY) {
    const overBudget = lattice.overBudget
    return {
      windowEnd,
      overBudget,
      steps: lattice.steps,
      end: start + 1,
      replacement: '',
      unsure: 0,
      gain: 0,
      structure: 0,
      endingShare: 0,
    }
  }
  const best = masses.indexOf(Math.max(...masses))
  const ending = span.endings[best]!
  const decision = lattice.decide(span, ending, follow(ending), certainty)
  const tail = ending.tail.map((code) => String.fromCharCode(code)).join('')
  if (decision.unsure > 0) {
    const before = text.slice(Math.max(0, start - markContext), start)
    const after = tail + text.slice(ending.end, ending.end + wordContext)
    const rescored = rescore(decision.layers, before, after, model, wordCertainty)
    lattice.steps += rescored.steps
    decision.codes = rescored.codes
    decision.unsure = rescored.unsure
  }
  const asIs = asIsScore(text, start, windowEnd, model, before)
  const gain = (total + damagePrior - asIs) / Math.LN10 / (windowEnd - start)
  return {
    windowEnd,
    overBudget: lattice.overBudget,
    steps: lattice.steps,
    end: ending.end,
    replacement: String.fromCharCode(...decision.codes) + tail,
    unsure: decision.unsure + ending.tail.filter((code) => code === 0xfffd).length,
    gain,
    structure: decision.structure,
    endingShare: Math.exp(masses[best]! - total),
  }
}

// log P of text.slice(start, end) as it is.
function asIsScore(text: string, start: number, end: number, model: PairModel, before: number): number {
  let score = 0
  let previous = before
  for (let index = start; index < end; index++) {
    const key = modelKey(text.charCodeAt(index))
    score += Math.log(model.probability(previous, key))
    previous = key
  }
  return end === text.length ? score + Math.log(model.probability(previous, paragraphEnd)) : score
}

function logSum(values: number[]): number {
  const top = Math.max(...values)
  if (top === Number.NEGATIVE_INFINITY) return top
  return top + Math.log(values.reduce((sum, value) => sum + Math.exp(value - top), 0))
}
