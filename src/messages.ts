// How every plugin speaks: vfile messages with the plugin's name as ruleId and `newsclean` as
// source, so the reports and the terminal are built from messages rather than a second guess.
// Every fix and removal gets a stable id, and one a reviewer rejected is reported, not applied:
// the plugin asks `reportFix`/`reportRemoval` whether it may go ahead.
import {hash} from 'node:crypto'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {type FirstCopy, recordRemoval, tallyChange} from './data.js'
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

declare module 'vfile-message' {
  interface VFileMessage {
    // A fix's or a removal's stable id (see `messageId`): what a reviewer's decision names.
    id?: string
    // Set on a fix or removal a reviewer rejected: reported, not applied.
    rejected?: boolean
  }
}

const rejectedNote = 'rejected by a reviewer, left as it was'

// A fix: `info`, with what was there and what replaces it. Returns whether the plugin may apply
// it: false when a reviewer rejected it (the message then says so). The reason may be given as a
// function, called only when a message is made: a document that only counts its fixes builds none
// (a `?`-heavy text has thousands of punctuation fixes).
export function reportFix(file: VFile, reason: string | (() => string), fix: Fix): boolean {
  if (isCountOnly(file)) {
    tallyChange(file.data, 'fix', fix.ruleId, fix.note)
    return true
  }
  const id = messageId(file, fix.ruleId, fix.place.line, fix.actual, fix.expected)
  const rejected = file.data.rejected?.has(id) === true
  const text = typeof reason === 'string' ? reason : reason()
  const message = withoutStackTrace(() =>
    file.info(rejected ? `${text}; ${rejectedNote}` : text, {place: fix.place, ruleId: fix.ruleId, source}),
  )
  message.actual = fix.actual
  message.expected = [fix.expected]
  message.id = id
  if (rejected) message.rejected = true
  if (fix.note) message.note = fix.note
  return !rejected
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
// the first copy; also recorded on `file.data.removed` for the reports. Returns whether the
// plugin may remove it: false when a reviewer rejected the removal (kept, and not recorded).
export function reportRemoval(file: VFile, reason: string, removal: RemovalReport): boolean {
  const {ruleId, kind, text, place, firstCopy} = removal
  if (isCountOnly(file)) {
    tallyChange(file.data, 'removal', ruleId)
    return true
  }
  const id = messageId(file, ruleId, place.line, text, '')
  const rejected = file.data.rejected?.has(id) === true
  withoutStackTrace(() => {
    const firstPlace = {line: firstCopy.line, column: firstCopy.column}
    const cause = new VFileMessage(removal.firstCopyReason, {place: firstPlace, ruleId, source})
    cause.file = firstCopy.path ?? file.path ?? ''
    const message = file.info(rejected ? `${reason}; ${rejectedNote}` : reason, {place, ruleId, source, cause})
    message.actual = text
    message.expected = ['']
    message.id = id
    if (rejected) message.rejected = true
    else recordRemoval(file.data, {id, kind, ruleId, text, place, firstCopy})
  })
  return !rejected
}

// Whether the document's fixes and removals are only counted: a message, a removal record and two
// digests for an id each, which a batch writing no report and handing on only doubts would make
// for nobody. A reviewer's rejections are matched by id, so they need every message.
function isCountOnly(file: VFile): boolean {
  return file.data.countOnly === true && file.data.rejected === undefined
}

// What makes ids unique within one document: the input lines' digests, and how often each
// (paragraph, rule, change) has been seen.
interface IdState {
  lineStarts: number[]
  digests: Map<number, string>
  occurrences: Map<string, number>
}

const idStates = new WeakMap<VFile, IdState>()

// A fix's or removal's id, derived from the input only: the document's relative path, the input
// paragraph (its line as read, not as earlier plugins left it), the rule, what it changes, and
// which occurrence of that same change in that paragraph it is. Never from output places, so the
// other ids stay the same in a run where a reviewer's rejection changes the output.
export function messageId(file: VFile, ruleId: string, line: number, actual: string, expected: string): string {
  let state = idStates.get(file)
  if (!state) {
    state = {lineStarts: lineStartsOf(String(file.value ?? '')), digests: new Map(), occurrences: new Map()}
    idStates.set(file, state)
  }
  let paragraph = state.digests.get(line)
  if (paragraph === undefined) {
    paragraph = digest(inputLine(String(file.value ?? ''), state.lineStarts, line))
    state.digests.set(line, paragraph)
  }
  const change = `${paragraph}\0${ruleId}\0${actual}\0${expected}`
  const occurrence = state.occurrences.get(change) ?? 0
  state.occurrences.set(change, occurrence + 1)
  return digest(`${file.data.relativePath ?? file.path ?? ''}\0${change}\0${occurrence}`).slice(0, 16)
}

// One-shot hashing: half the cost of a Hash object per message, and the same digest.
function digest(text: string): string {
  return hash('sha256', text, 'base64url')
}

function lineStartsOf(text: string): number[] {
  const starts = [0]
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1)
  return starts
}

function inputLine(text: string, lineStarts: number[], line: number): string {
  const start = lineStarts[line - 1]
  if (start === undefined) return ''
  const next = lineStarts[line]
  return text.slice(start, next === undefined ? text.length : next - 1)
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
