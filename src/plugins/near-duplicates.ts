// near-duplicates: finds paragraphs that repeat an earlier paragraph of the file but for small
// edits (a changed number, a typo fixed in the copy). Candidates come from a minhash sketch of
// each paragraph's normalized form, bucketed by band (see `dedupe/minhash`), so each paragraph
// costs a few lookups; each candidate is confirmed by an actual diff. By default a near
// duplicate is a warning giving both paragraphs, how alike they are and what differs; with
// `mode: 'remove'` the later one goes, as an info fix whose cause is the first. Paragraphs under
// 20 code points and exact repeats (the business of dedupe-paragraphs) are never compared.
// Inside a line, a later span that nearly repeats an earlier one (a page holding the article and
// then an edited version of it) is found by sentence alignment (see `dedupe/near-spans`) and
// reported or removed the same way. Never changes the text it keeps. Runs after
// dedupe-paragraphs and dedupe-sentences, so exact repeats are gone.
import diff from 'fast-diff'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {FormUnits, normalizedForm} from '../dedupe/key.js'
import {BandIndex, bandCount, bandKeys, sketch, sketchSize} from '../dedupe/minhash.js'
import {findNearDuplicateSpans, type NearSpan, nearSpanDefaults, sharedInOrder} from '../dedupe/near-spans.js'
import type {SentenceForms} from '../dedupe/sentence-forms.js'
import {pointIn, reportDoubt, reportRemoval} from '../messages.js'
import type {Paragraph, Root, Text} from '../syntax/types.js'

const ruleId = 'near-duplicates'

export interface Options {
  // `warn` reports a near duplicate, `remove` removes it; default `warn`.
  mode?: 'warn' | 'remove'
  // Paragraphs shorter than this (code points, once normalized) are not compared; default 20.
  minLength?: number
  // The least similarity that counts: characters both normalized forms share over the longer
  // form's length; default 0.9.
  minSimilarity?: number
  // The least similarity of two spans of one line (see `dedupe/near-spans`); default 0.7.
  minSpanSimilarity?: number
}

const nearDuplicates: Plugin<[Options?], Root> = function (options = {}) {
  const mode = options.mode ?? 'warn'
  const minLength = options.minLength ?? 20
  const minSimilarity = options.minSimilarity ?? 0.9
  const spanOptions = {...nearSpanDefaults, minSimilarity: options.minSpanSimilarity ?? nearSpanDefaults.minSimilarity}
  return function (tree: Root, file: VFile) {
    const paragraphs = tree.children
    // The sentence forms the dedupe steps read, for the paragraphs whose text is still the same.
    const shared = file.data.sentenceForms
    delete file.data.sentenceForms
    const sentenceForms = shared?.texts.length === paragraphs.length ? shared : undefined
    paragraphs.forEach((paragraph, index) => {
      const same = sentenceForms?.texts[index] === paragraph.children[0].value
      compareSpans(file, paragraph, mode, spanOptions, same ? sentenceForms : undefined, index)
    })
    // A paragraph's sketch is read off its form's units; the form as a string is made only for
    // the few candidate pairs its length and key do not settle.
    const forms = new FormUnits()
    const formStrings: string[] = []
    const formLengths = new Int32Array(paragraphs.length)
    // Whether the dedupe steps' key of the paragraph is the key of its text as it is now.
    const isKeyed = (index: number) =>
      sentenceForms !== undefined &&
      sentenceForms.byDefinition[index] === 0 &&
      sentenceForms.paragraphHasKey[index] === 1 &&
      sentenceForms.texts[index] === paragraphs[index]!.children[0].value
    const ofParagraphs: ParagraphForms = {
      formOf: (index) => {
        formStrings[index] ??= normalizedForm(paragraphs[index]!.children[0].value)
        return formStrings[index]
      },
      lengthOf: (index) => formLengths[index]!,
      sameForm: (a, b) =>
        isKeyed(a) && isKeyed(b)
          ? sameKey(sentenceForms!.paragraphKeys, a, b)
          : ofParagraphs.formOf(a) === ofParagraphs.formOf(b),
    }
    const bands = new BandIndex(paragraphs.length)
    const bins = new Uint32Array(sketchSize)
    const keys = new Uint32Array(bandCount)
    const candidates: number[] = []
    const removed = new Set<number>()
    paragraphs.forEach((paragraph, index) => {
      forms.read(paragraph.children[0].value)
      if (forms.codePoints < minLength) return
      formLengths[index] = forms.length
      bandKeys(sketch(forms.units, forms.length, bins), keys)
      const match = bestEarlierMatch(ofParagraphs, index, bands.candidates(keys, candidates), minSimilarity)
      if (match === undefined) {
        bands.add(index, keys)
        return
      }
      if (mode === 'remove') {
        if (reportNearRepeatRemoval(file, paragraphs[index]!, paragraphs[match.index]!, match.similarity)) {
          removed.add(index)
        }
      } else {
        reportNearDuplicate(file, paragraphs[index]!, paragraphs[match.index]!, match.similarity)
        bands.add(index, keys)
      }
    })
    if (removed.size > 0) tree.children = paragraphs.filter((_, index) => !removed.has(index))
  }
}

export default nearDuplicates

// The near-duplicate spans of one line, reported, or removed with `mode: 'remove'`.
function compareSpans(
  file: VFile,
  paragraph: Paragraph,
  mode: 'warn' | 'remove',
  options: typeof nearSpanDefaults,
  forms: SentenceForms | undefined,
  index: number,
): void {
  const node = paragraph.children[0]
  const {spans, overBudget} = findNearDuplicateSpans(node.value, options, forms, index)
  if (overBudget) {
    const reason = `Near-duplicate comparison counted a gap of over ${options.maxGapLength} characters as all changed, without a diff`
    reportDoubt(file, reason, ruleId, pointIn(node, 0))
  }
  if (mode === 'warn') {
    for (const span of spans) reportNearSpan(file, node, span)
    return
  }
  const removals = spans.filter((span) => reportNearSpanRemoval(file, node, span))
  if (removals.length > 0) {
    let kept = ''
    let from = 0
    for (const span of removals) {
      kept += node.value.slice(from, span.start)
      from = span.end
    }
    node.value = kept + node.value.slice(from)
  }
}

// What a match is found with: the paragraphs' normalized forms (made on first ask), their
// lengths in code units, and whether two are equal.
interface ParagraphForms {
  formOf(index: number): string
  lengthOf(index: number): number
  sameForm(a: number, b: number): boolean
}

// Whether the key in words `2a`, `2a + 1` of `keys` is the one in words `2b`, `2b + 1`: equal
// forms always share a key, different ones about once in 2^64 (FormHasher, key.ts).
function sameKey(keys: Uint32Array, a: number, b: number): boolean {
  return keys[2 * a] === keys[2 * b] && keys[2 * a + 1] === keys[2 * b + 1]
}

// The most similar earlier paragraph among the candidates (the earliest on a tie), if alike enough
// and not an exact repeat. A pair whose lengths alone rule it out is passed over before any form
// is compared (see similarityOf).
function bestEarlierMatch(
  paragraphs: ParagraphForms,
  index: number,
  candidates: Iterable<number>,
  minSimilarity: number,
): {index: number; similarity: number} | undefined {
  const {formOf} = paragraphs
  let best: {index: number; similarity: number} | undefined
  for (const candidate of candidates) {
    if (minSimilarity > 0 && isBelowFloor(paragraphs.lengthOf(candidate), paragraphs.lengthOf(index), minSimilarity))
      continue
    if (paragraphs.sameForm(candidate, index)) continue
    const similarity = similarityOf(formOf(candidate), formOf(index), minSimilarity)
    if (similarity < minSimilarity) continue
    if (!best || similarity > best.similarity || (similarity === best.similarity && candidate < best.index)) {
      best = {index: candidate, similarity}
    }
  }
  return best
}

// Characters `a` and `b` share in order (by fast-diff) over the longer one's length.
export function similarityOf(a: string, b: string, atLeast = 0): number {
  const longer = Math.max(a.length, b.length)
  if (longer === 0) return 1
  // What the two have in common in any order bounds what they share in order: pairs that cannot
  // reach `atLeast` are ruled out without a diff.
  const floor = longer * Math.max(atLeast, 0.5)
  if (isBelowFloor(a.length, b.length, atLeast) || commonCharacters(a, b) < floor) return 0
  let shared = 0
  for (const [operation, text] of diff(a, b)) if (operation === diff.EQUAL) shared += text.length
  return shared / longer
}

// Whether texts of these lengths are too far apart to share `atLeast` (at least half) of the
// longer one's characters: similarityOf gives them 0.
function isBelowFloor(aLength: number, bLength: number, atLeast: number): boolean {
  return Math.min(aLength, bLength) < Math.max(aLength, bLength) * Math.max(atLeast, 0.5)
}

// How many characters `a` and `b` have in common, counted with repeats, in any order. Counted in
// one table per code unit, left all zero again after each call: no map per comparison.
export function commonCharacters(a: string, b: string): number {
  for (let index = 0; index < a.length; index++) unitCounts[a.charCodeAt(index)]!++
  let common = 0
  for (let index = 0; index < b.length; index++) {
    const code = b.charCodeAt(index)
    if (unitCounts[code]! > 0) {
      unitCounts[code]!--
      common++
    }
  }
  for (let index = 0; index < a.length; index++) unitCounts[a.charCodeAt(index)] = 0
  return common
}

const unitCounts = new Int32Array(0x10000)

// What the later paragraph changes, as up to three `old` -> `new` pairs of its diff against the first.
export function describeChanges(first: string, later: string): string {
  const changes: Array<[string, string]> = []
  sharedInOrder(first, later, changes)
  return formatChanges(changes)
}

// Up to three `old` -> `new` pairs, and how many more there are.
function formatChanges(changes: Array<[string, string]>): string {
  const more = changes.length > 3 ? ` and ${changes.length - 3} more` : ''
  return (
    changes
      .slice(0, 3)
      .map(([old, replacement]) => `\`${old}\` -> \`${replacement}\``)
      .join(', ') + more
  )
}

function percent(similarity: number): number {
  return Math.floor(similarity * 100)
}

function reportNearDuplicate(file: VFile, later: Paragraph, first: Paragraph, similarity: number): void {
  const text = later.children[0]
  const firstText = first.children[0]
  const firstPlace = pointIn(firstText, 0)
  const reason = `Paragraph nearly repeats line ${firstPlace.line} (${percent(similarity)}% alike): ${describeChanges(firstText.value, text.value)}`
  const message = reportDoubt(file, reason, ruleId, pointIn(text, 0))
  message.actual = text.value
  message.expected = [firstText.value]
}

// Whether the paragraph goes (a reviewer may have rejected its removal).
function reportNearRepeatRemoval(file: VFile, later: Paragraph, first: Paragraph, similarity: number): boolean {
  const text = later.children[0]
  const firstText = first.children[0]
  const firstPlace = pointIn(firstText, 0)
  const changes = describeChanges(firstText.value, text.value)
  const reason = `Unexpected near repeat of the paragraph on line ${firstPlace.line} (${percent(similarity)}% alike: ${changes}), removed`
  return reportRemoval(file, reason, {
    ruleId,
    kind: 'paragraph',
    text: text.value,
    place: pointIn(text, 0),
    firstCopy: {line: firstPlace.line, column: firstPlace.column},
    firstCopyReason: 'First copy of the nearly repeated paragraph',
  })
}

function reportNearSpan(file: VFile, node: Text, span: NearSpan): void {
  const firstPlace = pointIn(node, span.firstStart)
  const reason = `Text nearly repeats the text at ${firstPlace.line}:${firstPlace.column} (${percent(span.similarity)}% alike): ${formatChanges(span.changes)}`
  const message = reportDoubt(file, reason, ruleId, pointIn(node, span.start))
  message.actual = node.value.slice(span.start, span.end)
  message.expected = [node.value.slice(span.firstStart, span.firstEnd)]
}

// Whether the span goes (a reviewer may have rejected its removal).
function reportNearSpanRemoval(file: VFile, node: Text, span: NearSpan): boolean {
  const firstPlace = pointIn(node, span.firstStart)
  const changes = formatChanges(span.changes)
  const reason = `Unexpected near repeat of the text at ${firstPlace.line}:${firstPlace.column} (${percent(span.similarity)}% alike: ${changes}), removed`
  return reportRemoval(file, reason, {
    ruleId,
    kind: 'sentence',
    text: node.value.slice(span.start, span.end),
    place: pointIn(node, span.start),
    firstCopy: {line: firstPlace.line, column: firstPlace.column},
    firstCopyReason: 'First version of the nearly repeated text',
  })
}
