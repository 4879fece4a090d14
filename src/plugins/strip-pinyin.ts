// strip-pinyin (rule R1 of the punctuation spec): removes a pinyin annotation right after a Han
// character, `H(syllable)` with ASCII or full-width brackets, when the syllable without its tone
// is a reading of H, or when it carries a tone mark and the document holds two or more such toned
// syllables after Han (an annotated text; a single one that is no reading is reported, kept).
// Never removes a real parenthetical: (Xinhua), (2012), (a), (AP), (a Chinese byline).
// Runs after normalize-width (the letters must be ASCII) and before normalize-punctuation, whose
// bracket rule would otherwise make the annotation's brackets full-width.
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {pointIn, reportDoubt, reportFix} from '../messages.js'
import {type Annotation, isSyllable, loadReadings, type ReadingsOf, readAnnotation} from '../punctuation/pinyin.js'
import type {Root, Text} from '../syntax/types.js'
import {isHan} from '../text/char-class.js'
import {codePointBefore} from '../text/code-point.js'

const ruleId = 'strip-pinyin'

export interface Options {}

// An annotation found after a Han character; whether it goes is decided once the whole document
// has been read.
interface Candidate {
  text: Text
  start: number
  end: number
  han: number
  toneless: string
  toned: boolean
}

const stripPinyin: Plugin<[Options?], Root> = function () {
  return function (tree: Root, file: VFile) {
    const candidates: Candidate[] = []
    for (const paragraph of tree.children) collectCandidates(paragraph.children[0], candidates)
    if (candidates.length === 0) return
    return loadReadings().then((readingsOf) => stripAnnotations(candidates, readingsOf, file))
  }
}

export default stripPinyin

// Annotations after Han characters in one text node, in order; a native search jumps from one
// opening bracket to the next.
function collectCandidates(text: Text, candidates: Candidate[]): void {
  const value = text.value
  for (let index = nextOpeningBracket(value, 1); index >= 0; index = nextOpeningBracket(value, index + 1)) {
    const han = codePointBefore(value, index)
    if (!isHan(han)) continue
    let start = index
    // Annotations stacked on one character (`H(chǎn)(chǎn)`) are each after H once the one before
    // goes, so they are read together: one pass leaves what a second would.
    for (let annotation = pinyinAt(value, start); annotation; annotation = pinyinAt(value, start)) {
      const {end, toneless, toned} = annotation
      candidates.push({text, start, end, han, toneless, toned})
      start = annotation.end
    }
    if (start > index) index = start - 1
  }
}

const openingBracket = /[(\uFF08]/g

// The first `(` or U+FF08 at or after `from`, or -1.
function nextOpeningBracket(value: string, from: number): number {
  openingBracket.lastIndex = from
  return openingBracket.test(value) ? openingBracket.lastIndex - 1 : -1
}

// The pinyin annotation opening at `start`, if one does.
function pinyinAt(value: string, start: number): Annotation | undefined {
  const code = value.charCodeAt(start)
  if (code !== 0x28 && code !== 0xff08) return undefined
  const annotation = readAnnotation(value, start)
  return annotation && isSyllable(annotation.toneless) ? annotation : undefined
}

// Decides on every candidate of the document at once: the toned ones count together.
function stripAnnotations(candidates: Candidate[], readingsOf: ReadingsOf, file: VFile): void {
  const tonedCount = candidates.filter((candidate) => candidate.toned).length
  let removals: Candidate[] = []
  for (const candidate of candidates) {
    if (removals.length > 0 && removals[0]!.text !== candidate.text) {
      removeAnnotations(removals)
      removals = []
    }
    const reading = readingsOf(candidate.han).includes(candidate.toneless)
    if (reading || (candidate.toned && tonedCount >= 2)) {
      if (reportRemoval(file, candidate, reading)) removals.push(candidate)
    } else if (candidate.toned) {
      reportKept(file, candidate)
    }
  }
  if (removals.length > 0) removeAnnotations(removals)
}

// Removes the annotations of one text node, all given in order.
function removeAnnotations(removals: Candidate[]): void {
  const text = removals[0]!.text
  const value = text.value
  let clean = ''
  let copied = 0
  for (const removal of removals) {
    clean += value.slice(copied, removal.start)
    copied = removal.end
  }
  text.value = clean + value.slice(copied)
}

// Whether the annotation may go (a reviewer may have rejected its removal).
function reportRemoval(file: VFile, candidate: Candidate, reading: boolean): boolean {
  const actual = candidate.text.value.slice(candidate.start, candidate.end)
  const why = reading ? 'a reading of it' : 'one of several toned syllables in the document'
  return reportFix(
    file,
    `Unexpected pinyin annotation \`${actual}\` after \`${String.fromCodePoint(candidate.han)}\`, ${why}`,
    {
      ruleId,
      place: pointIn(candidate.text, candidate.start),
      actual,
      expected: '',
      note: 'R1',
    },
  )
}

function reportKept(file: VFile, candidate: Candidate): void {
  const actual = candidate.text.value.slice(candidate.start, candidate.end)
  const reason = `Possible pinyin annotation \`${actual}\` after \`${String.fromCodePoint(candidate.han)}\` kept: not a reading of it, and the only toned syllable in the document`
  reportDoubt(file, reason, ruleId, pointIn(candidate.text, candidate.start))
}
