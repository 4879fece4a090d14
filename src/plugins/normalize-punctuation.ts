// normalize-punctuation (rules P0, R2-R8 of the punctuation spec): ASCII punctuation in Chinese
// context becomes the full-width mark GB/T 15834 asks for: dot runs to U+2026 (R2), quote pairs
// (R3), bracket pairs (R4), `,;?` (R5), `:` (R6), `!` (R7), a sentence-final `.` (R8). The rules
// apply until nothing changes, so a mark one rule converted is context for the others.
// Never changes a mark inside a P0 span (URL, e-mail, HTML entity, 13.5, 1,000, 10:30, Inc.), a mark
// in Latin context (Hello, world.), an unmatched bracket or half a quote pair, nor ~ - / % + = & # @.
// Runs after normalize-width and strip-pinyin: it needs ASCII digits and the annotations gone.
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {pointIn, reportFix} from '../messages.js'
import {convertDotRuns} from '../punctuation/ellipsis.js'
import {applyFixes, describeFix, FixList} from '../punctuation/fixes.js'
import {maskProtectedSpans} from '../punctuation/mask.js'
import {BracketStacks, pairMarks} from '../punctuation/pairs.js'
import {ParagraphBuffer} from '../punctuation/paragraph-buffer.js'
import {settleDoubleQuotes} from '../punctuation/quotes.js'
import {settleMarks, Waiting} from '../punctuation/settle.js'
import type {Root, Text} from '../syntax/types.js'

const ruleId = 'normalize-punctuation'

export interface Options {}

const normalizePunctuation: Plugin<[Options?], Root> = function () {
  return function (tree: Root, file: VFile) {
    let workspace: Workspace | undefined
    for (const paragraph of tree.children) {
      const text = paragraph.children[0]
      if (!hasConvertibleMark(text.value)) continue
      workspace ??= new Workspace(longestParagraph(tree))
      const {fixes} = workspace
      const value = text.value
      const normalized = normalizeParagraph(value, workspace)
      fixes.fixes.sort((a, b) => a.index - b.index)
      const applied = fixes.fixes.filter((fix) =>
        report(file, text, () => describeFix(fix), fix.index, fix.actual, fix.expected, fix.note),
      )
      text.value = applied.length === fixes.fixes.length ? normalized : applyFixes(value, applied)
      fixes.clear()
    }
  }
}

export default normalizePunctuation

// What the rules work in, made at a document's first paragraph with a convertible mark, with room
// for its longest paragraph, and reused for the rest of that document: one allocation per
// document, none per paragraph or character.
export class Workspace {
  buffer: ParagraphBuffer
  fixes = new FixList()
  stacks = new BracketStacks()
  waiting = new Waiting()

  constructor(capacity: number) {
    this.buffer = new ParagraphBuffer(capacity)
  }
}

function longestParagraph(tree: Root): number {
  let longest = 0
  for (const paragraph of tree.children) longest = Math.max(longest, paragraph.children[0].value.length)
  return longest
}

// The paragraph with P0 masked and R2-R8 applied until nothing changes; the fixes made are left
// in `workspace.fixes`, indexed into `value`. R2 depends on Han neighbours only, so it goes
// first, once.
export function normalizeParagraph(value: string, workspace: Workspace): string {
  const {buffer, fixes} = workspace
  buffer.load(value)
  maskProtectedSpans(buffer)
  const ellipses = convertDotRuns(buffer, fixes)
  pairMarks(buffer, workspace.stacks)
  if (!settleMarks(buffer, fixes, workspace.waiting) && !ellipses) return value
  settleDoubleQuotes(buffer, value, fixes)
  return buffer.spliceInto(value)
}

// The ASCII marks some rule may convert: ! " ' ( ) , . : ; ? [ ], but for a `.`, `,` or `:`
// between two ASCII digits, which P0 always masks (13.5, 1,000, 10:30).
const convertible = /[!"'();?[\]]|(?<![0-9])[.,:]|[.,:](?![0-9])/

// Whether the paragraph holds a mark some rule may convert; most clean paragraphs hold none and
// cost this one native scan (a quarter of raw news paragraphs hold only numbers' separators).
export function hasConvertibleMark(value: string): boolean {
  return convertible.test(value)
}

function report(
  file: VFile,
  text: Text,
  reason: () => string,
  index: number,
  actual: string,
  expected: string,
  note: string,
): boolean {
  return reportFix(file, reason, {ruleId, place: pointIn(text, index), actual, expected, note})
}
