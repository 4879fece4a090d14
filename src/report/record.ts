// The `.json` record of one document, built from its messages, `data.removed` and the cleaned
// tree (never from a second guess at what changed). The review page is rendered from it alone.
import {VFileMessage} from 'vfile-message'
import type {Removal} from '../data.js'
import type {Paragraph, Root} from '../syntax/types.js'
import {increment} from './figures.js'
import type {
  CauseRecord,
  CleanedDocument,
  Counts,
  FileRecord,
  MessageRecord,
  ParagraphChange,
  ParagraphText,
  RemovedRecord,
  Severity,
  Totals,
} from './types.js'

export type {FileRecord} from './types.js'

export function buildFileRecord(outcome: CleanedDocument): FileRecord {
  const messages = outcome.file.messages.map(toMessageRecord)
  const removed = (outcome.file.data.removed ?? []).map(toRemovedRecord).sort(byPlace)
  return {
    ...figuresOf(outcome, messages, removed.length),
    removed,
    firstCopies: firstCopiesOf(outcome.tree, removed),
    changes: changesOf(outcome.tree, outcome.original),
    messages,
    rejected: rejectedIds(messages),
  }
}

// The record of a document whose report nobody writes nor shows in full: every figure (totals
// and counts count every message), but of the messages only the doubts (warnings and errors, what
// a terminal shows by default), and no removed paragraphs, first copies or changes. Building and
// handing on a record per fix and removal costs more than dedupe-paragraphs finding them.
export function buildSummaryRecord(outcome: CleanedDocument): FileRecord {
  const messages = outcome.file.messages.map(toMessageRecord)
  return {
    ...figuresOf(outcome, messages, outcome.file.data.removed?.length ?? 0),
    removed: [],
    firstCopies: [],
    changes: [],
    messages: messages.filter((message) => message.severity !== 'info'),
    rejected: rejectedIds(messages),
  }
}

// What every record of a document holds, full or summary; the fixes and removals it only counted
// (`countOnly`, data.ts) add to its totals and counts as their messages would.
function figuresOf(
  outcome: CleanedDocument,
  messages: MessageRecord[],
  removed: number,
): Omit<FileRecord, 'removed' | 'firstCopies' | 'changes' | 'messages' | 'rejected'> {
  const tally = outcome.file.data.tally
  const totals = totalsOf(messages, removed + (tally?.removed ?? 0))
  const counts = countsOf(messages)
  if (tally) {
    totals.fixes += tally.fixes
    for (const [name, count] of Object.entries(tally.plugins)) increment(counts.plugins, name, count)
    for (const [name, count] of Object.entries(tally.rules)) increment(counts.rules, name, count)
  }
  return {
    relativePath: outcome.relativePath,
    input: outcome.inputPath,
    output: outcome.outputPath ?? null,
    decoding: outcome.decoding,
    changed: outcome.clean !== outcome.original,
    paragraphs: {in: outcome.paragraphsIn, out: outcome.tree.children.length},
    totals,
    counts,
  }
}

function rejectedIds(messages: MessageRecord[]): string[] {
  return messages.flatMap((message) => (message.rejected && message.id !== null ? [message.id] : []))
}

export function severityOf(fatal: boolean | null | undefined): Severity {
  if (fatal === true) return 'error'
  return fatal === false ? 'warning' : 'info'
}

export function toMessageRecord(message: VFileMessage): MessageRecord {
  const record: MessageRecord = {
    id: message.id ?? null,
    severity: severityOf(message.fatal),
    reason: message.reason,
    line: message.line ?? null,
    column: message.column ?? null,
    ruleId: message.ruleId ?? null,
    source: message.source ?? null,
    actual: message.actual ?? null,
    expected: message.expected ?? null,
    note: message.note ?? null,
    cause: causeOf(message.cause),
  }
  if (message.rejected) record.rejected = true
  return record
}

// A message cause is a place (a removal's first copy); any other error keeps only its message.
function causeOf(cause: unknown): CauseRecord | null {
  if (cause instanceof VFileMessage) {
    return {reason: cause.reason, file: cause.file || null, line: cause.line ?? null, column: cause.column ?? null}
  }
  return cause instanceof Error ? {reason: cause.message, file: null, line: null, column: null} : null
}

function toRemovedRecord(removal: Removal): RemovedRecord {
  return {
    ...(removal.id === undefined ? {} : {id: removal.id}),
    kind: removal.kind,
    ruleId: removal.ruleId,
    text: removal.text,
    line: removal.place.line,
    column: removal.place.column,
    firstCopy: removal.firstCopy,
  }
}

function byPlace(left: RemovedRecord, right: RemovedRecord): number {
  return left.line - right.line || left.column - right.column
}

// A removal is an info message with a cause (the first copy); every other info is a fix. A
// rejected one was not applied: it counts as neither.
export function totalsOf(messages: MessageRecord[], removed: number): Totals {
  const totals: Totals = {removed, fixes: 0, warnings: 0, errors: 0}
  for (const message of messages) {
    if (message.severity === 'error') totals.errors++
    else if (message.severity === 'warning') totals.warnings++
    else if (message.cause === null && !message.rejected) totals.fixes++
  }
  return totals
}

export function countsOf(messages: MessageRecord[]): Counts {
  const counts: Counts = {plugins: {}, rules: {}}
  for (const message of messages) {
    if (message.ruleId !== null) increment(counts.plugins, message.ruleId)
    if (message.note !== null) increment(counts.rules, message.note)
  }
  return counts
}

// The kept paragraphs of this file that removals point at, once each, in line order.
function firstCopiesOf(tree: Root, removed: RemovedRecord[]): ParagraphText[] {
  const lines = new Set(
    removed.filter((removal) => removal.firstCopy.path === undefined).map((removal) => removal.firstCopy.line),
  )
  return tree.children
    .filter((paragraph) => lines.has(lineOf(paragraph)))
    .map((paragraph) => ({line: lineOf(paragraph), text: paragraph.children[0].value}))
}

function changesOf(tree: Root, original: string): ParagraphChange[] {
  const changes: ParagraphChange[] = []
  for (const paragraph of tree.children) {
    const before = originalTextOf(paragraph, original)
    const after = paragraph.children[0].value
    if (before !== after) changes.push({line: lineOf(paragraph), original: before, clean: after})
  }
  return changes
}

function lineOf(paragraph: Paragraph): number {
  return paragraph.position?.start.line ?? 0
}

// The paragraph's line as it was in the input, from the offsets the parser gave it.
function originalTextOf(paragraph: Paragraph, original: string): string {
  const start = paragraph.position?.start.offset
  const end = paragraph.position?.end.offset
  return start === undefined || end === undefined ? paragraph.children[0].value : original.slice(start, end)
}
