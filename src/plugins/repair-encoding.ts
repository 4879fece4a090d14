// repair-encoding: repairs text that a GBK decoder misread one byte off after losing a lead byte
// at a chunk boundary (`?` or U+FFFD, then unrelated characters until an ASCII byte put it back
// in step), with what scrapers did afterwards (full-width forms folded to ASCII, private-use
// characters stripped). A span is repaired only when one reading of its bytes is far more
// likely than every other and than the text as it is, and explains the damage byte for byte; a
// character whose hidden byte no model is sure of becomes U+FFFD, with a warning. Never changes a
// `?` followed by ordinary Chinese text (a question), nor any span it is unsure of: those get a
// warning for a reviewer. Bounded: a cheap scan passes over almost every `?`, each span searched
// has a fixed budget, and so has the document; in a simplified document full of lost characters
// (`?` a scrape wrote for characters it could not map), a suspect whose text does not read as
// clearly shifted is warned about without a search. Runs first: every later rule needs the real
// characters.
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {pointIn, reportDoubt, reportFix} from '../messages.js'
import {modelKey} from '../repair/frequency.js'
import {gbkBytes, isPrivateUse} from '../repair/gbk.js'
import {DocumentModel} from '../repair/model.js'
import {PairModel} from '../repair/pair-model.js'
import {isStopAndClosingQuote} from '../repair/quotes.js'
import {readSpan, type SpanReading} from '../repair/reading.js'
import {simplifiedWeights, traditionalWeights, type Weights} from '../repair/scoring.js'
import {Budget, findWindowEnd, type Verdict, weighSpan} from '../repair/search.js'
import {type Settled, settle} from '../repair/settle.js'
import {readsAsShifted, suspectSignal} from '../repair/shift-check.js'
import {maxSpan} from '../repair/span-bytes.js'
import {damageMarks, type Signal} from '../repair/spans.js'
import {ModelWindows} from '../repair/windows.js'
import {simplifiedShare} from '../repair/words.js'
import type {Root, Text} from '../syntax/types.js'
import {isHan} from '../text/char-class.js'
import {isProbablyLostCharacter} from './lost-characters.js'

const ruleId = 'repair-encoding'

export interface Options {
  // Traditional text: least posterior probability of the best reading for a repair (default 0.95).
  certainty?: number
  // Least posterior probability of a guessed character for it to be written (default 0.95 for
  // simplified text, 0.9 for traditional).
  guessCertainty?: number
  // Simplified text: least log10 gain per character of the damaged reading over the text as it
  // is for a repair (default 0.5).
  minGain?: number
}

// Simplified text: least posterior of where a span ends for a repair.
const endingCertainty = 0.99
// Simplified text: a span left as it is gets a warning when the damaged reading gains at least
// this much (log10 per character) over the text as it is; a real question loses far more.
const doubtfulGain = 0.4
// Simplified text: steps (pairs of characters scored) a span may spend, and a document (a base
// and more per code unit of text).
const pairSpanSteps = 2_000_000
const pairDocumentBaseSteps = 4_000_000
const pairDocumentStepsPerUnit = 100

// A span left as it is gets a warning when a reading is at least this likely, or the text as it
// is at most this likely.
const doubtfulReading = 0.2
const doubtfulText = 0.05
// Steps (characters scored) a document may spend on its searches: a base, and more per
// code unit of text, so no input costs more than a few times its clean-text time.
const documentBaseSteps = 300_000
const documentStepsPerUnit = 10
// Below this share of common simplified characters a document is scored as traditional.
const simplifiedThreshold = 0.9

// A simplified document with at least this many `?` that stand for lost characters (between Han
// characters, no question word in the clause, passed over by the scan or the second look) is one a
// scrape wrote `?` into for characters it could not map: there, only a suspect whose text reads as
// clearly shifted is searched (readsAsShifted), the others are warned about. The second look keeps
// about one lost character in 350 a suspect and a damaged span adds at most one or two such `?`, so
// from this many on such a suspect is likelier one more lost character than damage.
const manyLostCharacters = 100
// Least share of a document's Han characters (of the first `scriptSample`) in GB2312's Han rows
// for it to read as simplified: the corpus articles have all of theirs there, the same articles
// in traditional characters at most 85%. Traditional text is not held to readsAsShifted: a span
// there often ends at an ASCII trail byte read alone a few characters in, too short to read as
// anything.
const simplifiedGb2312Share = 0.95
const scriptSample = 20_000

interface Suspect {
  start: number
  windowEnd: number
  signal: Signal
  // Whether its span is searched; one that is not is warned about (see walkSpans).
  searched: boolean
}

const repairEncoding: Plugin<[Options?], Root> = function (options = {}) {
  return function (tree: Root, file: VFile) {
    const texts = tree.children.map((paragraph) => paragraph.children[0])
    const suspects = findSuspects(texts)
    if (suspects.every((list) => list.length === 0)) return
    const searched = suspects.map((list) => list.filter((suspect) => suspect.searched))
    if (searched.every((list) => list.length === 0)) {
      for (const [index, text] of texts.entries())
        walkSpans(text, file, suspects[index]!, {remaining: 0}, searchNothing)
      return
    }
    const weights = chooseWeights(texts, searched)
    if (weights === simplifiedWeights) {
      const settings = {minGain: options.minGain ?? 0.5, guessCertainty: options.guessCertainty ?? 0.95}
      repairByPairs(texts, suspects, searched, file, settings)
      return
    }
    const guessCertainty = options.guessCertainty ?? 0.9
    const length = texts.reduce((sum, text) => sum + text.value.length, 0)
    const budget = new Budget(documentBaseSteps + documentStepsPerUnit * length)
    const certainty = options.certainty ?? weights.certainty
    const models = new Map<number, DocumentModel>()
    // A page captured twice repeats its damage too; the same span in the same setting is
    // weighed once.
    const verdicts = new Map<string, Verdict>()
    const restorePrivateUse = !texts.some((text) => hasPrivateUse(text.value))
    const windows = windowsOf(texts, searched)
    texts.forEach((text, index) => {
      if (suspects[index]!.length === 0) return
      const modelAt = (start: number) => {
        const window = windows.windowOf(index, start)
        if (!models.has(window)) models.set(window, buildModel(texts, searched, windows, window))
        return {window, model: models.get(window)!}
      }
      const quoteContinues = opensWithQuote(texts[index + 1]?.value ?? '')
      const search = {restorePrivateUse, quoteContinues, weights, budget}
      const span: SpanRepair = {
        weigh(value, start) {
          const {window, model} = modelAt(start)
          const spanKey = `${window}|${quoteContinues}|${start}|${value.slice(Math.max(0, start - 64), start + 320)}`
          if (!verdicts.has(spanKey)) verdicts.set(spanKey, weighSpan(value, start, model, search))
          return verdicts.get(spanKey)!
        },
        settle: (value, start, verdict) =>
          settle(value, start, verdict.best!.end, verdict.best!.last, {
            model: modelAt(start).model,
            weights,
            quoteContinues,
            certainty: guessCertainty,
          }),
        budget,
      }
      repairText(text, file, suspects[index]!, span, certainty)
    })
  }
}

export default repairEncoding

interface SpanRepair {
  weigh: (value: string, start: number) => Verdict
  settle: (value: string, start: number, verdict: Verdict) => Settled | undefined
  budget: Budget
}

// The damage marks of each paragraph that come with a signal, how far each could reach, and
// whether it is searched: in a simplified document with many lost characters (counted up to
// `manyLostCharacters`, all the rule asks), only a suspect whose text reads as clearly shifted is.
function findSuspects(texts: Text[]): Suspect[][] {
  let lostCharacters = 0
  const marks = texts.map(({value}) => {
    const found: Array<{start: number; signal: Signal}> = []
    for (const start of damageMarks(value)) {
      const signal = suspectSignal(value, start)
      if (signal) found.push({start, signal})
      else if (lostCharacters < manyLostCharacters && isProbablyLostCharacter(value, start)) lostCharacters++
    }
    return found
  })
  const searchAll = lostCharacters < manyLostCharacters || !readsAsSimplified(texts)
  return marks.map((found, index) => {
    const {value} = texts[index]!
    return found.map(({start, signal}) => ({
      start,
      signal,
      windowEnd: findWindowEnd(value, start),
      searched: searchAll || signal === 'stray-script' || readsAsShifted(value, start),
    }))
  })
}

// Whether the document's Han characters (the first `scriptSample`) are nearly all GB2312's.
function readsAsSimplified(texts: Text[]): boolean {
  let han = 0
  let gb2312 = 0
  for (const {value} of texts) {
    if (han >= scriptSample) break
    for (let index = 0; index < value.length && han < scriptSample; index++) {
      const code = value.charCodeAt(index)
      if (!isHan(code)) continue
      han++
      if (isGb2312Han(gbkBytes(code))) gb2312++
    }
  }
  return han === 0 || gb2312 >= simplifiedGb2312Share * han
}

// GB2312's Han characters: GBK rows B0-F7, trail bytes from A1.
function isGb2312Han(bytes: number): boolean {
  const lead = bytes >> 8
  return lead >= 0xb0 && lead <= 0xf7 && (bytes & 0xff) >= 0xa1
}

// The dictionary scores simplified text; a traditional document is scored by characters alone.
function chooseWeights(texts: Text[], suspects: Suspect[][]): Weights {
  let sample = ''
  for (const [index, text] of texts.entries()) {
    const firstSuspect = suspects[index]![0]?.start ?? text.value.length
    sample += text.value.slice(0, firstSuspect)
    if (sample.length > 4000) break
  }
  return simplifiedShare(sample) >= simplifiedThreshold ? simplifiedWeights : traditionalWeights
}

function windowsOf(texts: Text[], suspects: Suspect[][]): ModelWindows {
  return new ModelWindows(
    texts.map((text) => text.value.length),
    suspects.map((list) => list.map(({start}) => start)),
  )
}

// The suspect stretches of paragraph `index` inside [from, to), as ranges from `from`.
function excludedIn(suspects: Suspect[], from: number, to: number): Array<readonly [number, number]> {
  return suspects
    .filter(({start, windowEnd}) => windowEnd > from && start < to)
    .map(({start, windowEnd}) => [Math.max(0, start - from), windowEnd - from] as const)
}

// The counts of the text in window `window`, without the suspect stretches.
function buildModel(texts: Text[], suspects: Suspect[][], windows: ModelWindows, window: number): DocumentModel {
  const model = new DocumentModel()
  for (const {index, from, to} of windows.stretches(window)) {
    model.addParagraph(texts[index]!.value.slice(from, to), excludedIn(suspects[index]!, from, to))
  }
  return model
}

// Whether a paragraph starts (after its indentation) with U+201C.
function opensWithQuote(value: string): boolean {
  return value.trimStart().charCodeAt(0) === 0x201c
}

function hasPrivateUse(value: string): boolean {
  for (let index = 0; index < value.length; index++) if (isPrivateUse(value.charCodeAt(index))) return true
  return false
}

function repairText(text: Text, file: VFile, suspects: Suspect[], span: SpanRepair, certainty: number): void {
  walkSpans(text, file, suspects, span.budget, (value, start, signal) => {
    const verdict = span.weigh(value, start)
    const best = verdict.best
    const settled =
      best && !verdict.overBudget && verdict.posterior >= certainty ? span.settle(value, start, verdict) : undefined
    if (settled) return {settled}
    if (
      verdict.overBudget ||
      (best && verdict.posterior >= certainty) ||
      isDoubtful(verdict) ||
      isTelling(value, start, signal)
    ) {
      return {doubt: doubtReason(value, start, verdict), end: best?.end ?? 0}
    }
    return undefined
  })
}

// What to do at a damage mark: repair it, warn and go past the span, or (undefined) go on.
type SpanDecision = {settled: Settled} | {doubt: string; end: number} | undefined

// Walks a paragraph's suspects in order, while the document's budget lasts, applying what
// `decide` says of each searched one; marks past the budget get one warning at the first. A
// suspect left unsearched (findSuspects) gets a warning, but where the lost-characters rule warns
// at it: one warning per place.
function walkSpans(
  text: Text,
  file: VFile,
  suspects: Suspect[],
  budget: {remaining: number},
  decide: (value: string, start: number, signal: Signal) => SpanDecision,
): void {
  const value = text.value
  let repaired = ''
  let copied = 0
  let unsearched = 0
  let firstUnsearched = -1
  // A `?` inside a span repaired or read one byte off is no new start: repairing from there would
  // pair the bytes wrongly.
  let next = 0
  for (const {start, signal, searched} of suspects) {
    if (start < next) continue
    if (!searched) {
      if (!isProbablyLostCharacter(value, start))
        reportDoubt(file, unsearchedReason(value, start), ruleId, pointIn(text, start))
      continue
    }
    if (budget.remaining <= 0) {
      if (unsearched++ === 0) firstUnsearched = start
      continue
    }
    const decision = decide(value, start, signal)
    if (decision && 'settled' in decision) {
      const {settled} = decision
      if (reportRepair(text, file, start, value.slice(start, settled.end), settled)) {
        repaired += value.slice(copied, start) + settled.replacement
        copied = settled.end
      }
      next = settled.end
      continue
    }
    if (decision) {
      reportDoubt(file, decision.doubt, ruleId, pointIn(text, start))
      next = Math.max(start + 1, decision.end)
    }
  }
  if (unsearched > 0) {
    const reason = `Possible GBK mojibake at ${unsearched} places from here, left as they are: the document's repair budget is spent`
    reportDoubt(file, reason, ruleId, pointIn(text, firstUnsearched))
  }
  if (copied > 0) text.value = repaired + value.slice(copied)
}

// What a document whose suspects are all left unsearched decides: nothing is asked.
function searchNothing(): SpanDecision {
  return undefined
}

function unsearchedReason(value: string, start: number): string {
  const shown = value.slice(start, start + 12)
  return `Possible GBK mojibake at \`${shown}\`, left as it is: the text after it does not read as clearly shifted, and many \`?\` of the document stand for lost characters`
}

// Whether the repair is applied (a reviewer may have rejected it).
function reportRepair(text: Text, file: VFile, start: number, actual: string, settled: Settled): boolean {
  const expected = settled.replacement
  const applied = reportFix(
    file,
    `Unexpected GBK mojibake \`${actual}\` (a lead byte lost, the rest read one byte off), expected \`${expected}\``,
    {ruleId, place: pointIn(text, start), actual, expected},
  )
  if (!applied || settled.unsure === 0) return applied
  const reason = `Repaired GBK mojibake \`${actual}\` as \`${expected}\`: ${settled.unsure} ${
    settled.unsure === 1 ? 'character' : 'characters'
  } no reading is sure of written as U+FFFD`
  // The warning names the repair it is about, so a reviewer sees both texts.
  const doubt = reportDoubt(file, reason, ruleId, pointIn(text, start))
  doubt.actual = actual
  doubt.expected = [expected]
  return true
}

function isDoubtful(verdict: Verdict): boolean {
  return verdict.genuine < doubtfulText || (verdict.genuine < 0.5 && verdict.posterior >= doubtfulReading)
}

function doubtReason(value: string, start: number, verdict: Verdict): string {
  const shown = value.slice(start, Math.min(verdict.windowEnd, start + 12))
  if (verdict.overBudget)
    return `Possible GBK mojibake at \`${shown}\`, left as it is: the span is over the search budget`
  return `Possible GBK mojibake at \`${shown}\`, left as it is: no reading is certain (${percent(verdict.posterior)})`
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`
}

interface PairSettings {
  minGain: number
  guessCertainty: number
}

// Simplified text: each span read from its bytes and weighed whole (reading.ts) under the
// document's and the dictionary's character pairs.
function repairByPairs(
  texts: Text[],
  suspects: Suspect[][],
  searched: Suspect[][],
  file: VFile,
  settings: PairSettings,
): void {
  const length = texts.reduce((sum, text) => sum + text.value.length, 0)
  const budget = {remaining: pairDocumentBaseSteps + pairDocumentStepsPerUnit * length}
  const models = new Map<number, PairModel>()
  // A page captured twice repeats its damage too; the same span in the same setting is weighed once.
  const readings = new Map<string, SpanReading | undefined>()
  const windows = windowsOf(texts, searched)
  texts.forEach((text, index) => {
    if (suspects[index]!.length === 0) return
    const read = (value: string, start: number): SpanReading | undefined => {
      const window = windows.windowOf(index, start)
      if (!models.has(window)) models.set(window, buildPairModel(texts, searched, windows, window))
      const spanKey = `${window}|${start}|${value.slice(Math.max(0, start - 8), start + maxSpan + 8)}`
      if (!readings.has(spanKey)) {
        const limit = Math.min(pairSpanSteps, budget.remaining)
        const reading = readSpan(value, start, models.get(window)!, limit, settings.guessCertainty)
        budget.remaining -= reading?.steps ?? 0
        readings.set(spanKey, reading)
      }
      return readings.get(spanKey)
    }
    repairSpansByPairs(text, file, suspects[index]!, read, budget, settings)
  })
}

function buildPairModel(texts: Text[], suspects: Suspect[][], windows: ModelWindows, window: number): PairModel {
  const model = new PairModel()
  for (const {index, from, to} of windows.stretches(window)) {
    model.addParagraph(keysOf(texts[index]!.value, from, to), excludedIn(suspects[index]!, from, to))
  }
  return model
}

function keysOf(value: string, from: number, to: number): Uint16Array {
  const keys = new Uint16Array(to - from)
  for (let index = from; index < to; index++) keys[index - from] = modelKey(value.charCodeAt(index))
  return keys
}

function repairSpansByPairs(
  text: Text,
  file: VFile,
  suspects: Suspect[],
  read: (value: string, start: number) => SpanReading | undefined,
  budget: {remaining: number},
  settings: PairSettings,
): void {
  walkSpans(text, file, suspects, budget, (value, start, signal) => {
    if (isStopAndClosingQuote(value, start)) {
      return {settled: {replacement: '\u3002\u201d', unsure: 0, end: value.length}}
    }
    const reading = read(value, start)
    if (reading && isRepair(reading, settings)) {
      return {settled: {replacement: reading.replacement, unsure: reading.unsure, end: reading.end}}
    }
    if (reading?.overBudget || (reading && reading.gain >= doubtfulGain) || isTelling(value, start, signal)) {
      return {doubt: pairDoubtReason(value, start, reading), end: reading?.end ?? start + 1}
    }
    return undefined
  })
}

// Signals real text does not give: a span with one is warned about whatever its reading gains, as
// is any span after U+FFFD (a decoder's mark, never a question).
function isTelling(value: string, start: number, signal: Signal): boolean {
  return (
    signal === 'unpaired-end' ||
    signal === 'lone-lead' ||
    signal === 'stray-script' ||
    signal === 'stray-mark' ||
    signal === 'alphanumeric-run' ||
    signal === 'ascii-pair' ||
    value.charCodeAt(start) === 0xfffd
  )
}

// A reading that restores fewer than two characters (`??` for a short `?!?`) is no repair: the
// span is left, warned.
function isRepair(reading: SpanReading, settings: PairSettings): boolean {
  return (
    !reading.overBudget &&
    reading.gain >= settings.minGain &&
    reading.endingShare >= endingCertainty &&
    reading.replacement.length - reading.unsure >= 2
  )
}

function pairDoubtReason(value: string, start: number, reading: SpanReading | undefined): string {
  const shown = value.slice(start, Math.min(reading?.windowEnd ?? start + 12, start + 12))
  if (reading?.overBudget)
    return `Possible GBK mojibake at \`${shown}\`, left as it is: the span is over the search budget`
  return `Possible GBK mojibake at \`${shown}\`, left as it is: no reading is certain`
}
