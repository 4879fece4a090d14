// The candidates for one damaged span and how likely each is. The damage model: a GBK stream
// split between the two bytes of a character and decoded chunk by chunk, so the lead byte
// came out as `?` or U+FFFD and the decoder read every later pair one byte off, until an
// ASCII byte put it back in step. Afterwards scrapers may fold full-width forms to ASCII (so
// U+FF01 became `!`) and strip private-use characters (the pairs GBK leaves user-defined).
//
// Reading the span back: each character after the mark is re-encoded with GBK and the bytes
// are paired again one byte earlier. Unknown bytes are tried: the lost lead, the byte behind an
// inner `?` (a decoder that met an ASCII byte where a trail belongs), and the two bytes of a
// stripped private-use character. The search walks the span left to right keeping the best
// readings (states merged by what the rest depends on), and every finished reading is
// compared with the text as it is, over the same stretch, under one language model.
import {logFrequency, modelKey} from './frequency.js'
import {gbkBytes, isPrivateUse, noCharacter, pairCharacter, privateUsePairs} from './gbk.js'
import {type DocumentModel, paragraphStart} from './model.js'
import {closingQuotePenalty, isPairingMark, openingQuotePenalty, pairStep, unclosedPenalty} from './quotes.js'

export interface SearchOptions {
  // Whether stripped private-use pairs may be restored (not when the document keeps any).
  restorePrivateUse: boolean
  // Whether the next paragraph opens with U+201C, so a quote left open here may go on there.
  quoteContinues: boolean
}

export interface Candidate {
  // The repaired text replaces text.slice(start, end).
  end: number
  replacement: string
  // log10 of the reading's probability (its best path) and of all paths giving this text.
  score: number
  mass: number
}

export interface Verdict {
  best?: Candidate
  runnerUp?: Candidate
  // Posterior share of the best candidate, and of the text as it is.
  posterior: number
  genuine: number
  // Where the stretch the search looked at ends (code-unit index).
  windowEnd: number
}

// log10 prior odds of a damaged span against a real `?`, once a signal was seen.
const damagePrior = -2
// log10 prior odds for a mark (over a Han character) as the character whose lead byte was lost:
// scrapers that cut streams cut between sentences, as every span of the seed shows.
const lostLeadMarkPrior = 1
// log10 prior of each stripped private-use character restored.
const restorePrior = -0.5
const maxRestored = 3
// A reading falling this far (log10) behind the text as it is will not come back.
const hopeless = 12
// Beam: states kept per step, and how far behind the best one they may be.
const beamWidth = 48
const beamDepth = 9
// Restorations are tried from the best few states only, and only for characters in use.
const restoreFrom = 2
const restorableFrequency = -7
// The window: at most this many characters, and this many places where the damage could end.
const maxWindow = 400
const maxEndings = 64

const unknownByte = -2

type Reading =
  | {kind: 'pair'; first: number; second: number}
  // An ASCII trail byte the decoder read alone: the stream is back in step after it.
  | {kind: 'single'; byte: number}
  // A pair whose trail was an ASCII character of the true text.
  | {kind: 'swallowed'; first: number; ascii: number}
  // A byte the decoder could not pair: `lost` when it swallowed the ASCII byte after it too.
  | {kind: 'invalid'; lost: boolean}

type Ending = Exclude<Reading, {kind: 'pair'}>

interface State {
  // The lead byte waiting for its trail (unknownByte: the lost one).
  dangling: number
  // The model keys of the last two characters.
  before: number
  previous: number
  // Open quotes and titles (see pairStep).
  open: number
  restored: number
  score: number
  mass: number
  text: string
}

export function weighSpan(text: string, start: number, model: DocumentModel, options: SearchOptions): Verdict {
  return new SpanSearch(text, start, model, options).run()
}

// How far a misaligned run could reach from the mark at `start`.
export function findWindowEnd(text: string, start: number): number {
  let endings = 0
  let index = start + 1
  while (index < text.length && index - start <= maxWindow) {
    const readings = readingsAt(text, index)
    if (!readings) break
    index++
    if (readings.some((reading) => reading.kind !== 'pair') && ++endings >= maxEndings) break
  }
  return index
}

class SpanSearch {
  private readonly windowEnd: number
  private readonly asIs: AsIsScores
  private readonly candidates = new Map<string, Candidate>()

  constructor(
    private readonly text: string,
    private readonly start: number,
    private readonly model: DocumentModel,
    private readonly options: SearchOptions,
  ) {
    this.windowEnd = findWindowEnd(text, start)
    this.asIs = new AsIsScores(text, start, this.windowEnd, model, options.quoteContinues)
  }

  run(): Verdict {
    let states: State[] = [this.initialState()]
    for (let index = this.start + 1; index < this.windowEnd && states.length > 0; index++) {
      const entering = this.options.restorePrivateUse ? this.withRestorations(states, index) : states
      const next = new StateSet()
      for (const reading of readingsAt(this.text, index)!) {
        for (const state of entering) {
          if (reading.kind === 'pair') {
            for (const code of emitted(state.dangling, reading.first)) {
              next.add(this.advance(state, code, reading.second, index, this.leadPrior(state, code)))
            }
          } else {
            this.finish(state, reading, index)
          }
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
      dangling: unknownByte,
      before: keyAt(this.text, this.start - 2),
      previous: keyAt(this.text, this.start - 1),
      open: this.asIs.openAt(this.start),
      restored: 0,
      score: 0,
      mass: 0,
      text: '',
    }
  }

  // The state after one more character of the reading, the character at `index` being read.
  private advance(state: State, code: number, dangling: number, index: number, prior = 0): State {
    const key = modelKey(code)
    const [pairing, open] = pairStep(state.open, code)
    let step = this.model.logProbability(state.before, state.previous, key) + pairing + prior
    if (isPairingMark(code)) step += this.quoteStyle(state, code, index)
    return {
      dangling,
      before: state.previous,
      previous: key,
      open,
      restored: state.restored,
      score: state.score + step,
      mass: state.mass + step,
      text: state.text + String.fromCharCode(code),
    }
  }

  private quoteStyle(state: State, code: number, index: number): number {
    if (code === 0x201d) return closingQuotePenalty(this.text.slice(0, this.start) + state.text, state.previous)
    if (code === 0x201c) return openingQuotePenalty(this.text.slice(index + 1), state.previous)
    return 0
  }

  private leadPrior(state: State, code: number): number {
    return state.dangling === unknownByte && isSentenceMark(code) ? lostLeadMarkPrior : 0
  }

  // The states plus those where a stripped private-use pair sat right before `index`: its lead
  // byte is the trail of the character being built, its trail byte the lead of the next.
  private withRestorations(states: State[], index: number): State[] {
    const expanded = [...states]
    for (const state of states.slice(0, restoreFrom)) {
      if (state.restored >= maxRestored) continue
      if (state.dangling === unknownByte) {
        expanded.push(...this.restorationsAfterLostLead(state, index))
        continue
      }
      for (const pair of privateUsePairs()) {
        const code = pairCharacter(state.dangling, pair >> 8)
        if (!isTextCharacter(code) || logFrequency(modelKey(code)) <= restorableFrequency) continue
        const restored = this.advance(state, code, pair & 0xff, index, restorePrior)
        restored.restored++
        expanded.push(restored)
      }
    }
    return expanded
  }

  // Right after the lost lead both bytes of the first character are unknown, too many to try:
  // only the marks a stream is cut after (a sentence stop) are tried there.
  private restorationsAfterLostLead(state: State, index: number): State[] {
    const restorations: State[] = []
    for (const mark of lostLeadMarks) {
      const bytes = gbkBytes(mark)
      for (const pair of privateUsePairs()) {
        if (pair >> 8 !== (bytes & 0xff)) continue
        const restored = this.advance(state, mark, pair & 0xff, index, restorePrior + lostLeadMarkPrior)
        restored.restored++
        restorations.push(restored)
      }
    }
    return restorations
  }

  // A reading that ends the span at `index`: its last characters, then the text as it is.
  private finish(state: State, ending: Ending, index: number): void {
    const codes =
      ending.kind === 'single'
        ? emitted(state.dangling, ending.byte)
        : ending.kind === 'swallowed'
          ? emitted(state.dangling, ending.first)
          : emittedWithUnknownTrail(state.dangling)
    const tail = ending.kind === 'swallowed' ? ending.ascii : ending.kind === 'invalid' && ending.lost ? 0xfffd : -1
    for (const code of codes) {
      let ended = this.advance(state, code, unknownByte, index, this.leadPrior(state, code))
      if (tail !== -1) ended = this.advance(ended, tail, unknownByte, index)
      const rest = this.asIs.joinFrom(index + 1, ended.before, ended.previous, ended.open)
      this.record({end: index + 1, replacement: ended.text, score: ended.score + rest, mass: ended.mass + rest})
    }
  }

  private record(candidate: Candidate): void {
    const key = `${candidate.end}\u0000${candidate.replacement}`
    const known = this.candidates.get(key)
    if (!known) this.candidates.set(key, candidate)
    else
      this.candidates.set(key, {
        ...known,
        score: Math.max(known.score, candidate.score),
        mass: logAdd(known.mass, candidate.mass),
      })
  }

  ranked(): Candidate[] {
    return [...this.candidates.values()].sort((a, b) => b.score - a.score)
  }

  private verdict(): Verdict {
    const ranked = this.ranked()
    const identity = this.asIs.identity()
    let total = identity
    for (const candidate of ranked) total = logAdd(total, candidate.mass + damagePrior)
    const best = ranked[0]
    return {
      best,
      runnerUp: ranked[1],
      posterior: best ? 10 ** (best.score + damagePrior - total) : 0,
      genuine: 10 ** (identity - total),
      windowEnd: this.windowEnd,
    }
  }
}

// What the character at `index` could have been in the misaligned stream; undefined when no
// misaligned decoder could have written it (a space, a control, a character GBK lacks).
function readingsAt(text: string, index: number): Reading[] | undefined {
  const code = text.charCodeAt(index)
  const following = index + 1 < text.length ? text.charCodeAt(index + 1) : -1
  const atEnd = following === -1
  const beforeAsciiByte = atEnd || (following < 0x40 && following !== 0x3f)
  if (code === 0x3f || code === 0xfffd) {
    const readings: Reading[] = []
    if (code === 0x3f) readings.push(pairReading(0xff1f))
    if (!atEnd) readings.push({kind: 'invalid', lost: true})
    if (beforeAsciiByte) readings.push({kind: 'invalid', lost: false})
    return readings
  }
  if (code > 0x20 && code < 0x7f) {
    const readings: Reading[] = [pairReading(code + 0xfee0)]
    if (code >= 0x40) readings.push({kind: 'single', byte: code})
    return readings
  }
  const bytes = gbkBytes(code)
  if (bytes === noCharacter || bytes < 0x100) return undefined
  const readings: Reading[] = [{kind: 'pair', first: bytes >> 8, second: bytes & 0xff}]
  const trail = bytes & 0xff
  if (trail >= 0x40 && trail < 0x7f) readings.push({kind: 'swallowed', first: bytes >> 8, ascii: trail})
  return readings
}

function pairReading(code: number): Reading {
  const bytes = gbkBytes(code)
  return {kind: 'pair', first: bytes >> 8, second: bytes & 0xff}
}

// The characters a dangling lead and a trail byte make (every lead when the lead was lost).
function emitted(dangling: number, trail: number): number[] {
  if (dangling !== unknownByte) {
    const code = pairCharacter(dangling, trail)
    return isTextCharacter(code) ? [code] : []
  }
  const codes: number[] = []
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    const code = pairCharacter(lead, trail)
    if (isTextCharacter(code)) codes.push(code)
  }
  return codes
}

// The characters a known lead and any trail byte from 0x81 make (the byte an invalid pair hid:
// a byte below 0x80 would have been read alone).
function emittedWithUnknownTrail(dangling: number): number[] {
  if (dangling === unknownByte) return []
  const codes: number[] = []
  for (let trail = 0x81; trail <= 0xfe; trail++) {
    const code = pairCharacter(dangling, trail)
    if (isTextCharacter(code)) codes.push(code)
  }
  return codes
}

const lostLeadMarks = [0x3002, 0xff0c, 0xff01, 0xff1f, 0xff1b]

function isSentenceMark(code: number): boolean {
  return lostLeadMarks.includes(code)
}

function isTextCharacter(code: number): boolean {
  return code !== noCharacter && !isPrivateUse(code)
}

// Scores of the text as it is, from the mark to the end of the window, so every reading is
// compared with the undamaged hypothesis over the same characters.
class AsIsScores {
  private readonly suffix: Float64Array
  // Where the paragraph has pairing marks, for the pairing penalties of each reading.
  private readonly marks: number[] = []

  constructor(
    private readonly text: string,
    private readonly start: number,
    private readonly end: number,
    private readonly model: DocumentModel,
    private readonly quoteContinues: boolean,
  ) {
    const length = end - start
    const steps = new Float64Array(length)
    this.suffix = new Float64Array(length + 1)
    let before = keyAt(text, start - 2)
    let previous = keyAt(text, start - 1)
    for (let offset = 0; offset < length; offset++) {
      const key = modelKey(text.charCodeAt(start + offset))
      steps[offset] = model.logProbability(before, previous, key)
      before = previous
      previous = key
    }
    for (let offset = length - 1; offset >= 0; offset--) this.suffix[offset] = this.suffix[offset + 1]! + steps[offset]!
    for (let index = 0; index < text.length; index++) if (isPairingMark(text.charCodeAt(index))) this.marks.push(index)
  }

  // The undamaged hypothesis: the whole stretch as it is.
  identity(): number {
    return this.suffix[0]! + this.pairsFrom(this.start, this.openAt(this.start))
  }

  // The text as it is up to and including `index`.
  prefix(index: number): number {
    return this.suffix[0]! - this.suffix[index - this.start + 1]!
  }

  // A reading ending with `before previous`, then the text as it is from `index` to the end.
  joinFrom(index: number, before: number, previous: number, open: number): number {
    const pairs = this.pairsFrom(index, open)
    if (index >= this.end) return pairs
    const first = modelKey(this.text.charCodeAt(index))
    let join = this.model.logProbability(before, previous, first)
    // The as-is score of the character after `index` assumed the text's own two before it.
    if (index + 1 < this.end) {
      const second = modelKey(this.text.charCodeAt(index + 1))
      join += this.model.logProbability(previous, first, second) - this.step(index + 1)
    }
    return join + this.suffix[index - this.start + 1]! + pairs
  }

  // Which pairing marks are open before `index`.
  openAt(index: number): number {
    let open = 0
    for (const position of this.marks) if (position < index) open = pairStep(open, this.text.charCodeAt(position))[1]
    return open
  }

  // Pairing penalties from `index` to the end of the paragraph, entering with `open`.
  private pairsFrom(index: number, open: number): number {
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

function keyAt(text: string, index: number): number {
  return index >= 0 ? modelKey(text.charCodeAt(index)) : paragraphStart
}

class StateSet {
  private readonly states = new Map<string, State>()

  add(state: State): void {
    const key = `${state.dangling},${state.before},${state.previous},${state.open},${state.restored}`
    const known = this.states.get(key)
    if (!known) {
      this.states.set(key, state)
      return
    }
    const mass = logAdd(known.mass, state.mass)
    if (state.score > known.score) this.states.set(key, {...state, mass})
    else known.mass = mass
  }

  pruned(): State[] {
    const ranked = [...this.states.values()].sort((a, b) => b.score - a.score)
    const floor = (ranked[0]?.score ?? 0) - beamDepth
    return ranked.filter((state, rank) => rank < beamWidth && state.score >= floor)
  }
}

// log10(10^a + 10^b) without overflow.
function logAdd(a: number, b: number): number {
  const high = Math.max(a, b)
  if (high === -Infinity) return high
  return high + Math.log10(10 ** (a - high) + 10 ** (b - high))
}
