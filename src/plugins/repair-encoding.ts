// repair-encoding: repairs text that a GBK decoder misread one byte off after losing a lead byte
// at a chunk boundary (`?` or U+FFFD, then unrelated characters until an ASCII byte put it back
// in step), with what scrapers did afterwards (full-width forms folded to ASCII, private-use
// characters stripped). A span is repaired only when one reading of its bytes is far more
// likely than every other and than the text as it is, and explains the damage byte for byte; a
// character whose hidden byte no model is sure of becomes U+FFFD, with a warning. Never changes a
// `?` followed by ordinary Chinese text (a question), nor any span it is unsure of: those get a
// warning for a reviewer. Bounded: a cheap scan passes over almost every `?`, each span searched
// has a fixed budget, and so has the document. Runs first: every later rule needs the real
// characters.
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {pointIn, reportDoubt, reportFix} from '../messages.js'
import {modelKey} from '../repair/frequency.js'
import {DocumentModel} from '../repair/model.js'
import {readSpan, type SpanReading} from '../repair/reading.js'
import {maxSpan} from '../repair/span-bytes.js'
import {damageSignal, isShapeSignal, nextDamageMark} from '../repair/spans.js'
import type {Root, Text} from '../syntax/types.js'

const ruleId = 'repair-encoding'

export interface Options {
  // Least log10 gain per character of the damaged reading over the text as it is for a repair
  // (default 0.5).
  minGain?: number
  // Least posterior of a character guessed from one byte for it to be written (default 0.95).
  guessCertainty?: number
  // Least posterior of where the span ends for a repair (default 0.99).
  structureCertainty?: number
}

// A span left as it is gets a warning when the damaged reading gains at least this much (log10
// per character) over the text as it is: a real question loses far more.
const doubtfulGain = -0.3
// Steps (pairs of characters scored) a span may spend, and a document: a base, and more per code
// unit of text, so no input costs more than a few times its clean-text time.
const spanSteps = 2_000_000
const documentBaseSteps = 4_000_000
const documentStepsPerUnit = 100

interface Suspect {
  start: number
  windowEnd: number
}

interface Settings {
  minGain: number
  guessCertainty: number
  structureCertainty: number
}

// Steps still to spend on the document's spans.
interface Budget {
  remaining: number
}

const repairEncoding: Plugin<[Options?], Root> = function (options = {}) {
  const settings: Settings = {
    minGain: options.minGain ?? 0.5,
    guessCertainty: options.guessCertainty ?? 0.95,
    structureCertainty: options.structureCertainty ?? 0.99,
  }
  return function (tree: Root, file: VFile) {
    const texts = tree.children.map((paragraph) => paragraph.children[0])
    const suspects = texts.map((text) => findSuspects(text.value))
    if (suspects.every((list) => list.length === 0)) return
    const length = texts.reduce((sum, text) => sum + text.value.length, 0)
    const budget = {remaining: documentBaseSteps + documentStepsPerUnit * length}
    const models = new Map<string, DocumentModel>()
    // A page captured twice repeats its damage too; the same span in the same setting is
    // weighed once.
    const readings = new Map<string, SpanReading | undefined>()
    texts.forEach((text, index) => {
      if (suspects[index]!.length === 0) return
      const [first, last] = neighbourhood(texts, index)
      const key = `${first}:${last}`
      if (!models.has(key)) models.set(key, buildModel(texts, suspects, first, last))
      const model = models.get(key)!
      const read = (value: string, start: number): SpanReading | undefined => {
        const spanKey = `${key}|${start}|${value.slice(Math.max(0, start - 8), start + maxSpan + 8)}`
        if (!readings.has(spanKey)) {
          const limit = Math.min(spanSteps, budget.remaining)
          const reading = readSpan(value, start, model, limit, settings.guessCertainty)
          budget.remaining -= reading?.steps ?? 0
          readings.set(spanKey, reading)
        }
        return readings.get(spanKey)
      }
      repairText(text, file, read, budget, settings)
    })
  }
}

export default repairEncoding

// The damage marks of a paragraph that come with a signal, and how far each could reach.
export function findSuspects(value: string): Suspect[] {
  const suspects: Suspect[] = []
  for (let start = nextDamageMark(value, 0); start !== -1; start = nextDamageMark(value, start + 1)) {
    if (damageSignal(value, start)) suspects.push({start, windowEnd: Math.min(value.length, start + maxSpan + 1)})
  }
  return suspects
}

// How much text on each side of a damaged paragraph its model learns from (code units). An
// article is far shorter, so an ordinary document is learnt whole, once; a file holding many
// articles costs no more per repair than one article does.
const contextUnits = 16 * 1024

// The first and last paragraph of the text around paragraph `center` that its model learns from.
export function neighbourhood(texts: Text[], center: number): [number, number] {
  let first = center
  let before = 0
  while (first > 0 && before + texts[first - 1]!.value.length <= contextUnits) before += texts[--first]!.value.length
  let last = center
  let after = 0
  while (last < texts.length - 1 && after + texts[last + 1]!.value.length <= contextUnits)
    after += texts[++last]!.value.length
  return [first, last]
}

// The counts of paragraphs `first` to `last`, without the suspect stretches.
function buildModel(texts: Text[], suspects: Suspect[][], first: number, last: number): DocumentModel {
  const model = new DocumentModel()
  for (let index = first; index <= last; index++) {
    const excluded = suspects[index]!.map(({start, windowEnd}) => [start, windowEnd] as const)
    model.addParagraph(keysOf(texts[index]!.value), excluded)
  }
  return model
}

function keysOf(value: string): Uint16Array {
  const keys = new Uint16Array(value.length)
  for (let index = 0; index < value.length; index++) keys[index] = modelKey(value.charCodeAt(index))
  return keys
}

function repairText(
  text: Text,
  file: VFile,
  read: (value: string, start: number) => SpanReading | undefined,
  budget: Budget,
  settings: Settings,
): void {
  const value = text.value
  let repaired = ''
  let copied = 0
  let unsearched = 0
  let firstUnsearched = -1
  for (let start = nextDamageMark(value, 0); start !== -1; start = nextDamageMark(value, start)) {
    const signal = damageSignal(value, start)
    if (!signal) {
      start++
      continue
    }
    if (budget.remaining <= 0) {
      if (unsearched++ === 0) firstUnsearched = start
      start++
      continue
    }
    const reading = read(value, start)
    if (reading && isRepair(reading, settings)) {
      reportRepair(text, file, start, value.slice(start, reading.end), reading)
      repaired += value.slice(copied, start) + reading.replacement
      copied = reading.end
      start = reading.end
      continue
    }
    if (reading?.overBudget || isShapeSignal(signal) || (reading && reading.gain >= doubtfulGain)) {
      reportDoubt(file, doubtReason(value, start, reading), ruleId, pointIn(text, start))
      // A `?` inside a span read one byte off is no new start: repairing from there would
      // pair the bytes wrongly.
      start = Math.max(start + 1, reading?.end ?? 0)
      continue
    }
    start++
  }
  if (unsearched > 0) {
    const reason = `Possible GBK mojibake at ${unsearched} places from here, left as they are: the document's repair budget is spent`
    reportDoubt(file, reason, ruleId, pointIn(text, firstUnsearched))
  }
  if (copied > 0) text.value = repaired + value.slice(copied)
}

function isRepair(reading: SpanReading, settings: Settings): boolean {
  return !reading.overBudget && reading.gain >= settings.minGain && reading.endingShare >= settings.structureCertainty
}

function reportRepair(text: Text, file: VFile, start: number, actual: string, reading: SpanReading): void {
  const expected = reading.replacement
  reportFix(
    file,
    `Unexpected GBK mojibake \`${actual}\` (a lead byte lost, the rest read one byte off), expected \`${expected}\``,
    {ruleId, place: pointIn(text, start), actual, expected},
  )
  if (reading.unsure === 0) return
  const reason = `Repaired GBK mojibake \`${actual}\` as \`${expected}\`: ${reading.unsure} ${
    reading.unsure === 1 ? 'character' : 'characters'
  } no reading is sure of written as U+FFFD`
  reportDoubt(file, reason, ruleId, pointIn(text, start))
}

function doubtReason(value: string, start: number, reading: SpanReading | undefined): string {
  const shown = value.slice(start, Math.min(reading?.windowEnd ?? start + 12, start + 12))
  if (reading?.overBudget)
    return `Possible GBK mojibake at \`${shown}\`, left as it is: the span is over the search budget`
  return `Possible GBK mojibake at \`${shown}\`, left as it is: no reading is certain`
}
