// How every plugin speaks: vfile messages with the plugin's name as ruleId and `newsclean` as
// source, so the reports and the terminal are built from messages rather than a second guess.
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {type FirstCopy, recordRemoval} from './data.js'
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
  const message = withoutStackTrace(() => file.info(reason, {place: fix.place, ruleId: fix.ruleId, source}))
  message.actual = fix.actual
  message.expected = [fix.expected]
  if (fix.note) message.note = fix.note
  return message
}

// A doubt a person must settle: a warning, nothing changed.
export function reportDoubt(file: VFile, reason: string, ruleId: string, place: Point): VFileMessage {
  return withoutStackTrace(() => file.message(reason, {place, ruleId, source}))
}

export interface RemovalReport {
  ruleId: string
  // `paragraph`: a whole paragraph went; `sentence`: a run of sentences inside one.
  kind: 'paragraph' | 'sentence'
  text: string
  place: Point
  firstCopy: FirstCopy
  // What the cause, a message placed at the first copy, says of it.
  firstCopyReason: string
}

// A removed repeat: `info` with the removed text as `actual` and, as its `cause`, a message at
// the first copy; also recorded on `file.data.removed` for the reports.
export function reportRemoval(file: VFile, reason: string, removal: RemovalReport): VFileMessage {
  const {ruleId, kind, text, place, firstCopy} = removal
  return withoutStackTrace(() => {
    const firstPlace = {line: firstCopy.line, column: firstCopy.column}
    const cause = new VFileMessage(removal.firstCopyReason, {place: firstPlace, ruleId, source})
    cause.file = firstCopy.path ?? file.path ?? ''
    const message = file.info(reason, {place, ruleId, source, cause})
    message.actual = text
    message.expected = ['']
    recordRemoval(file.data, {kind, ruleId, text, place, firstCopy})
    return message
  })
}

// vfile messages are Errors. Their stack traces are never shown, and capturing one costs more
// than finding the fix it reports.
function withoutStackTrace<Result>(create: () => Result): Result {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return create()
  } finally {
    Error.stackTraceLimit = limit
  }
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
