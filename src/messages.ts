// How every plugin speaks: vfile messages with the plugin's name as ruleId and `newsclean` as
// source, so the reports and the terminal are built from messages rather than a second guess.
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Point, Text} from './syntax/types.js'

export const source = 'newsclean'

export interface Fix {
  ruleId: string
  place: Point
  actual: string
  expected: string
  // The spec rule behind the fix (`R5`), where one applies.
  note?: string
}

// An applied fix: `info`, with what was there and what replaced it.
export function reportFix(file: VFile, reason: string, fix: Fix): VFileMessage {
  const message = file.info(reason, {place: fix.place, ruleId: fix.ruleId, source})
  message.actual = fix.actual
  message.expected = [fix.expected]
  if (fix.note) message.note = fix.note
  return message
}

// A doubt a person must settle: a warning, nothing changed.
export function reportDoubt(file: VFile, reason: string, ruleId: string, place: Point): VFileMessage {
  return file.message(reason, {place, ruleId, source})
}

// The point `index` code units into a text node as the plugin sees it. Lines are exact (one
// paragraph is one input line); columns count in the text after the earlier plugins' fixes.
export function pointIn(node: Text, index: number): Point {
  const start = node.position?.start ?? {line: 1, column: 1, offset: 0}
  return {
    line: start.line,
    column: start.column + index,
    offset: start.offset === undefined ? undefined : start.offset + index,
  }
}
