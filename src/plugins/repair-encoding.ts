// repair-encoding: repairs text that a GBK decoder misread one byte off after losing a lead byte
// at a chunk boundary (`?` or U+FFFD, then unrelated characters until an ASCII byte put it back
// in step), with what scrapers did afterwards (full-width forms folded to ASCII, private-use
// characters stripped). A span is repaired only when one reading of its bytes is far more
// likely than every other and than the text as it is; a byte that is truly lost becomes U+FFFD.
// Never changes a `?` followed by ordinary Chinese text (a question), nor any span it is unsure
// of: those get a warning for a reviewer. Runs first: every later rule needs the real characters.
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {pointIn, reportDoubt, reportFix} from '../messages.js'
import {isPrivateUse} from '../repair/gbk.js'
import {DocumentModel} from '../repair/model.js'
import {findWindowEnd, type Verdict, weighSpan} from '../repair/search.js'
import {damageSignal, nextDamageMark} from '../repair/spans.js'
import type {Root, Text} from '../syntax/types.js'

const ruleId = 'repair-encoding'

export interface Options {
  // Least posterior probability of the best reading for a repair (default 0.95).
  certainty?: number
}

// A span left as it is gets a warning when a reading is at least this likely, or the text as it
// is at most this likely.
const doubtfulReading = 0.2
const doubtfulText = 0.05

interface Suspect {
  start: number
  windowEnd: number
}

const repairEncoding: Plugin<[Options?], Root> = function (options = {}) {
  const certainty = options.certainty ?? 0.95
  return function (tree: Root, file: VFile) {
    const texts = tree.children.map((paragraph) => paragraph.children[0])
    const suspects = texts.map((text) => findSuspects(text.value))
    if (suspects.every((list) => list.length === 0)) return
    const models = new Map<string, DocumentModel>()
    // A page captured twice repeats its damage too; the same span in the same setting is
    // weighed once.
    const verdicts = new Map<string, Verdict>()
    const restorePrivateUse = !texts.some((text) => hasPrivateUse(text.value))
    texts.forEach((text, index) => {
      if (suspects[index]!.length === 0) return
      const [first, last] = neighbourhood(texts, index)
      const key = `${first}:${last}`
      if (!models.has(key)) models.set(key, buildModel(texts, suspects, first, last))
      const quoteContinues = opensWithQuote(texts[index + 1]?.value ?? '')
      const settings = {certainty, restorePrivateUse, quoteContinues}
      const weigh = (value: string, start: number): Verdict => {
        const spanKey = `${key}|${quoteContinues}|${start}|${value}`
        if (!verdicts.has(spanKey)) verdicts.set(spanKey, weighSpan(value, start, models.get(key)!, settings))
        return verdicts.get(spanKey)!
      }
      repairText(text, file, weigh, certainty)
    })
  }
}

export default repairEncoding

// The damage marks of a paragraph that come with a signal, and how far each could reach.
export function findSuspects(value: string): Suspect[] {
  const suspects: Suspect[] = []
  for (let start = nextDamageMark(value, 0); start !== -1; start = nextDamageMark(value, start + 1)) {
    if (damageSignal(value, start)) suspects.push({start, windowEnd: findWindowEnd(value, start)})
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
    model.addParagraph(texts[index]!.value, excluded)
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

function repairText(
  text: Text,
  file: VFile,
  weigh: (value: string, start: number) => Verdict,
  certainty: number,
): void {
  const value = text.value
  let repaired = ''
  let copied = 0
  for (let start = nextDamageMark(value, 0); start !== -1; start = nextDamageMark(value, start)) {
    if (!damageSignal(value, start)) {
      start++
      continue
    }
    const verdict = weigh(value, start)
    const best = verdict.best
    if (best && verdict.posterior >= certainty) {
      const actual = value.slice(start, best.end)
      const applied = reportFix(
        file,
        `Unexpected GBK mojibake \`${actual}\` (a lead byte lost, the rest read one byte off), expected \`${best.replacement}\``,
        {
          ruleId,
          place: pointIn(text, start),
          actual,
          expected: best.replacement,
        },
      )
      if (applied) {
        repaired += value.slice(copied, start) + best.replacement
        copied = best.end
      }
      start = best.end
      continue
    }
    if (isDoubtful(verdict)) {
      reportDoubt(file, doubtReason(value, start, verdict), ruleId, pointIn(text, start))
      // A `?` inside a span read one byte off is no new start: repairing from there would
      // pair the bytes wrongly.
      start = Math.max(start + 1, verdict.best?.end ?? 0)
      continue
    }
    start++
  }
  if (copied > 0) text.value = repaired + value.slice(copied)
}

function isDoubtful(verdict: Verdict): boolean {
  return verdict.genuine < doubtfulText || (verdict.genuine < 0.5 && verdict.posterior >= doubtfulReading)
}

function doubtReason(value: string, start: number, verdict: Verdict): string {
  const shown = value.slice(start, Math.min(verdict.windowEnd, start + 12))
  const best = verdict.best
  const guess = best
    ? `; best reading \`${best.replacement}\` for \`${value.slice(start, best.end)}\` (${percent(verdict.posterior)})`
    : ''
  return `Possible GBK mojibake at \`${shown}\`, left as it is: no reading is certain${guess}`
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`
}
