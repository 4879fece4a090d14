// The fixes the punctuation rules make in one paragraph, kept until the paragraph is done and
// then reported as vfile messages. Neighbouring conversions by the same rule (`!!!` after Han)
// make one fix, so a run is one message, with the reason of its first mark.
import {codePointName} from '../text/code-point-name.js'

export interface Fix {
  // The spec rule (`R5`).
  note: string
  // Where the fix starts, in the paragraph as the plugin received it.
  index: number
  // A pair's closing mark (its opening one is at `index`); absent for a run of marks.
  close?: number
  actual: string
  expected: string
  // Why, as the end of the reason: `between Chinese characters`.
  why: string
}

export class FixList {
  fixes: Fix[] = []

  add(note: string, index: number, actual: string, expected: string, why: string): void {
    const last = this.fixes[this.fixes.length - 1]
    if (last && last.note === note && last.index + last.actual.length === index) {
      last.actual += actual
      last.expected += expected
      return
    }
    this.fixes.push({note, index, actual, expected, why})
  }

  // A pair of marks (quotes, brackets): one fix of its own, never joined to a neighbour's.
  addPair(note: string, index: number, close: number, actual: string, expected: string, why: string): void {
    this.fixes.push({note, index, close, actual, expected, why})
  }

  clear(): void {
    this.fixes = []
  }
}

// The paragraph with only these fixes made, the others (a reviewer rejected them) left as they
// were: a run's marks replaced where it starts, a pair's two marks each where it stands.
export function applyFixes(value: string, fixes: Fix[]): string {
  const edits: Array<[index: number, length: number, replacement: string]> = []
  for (const fix of fixes) {
    if (fix.close === undefined) edits.push([fix.index, fix.actual.length, fix.expected])
    else edits.push([fix.index, 1, fix.expected.charAt(0)], [fix.close, 1, fix.expected.charAt(1)])
  }
  edits.sort((left, right) => left[0] - right[0])
  let text = ''
  let copied = 0
  for (const [index, length, replacement] of edits) {
    text += value.slice(copied, index) + replacement
    copied = index + length
  }
  return text + value.slice(copied)
}

// `Unexpected ASCII `,` between Chinese characters, expected U+FF0C`, as remark-lint words it.
export function describeFix(fix: Fix): string {
  return `Unexpected ASCII \`${fix.actual}\` ${fix.why}, expected ${describeMarks(fix.expected)}`
}

// `U+FF0C`, `2 x U+2026` (multiplication sign) for a repeated mark, `U+201C U+201D` for a pair.
// A document names the same few marks thousands of times: each is described once a thread (up
// to `describedMarks` of them).
function describeMarks(marks: string): string {
  let description = descriptions.get(marks)
  if (description === undefined) {
    description = describeMarksOnce(marks)
    if (descriptions.size < describedMarks) descriptions.set(marks, description)
  }
  return description
}

const descriptions = new Map<string, string>()
const describedMarks = 256

function describeMarksOnce(marks: string): string {
  const names: string[] = []
  for (const mark of marks) names.push(codePointName(mark.codePointAt(0)!))
  if (names.length > 1 && names.every((name) => name === names[0])) return `${names.length} \u00D7 ${names[0]}`
  return names.join(' ')
}
