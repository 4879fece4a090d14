// The fixes the punctuation rules make in one paragraph, kept until the paragraph is done and
// then reported as vfile messages. Neighbouring conversions by the same rule (`!!!` after Han)
// make one fix, so a run is one message, with the reason of its first mark.
import {codePointName} from '../text/code-point-name.js'

export interface Fix {
  // The spec rule (`R5`).
  note: string
  // Where the fix starts, in the paragraph as the plugin received it.
  index: number
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
  addPair(note: string, index: number, actual: string, expected: string, why: string): void {
    this.fixes.push({note, index, actual, expected, why})
  }

  clear(): void {
    this.fixes = []
  }
}

// `Unexpected ASCII `,` between Chinese characters, expected U+FF0C`, as remark-lint words it.
export function describeFix(fix: Fix): string {
  return `Unexpected ASCII \`${fix.actual}\` ${fix.why}, expected ${describeMarks(fix.expected)}`
}

// `U+FF0C`, `2 x U+2026` (multiplication sign) for a repeated mark, `U+201C U+201D` for a pair.
export function describeMarks(marks: string): string {
  const names: string[] = []
  for (const mark of marks) names.push(codePointName(mark.codePointAt(0)!))
  if (names.length > 1 && names.every((name) => name === names[0])) return `${names.length} \u00D7 ${names[0]}`
  return names.join(' ')
}
