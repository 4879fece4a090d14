// The search for the reading of one damaged span: the span is walked left to right, each state
// re-pairing the bytes of the characters read so far (readings.ts), the best few kept (beam.ts),
// and every reading that ends the span is compared with the text as it is (as-is.ts). Bounded:
// the window, the beam, the hidden pairs tried and the steps spent are all capped; a search that
// runs out of its budget stops and says so.
import {AsIsScores, keyAt} from './as-is.js'
import {logAdd, type PathNode, pathNodes, type State, StateSet} from './beam.js'
import {modelKey} from './frequency.js'
import {gbkBytes} from './gbk.js'
import type {DocumentModel} from './model.js'
import {closingQuotePenalty, isPairingMark, openingQuotePenalty, pairStep} from './quotes.js'
import {
  type Dangling,
  type Ending,
  emitted,
  emittedBeforeHidden,
  emittedWithUnknownTrail,
  hiddenAfter,
  hiddenFirstBytes,
  isSentenceMark,
  lostLead,
  lostLeadMarks,
  readingsAt,
} from './readings.js'
import {
  characterStep,
  damagePrior,
  formPenalty,
  hiddenPrior,
  lostLeadMarkPrior,
  unknownCharacterScore,
  type Weights,
} from './scoring.js'
import {extendTail, tailScore} from './words.js'

export interface SearchOptions {
  // Whether pairs may have been stripped (not when the document keeps private-use characters).
  restorePrivateUse: boolean
  // Whether the next paragraph opens with U+201C, so a quote left open here may go on there.
  quoteContinues: boolean
  weights: Weights
  budget: Budget
}

// Steps (characters scored) a search may still spend; shared by the searches of a document.
export class Budget {
  constructor(public remaining: number) {}

  spend(steps: number): boolean {
    this.remaining -= steps
    return this.remaining >= 0
  }
}

export interface Candidate {
  // The repaired text replaces text.slice(start, end).
  end: number
  last: PathNode | undefined
  // log10 of the reading's probability (its best path) and of all paths giving this text.
  score: number
  mass: number
}

export interface Verdict {
  best?: Candidate
  // Posterior share of the best reading (its guessed characters aside), and of the text as it is.
  posterior: number
  genuine: number
  // Where the stretch the search looked at ends (code-unit index).
  windowEnd: number
  // Whether the search stopped for want of steps before it was done.
  overBudget: boolean
}

// A reading falling this far (log10) behind the text as it is will not come back.
const hopeless = 12
// Hidden pairs are tried after the best few states only, and kept in a beam of their own.
const hiddenFrom = 8
const hiddenWidth = 12
// The window: at most this many characters, and this many places where the damage could end.
const maxWindow = 240
const maxEndings = 64
// Steps a single span may spend.
export const spanSteps = 150_000
// Candidates kept for the verdict (the rest count in the total only).
const keptCandidates = 384

export function weighSpan(text: string, start: number, model: DocumentModel, options: SearchOptions): Verdict {
  return new SpanSearch(text, start, model, options).run()
}

// How far a misaligned run could reach from the mark at `start` (a longer run is left to the
// text as it is after the window).
export function findWindowEnd(text: string, start: number): number {
  let endings = 0
  let index = start + 1
  while (index < text.length && index - start <= maxWindow) {
    const readings = readingsAt(text, index, false)
    if (!readings) break
    index++
    if (readings.some((reading) => reading.kind !== 'pair') && ++endings >= maxEndings) break
  }
  return index
}

const noPrior = (): number => 0
const markPrior = (code: number): number => (isSentenceMark(code) ? lostLeadMarkPrior : 0)

class SpanSearch {
  private readonly windowEnd: number
  private overBudget = false
  private readonly asIs: AsIsScores
  private candidates: Candidate[] = []
  private totalMass = -Infinity
  private stepsLeft = spanSteps

  constructor(
    private readonly text: string,
    private readonly start: number,
    private readonly model: DocumentModel,
    private readonly options: SearchOptions,
  ) {
    this.windowEnd = findWindowEnd(text, start)
    this.asIs = new AsIsScores(text, start, this.windowEnd, model, options.weights, options.quoteContinues)
  }

  run(): Verdict {
    let states: State[] = [this.initialState()]
    const hiddenPairs = this.options.restorePrivateUse
    for (let index = this.start + 1; index < this.windowEnd && states.length > 0; index++) {
      if (this.stepsLeft <= 0 || this.options.budget.remaining <= 0) {
        this.overBudget = true
        break
      }
      const entering = hiddenPairs ? [...states, ...this.afterHiddenPairs(states)] : states
      const next = new StateSet()
      for (const reading of readingsAt(this.text, index, hiddenPairs)!) {
        for (const state of entering) {
          if (reading.kind === 'pair') {
            const codes = emitted(state.dangling, reading.first)
            const guessed = state.dangling < 0 ? codes : undefined
            const prior = state.last === undefined ? markPrior : noPrior
            for (const code of codes) next.add(this.advance(state, code, reading.second, guessed, prior, index))
          } else if (reading.kind === 'hidden') {
            for (const hidden of this.beforeHidden(state, index)) next.add(hidden)
          } else this.finish(state, reading, index)
        }
      }
      states = next.pruned()
      const leader = states[0]
      if (!leader || leader.score + damagePrior < this.asIs.prefix(index) - hopeless) break
    }
    return this.verdict()
  }

  private initialState(): State {
    return {
      dangling: lostLead,
      before: keyAt(this.text, this.start - 2),
      previous: keyAt(this.text, this.start - 1),
      open: this.asIs.openAt(this.start),
      words: this.asIs.startTail,
      hidden: 0,
      score: 0,
      mass: 0,
      last: undefined,
    }
  }

  // The state after one more character of the reading, the character at `index` being read.
  private advance(
    state: State,
    code: number,
    dangling: Dangling,
    candidates: readonly number[] | undefined,
    prior: (code: number) => number,
    index: number,
  ): State {
    this.stepsLeft--
    this.options.budget.remaining--
    const {weights} = this.options
    const key = modelKey(code)
    const [pairing, open] = pairStep(state.open, code)
    let step =
      characterStep(this.model, weights, state.before, state.previous, key) + pairing + prior(code) + formPenalty(code)
    if (isPairingMark(code)) step += this.quoteStyle(state, code, index)
    let words = state.words
    if (weights.words > 0) {
      words = extendTail(state.words, code)
      step += weights.words * (tailScore(words) - tailScore(state.words))
    }
    return {
      dangling,
      before: state.previous,
      previous: key,
      open,
      words,
      hidden: state.hidden,
      score: state.score + step,
      mass: state.mass + step,
      last: {code, candidates, prior, parent: state.last},
    }
  }

  // A character that lost both its bytes: written as U+FFFD, scored as a typical character.
  private advanceUnknown(state: State): State {
    this.stepsLeft--
    this.options.budget.remaining--
    const [, open] = pairStep(state.open, 0xfffd)
    return {
      ...state,
      dangling: lostLead,
      before: state.previous,
      previous: 0xfffd,
      open,
      words: this.options.weights.words > 0 ? extendTail(state.words, 0xfffd) : state.words,
      hidden: state.hidden + 1,
      score: state.score + unknownCharacterScore + hiddenPrior,
      mass: state.mass + unknownCharacterScore + hiddenPrior,
      last: {code: 0xfffd, candidates: [], prior: noPrior, parent: state.last},
    }
  }

  private quoteStyle(state: State, code: number, index: number): number {
    if (code === 0x201d) {
      const before = this.text.slice(Math.max(0, this.start - 200), this.start) + pathTextOf(state.last)
      return closingQuotePenalty(before, state.previous)
    }
    if (code === 0x201c) return openingQuotePenalty(this.text.slice(index + 1, index + 200), state.previous)
    return 0
  }

  // The states where a pair the decoder hid (stripped) sat right before the character at
  // `index`: its first byte was the trail of the character being built, its second the lead of
  // the next. Kept in a beam of their own.
  private afterHiddenPairs(states: State[]): State[] {
    const hidden = new StateSet()
    for (const state of states.slice(0, hiddenFrom)) for (const next of this.beforeHidden(state, -1)) hidden.add(next)
    return hidden.pruned(hiddenWidth)
  }

  // The states after a hidden pair following `state`: the character its first byte ends.
  private beforeHidden(state: State, index: number): State[] {
    if (state.dangling === lostLead && state.last === undefined) {
      // Right after the lost lead both bytes of the first character are unknown, too many to
      // try: only the marks a stream is cut after are.
      const made: State[] = []
      for (const mark of lostLeadMarks) {
        const first = gbkBytes(mark) & 0xff
        if (!hiddenFirstBytes().includes(first)) continue
        made.push(this.withHidden(this.advance(state, mark, hiddenAfter(first), lostLeadMarks, markPrior, index)))
      }
      made.push(this.advanceUnknown(state))
      return made
    }
    if (state.dangling < 0) return [this.advanceUnknown(state)]
    const options = emittedBeforeHidden(state.dangling)
    const codes = options.map(([code]) => code)
    return options.map(([code, first]) =>
      this.withHidden(this.advance(state, code, hiddenAfter(first), codes, noPrior, index)),
    )
  }

  private withHidden(state: State): State {
    state.hidden++
    state.score += hiddenPrior
    state.mass += hiddenPrior
    return state
  }

  // A reading that ends the span at `index`: its last characters, then the text as it is.
  private finish(state: State, ending: Ending, index: number): void {
    let codes: readonly number[]
    let guessed: readonly number[] | undefined
    if (ending.kind === 'invalid') {
      codes = emittedWithUnknownTrail(state.dangling)
      guessed = codes
    } else {
      codes = emitted(state.dangling, ending.kind === 'single' ? ending.byte : ending.first)
      guessed = state.dangling < 0 ? codes : undefined
    }
    const tail = ending.kind === 'swallowed' ? ending.ascii : ending.kind === 'invalid' && ending.lost ? 0xfffd : -1
    const prior = state.last === undefined ? markPrior : noPrior
    for (const code of codes) {
      let ended = this.advance(state, code, lostLead, guessed, prior, index)
      if (tail !== -1) ended = this.advance(ended, tail, lostLead, undefined, noPrior, index)
      const rest = this.asIs.joinFrom(index + 1, ended.before, ended.previous, ended.open, ended.words)
      this.record({end: index + 1, last: ended.last, score: ended.score + rest, mass: ended.mass + rest})
    }
  }

  private record(candidate: Candidate): void {
    this.totalMass = logAdd(this.totalMass, candidate.mass)
    this.candidates.push(candidate)
    if (this.candidates.length > 8 * keptCandidates) this.candidates = this.ranked()
  }

  private ranked(): Candidate[] {
    return this.candidates.sort((a, b) => b.score - a.score).slice(0, keptCandidates)
  }

  // The best reading, its guessed characters aside: readings that differ only in a guessed
  // character are one reading for the verdict (settle.ts decides each guessed character).
  private verdict(): Verdict {
    const identity = this.asIs.identity()
    const total = logAdd(identity, this.totalMass + damagePrior)
    const groups = new Map<string, Candidate>()
    for (const candidate of this.ranked()) {
      const key = `${candidate.end}\u0000${skeletonOf(candidate.last)}`
      const known = groups.get(key)
      if (!known) groups.set(key, {...candidate})
      else known.mass = logAdd(known.mass, candidate.mass)
    }
    let best: Candidate | undefined
    for (const group of groups.values()) if (!best || group.mass > best.mass) best = group
    return {
      best,
      posterior: best ? 10 ** (best.mass + damagePrior - total) : 0,
      genuine: 10 ** (identity - total),
      windowEnd: this.windowEnd,
      overBudget: this.overBudget,
    }
  }
}

function pathTextOf(last: PathNode | undefined): string {
  return String.fromCharCode(...pathNodes(last).map((node) => node.code))
}

// A reading with each guessed character as U+FFFD.
function skeletonOf(last: PathNode | undefined): string {
  return String.fromCharCode(...pathNodes(last).map((node) => (node.candidates ? 0xfffd : node.code)))
}
