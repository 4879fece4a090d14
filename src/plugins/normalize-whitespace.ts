// normalize-whitespace (rule W of the punctuation spec): removes indentation and trailing blanks
// (spaces, tabs, U+3000, U+00A0) at both ends of a paragraph, and U+FEFF and zero-width characters
// (U+200B-U+200D, U+2060) anywhere; drops paragraphs left empty. Never changes spaces inside a
// paragraph: they separate Latin words. Line breaks are already LF-only once parsed.
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {pointIn, reportFix} from '../messages.js'
import type {Paragraph, Root, Text} from '../syntax/types.js'
import {hasInvisible, isBlank, isInvisible} from '../text/char-class.js'
import {codePointName} from '../text/code-point-name.js'

const ruleId = 'normalize-whitespace'

export interface Options {}

const normalizeWhitespace: Plugin<[Options?], Root> = function () {
  return function (tree: Root, file: VFile) {
    tree.children = tree.children.filter((paragraph: Paragraph) => {
      const text = paragraph.children[0]
      cleanText(text, file)
      return text.value.length > 0
    })
  }
}

export default normalizeWhitespace

// Each fix may be rejected by a reviewer; the blanks are found in the text the invisible
// characters' fix left, so the places are those of a run where every fix applies.
function cleanText(text: Text, file: VFile): void {
  const value = text.value
  let kept = removeInvisible(value)
  if (kept !== value && !report(file, text, 'Unexpected invisible character (U+FEFF or zero width)', 0, value, kept)) {
    kept = value
  }
  const start = leadingBlankLength(kept)
  const end = kept.length - trailingBlankLength(kept, start)
  let from = 0
  let to = kept.length
  if (start > 0) {
    const actual = kept.slice(0, start)
    if (report(file, text, `Unexpected indentation ${describe(actual)}`, 0, actual, '')) from = start
  }
  if (end < kept.length) {
    const actual = kept.slice(end)
    if (report(file, text, `Unexpected trailing ${describe(actual)}`, end, actual, '')) to = end
  }
  text.value = kept.slice(from, to)
}

function report(file: VFile, text: Text, reason: string, index: number, actual: string, expected: string): boolean {
  return reportFix(file, reason, {ruleId, place: pointIn(text, index), actual, expected, note: 'W'})
}

function removeInvisible(value: string): string {
  return hasInvisible(value) ? keepVisible(value) : value
}

function keepVisible(value: string): string {
  let kept = ''
  for (let index = 0; index < value.length; index++) {
    if (!isInvisible(value.charCodeAt(index))) kept += value[index]
  }
  return kept
}

function leadingBlankLength(value: string): number {
  let index = 0
  while (index < value.length && isBlank(value.charCodeAt(index))) index++
  return index
}

function trailingBlankLength(value: string, floor: number): number {
  let index = value.length
  while (index > floor && isBlank(value.charCodeAt(index - 1))) index--
  return value.length - index
}

function describe(blanks: string): string {
  const names = new Set([...blanks].map((character) => codePointName(character.codePointAt(0)!)))
  return `(${blanks.length} × ${[...names].join(', ')})`
}
