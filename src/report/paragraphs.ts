// The paragraphs section of a review page: in line order, every paragraph an editor must look
// at, each once, with the id `line-N`: changed ones with insertions and deletions marked (each
// named by its code points and rule), removed ones whole beside their first copy, and the kept
// first copies that removed ones repeat, with the repeated spans marked. Lines in between are
// elided to a one-line gap.
import {escapeHtml, renderText} from './html-text.js'
import {type ChangeNamer, renderInlineDiff} from './inline-diff.js'
import {plural} from './page.js'
import type {FileRecord, MessageRecord, ParagraphChange, ParagraphText, RemovedRecord} from './types.js'

export interface Entry {
  line: number
  change?: ParagraphChange
  firstCopy?: ParagraphText
  removed?: RemovedRecord
  // Sentence runs removed from this (kept) paragraph.
  sentences: RemovedRecord[]
  // Lines of the removals elsewhere that repeat this paragraph.
  repeatedBy: number[]
  // The spans of this (first copy) paragraph that sentence runs removed elsewhere repeat.
  repeatedSpans: Array<{column: number; length: number}>
}

export function collectEntries(record: Pick<FileRecord, 'changes' | 'firstCopies' | 'removed'>): Entry[] {
  const byLine = new Map<number, Entry>()
  const at = (line: number): Entry => {
    let entry = byLine.get(line)
    if (!entry) {
      entry = {line, sentences: [], repeatedBy: [], repeatedSpans: []}
      byLine.set(line, entry)
    }
    return entry
  }
  for (const change of record.changes) at(change.line).change = change
  for (const firstCopy of record.firstCopies) at(firstCopy.line).firstCopy = firstCopy
  for (const removal of record.removed) {
    const entry = at(removal.line)
    if (removal.kind === 'paragraph') entry.removed = removal
    else entry.sentences.push(removal)
    const first = removal.firstCopy
    if (first.path !== undefined || first.line === removal.line) continue
    const firstEntry = byLine.get(first.line)
    firstEntry?.repeatedBy.push(removal.line)
    if (removal.kind === 'sentence') firstEntry?.repeatedSpans.push({column: first.column, length: removal.text.length})
  }
  return [...byLine.values()].sort((left, right) => left.line - right.line)
}

// What a page needs besides the entries: the messages of the record, to name each change.
export interface Context {
  shown: Set<number>
  fixesByLine: Map<number, MessageRecord[]>
  firstCopies: Map<number, string>
  // The page's line ids start with this (`line-`, or `r12-line-` for a JSONL record).
  prefix: string
}

export function pageContext(
  record: Pick<FileRecord, 'messages' | 'firstCopies'>,
  entries: Entry[],
  prefix = 'line-',
): Context {
  const fixesByLine = new Map<number, MessageRecord[]>()
  for (const message of record.messages) {
    if (message.severity !== 'info' || message.cause !== null || message.line === null || message.rejected) continue
    const list = fixesByLine.get(message.line)
    if (list) list.push(message)
    else fixesByLine.set(message.line, [message])
  }
  const firstCopies = new Map(record.firstCopies.map((copy) => [copy.line, copy.text]))
  return {shown: new Set(entries.map((entry) => entry.line)), fixesByLine, firstCopies, prefix}
}

export function renderParagraphs(entries: Entry[], context: Context): string {
  if (entries.length === 0) {
    return '<h2>Paragraphs</h2>\n<p class="empty">No paragraph changed: the clean text is the input as it was.</p>\n'
  }
  let html = '<h2>Paragraphs to review</h2>\n<ol class="lines">\n'
  let previous = 0
  for (const entry of entries) {
    if (entry.line > previous + 1) html += renderGap(previous + 1, entry.line - 1)
    html += renderEntry(entry, context)
    previous = entry.line
  }
  return html + '</ol>\n'
}

// The fix of this line that made a change: the one whose `actual` and `expected` are exactly the
// deleted and inserted text, else one that holds them (a diff may split a fix's change).
export function namerFor(fixes: MessageRecord[]): ChangeNamer {
  return (deleted, inserted) => {
    const expected = (message: MessageRecord) => message.expected?.[0] ?? ''
    const fix =
      fixes.find((message) => message.actual === deleted && expected(message) === inserted) ??
      fixes.find((message) => (message.actual ?? '').includes(deleted) && expected(message).includes(inserted))
    if (!fix) return undefined
    return {rule: fix.note ?? fix.ruleId ?? 'newsclean', id: fix.id, unusual: isUnusual(fix)}
  }
}

// A fix a reviewer should look at twice: a repaired encoding, a mark converted for its
// neighbours alone (brackets around English next to Chinese text), a character given up as lost.
export function isUnusual(fix: MessageRecord): boolean {
  return (
    fix.ruleId === 'repair-encoding' ||
    fix.reason.includes('next to Chinese text') ||
    (fix.expected?.[0] ?? '').includes('\uFFFD')
  )
}

function renderGap(from: number, to: number): string {
  const lines = from === to ? `line ${from}` : `lines ${from}\u2013${to}`
  return `<li class="gap">\u22ef ${lines}</li>\n`
}

function renderEntry(entry: Entry, context: Context): string {
  const {prefix} = context
  const notes = [
    ...entry.sentences.map((removal) => renderSentenceNote(removal, context)),
    renderRepeatedBy(entry, context),
  ]
  const reject = entry.removed?.id ? renderRejectButton(entry.removed.id, 'removal') : ''
  return `<li class="para ${entryKinds(entry).join(' ')}" id="${prefix}${entry.line}">
<a class="ln" href="#${prefix}${entry.line}" title="Line ${entry.line} of the input">${entry.line}</a>
<div class="body"><span class="label">${renderLabel(entry, context)}${reject}</span>${renderEntryText(entry, context)}${notes.join('')}</div>
</li>
`
}

export function renderRejectButton(id: string, what: string): string {
  return ` <button type="button" class="reject" data-id="${escapeHtml(id)}" title="Reject this ${what}: the next run with --decisions leaves it unapplied">Reject</button>`
}

// A removed paragraph stands next to its first copy (when on this page), neither struck through.
function renderEntryText(entry: Entry, context: Context): string {
  if (entry.removed) {
    const removed = `<p class="text">${renderText(entry.removed.text)}</p>`
    const first = entry.removed.firstCopy
    const firstText = first.path === undefined ? context.firstCopies.get(first.line) : undefined
    if (firstText === undefined) return removed
    return `<div class="pair"><div class="copy first-copy"><span class="label">First copy, line ${first.line}</span><p class="text">${renderText(firstText)}</p></div><div class="copy removed"><span class="label">Removed repeat</span>${removed}</div></div>`
  }
  if (entry.change) {
    const name = namerFor(context.fixesByLine.get(entry.line) ?? [])
    return `<p class="text">${renderInlineDiff(entry.change.original, entry.change.clean, entry.sentences, name)}</p>`
  }
  return `<p class="text">${renderFirstCopy(entry)}</p>`
}

// A first copy with the spans that sentence runs elsewhere repeat marked.
function renderFirstCopy(entry: Entry): string {
  const text = entry.firstCopy?.text ?? ''
  const spans = entry.repeatedSpans
    .map((span) => [span.column - 1, span.column - 1 + span.length] as const)
    .filter(([start, end]) => start >= 0 && end <= text.length)
    .sort((left, right) => left[0] - right[0])
  let html = ''
  let from = 0
  for (const [start, end] of spans) {
    if (start < from) continue
    html += `${renderText(text.slice(from, start))}<mark class="first-span">${renderText(text.slice(start, end))}</mark>`
    from = end
  }
  return html + renderText(text.slice(from))
}

function entryKinds(entry: Entry): string[] {
  if (entry.removed) return ['removed']
  const kinds: string[] = []
  if (entry.change) kinds.push('changed')
  if (entry.firstCopy) kinds.push('first-copy')
  return kinds
}

function renderLabel(entry: Entry, context: Context): string {
  if (entry.removed) return `Removed: repeats ${renderPlace(entry.removed, context)}`
  const labels: string[] = []
  if (entry.change) labels.push('Changed')
  if (entry.firstCopy) labels.push('First copy')
  return labels.join(' \u00b7 ')
}

// The first copy of a removal: a link when it is on this page, plain text when in another file.
function renderPlace(removal: RemovedRecord, context: Context): string {
  const {line, column, path} = removal.firstCopy
  const at = column > 1 ? `, column ${column}` : ''
  if (path !== undefined) return `line ${line}${at} of <code>${escapeHtml(path)}</code>`
  if (line === removal.line) return `column ${column} of this line`
  return context.shown.has(line) ? `<a href="#${context.prefix}${line}">line ${line}</a>${at}` : `line ${line}${at}`
}

function renderSentenceNote(removal: RemovedRecord, context: Context): string {
  const length = Array.from(removal.text).length
  const reject = removal.id ? renderRejectButton(removal.id, 'removal') : ''
  return `<p class="note"><strong class="removed-note">Removed</strong> from column ${removal.column}: ${length} ${plural(length, 'character', 'characters')} repeating ${renderPlace(removal, context)}${reject}</p>`
}

function renderRepeatedBy(entry: Entry, context: Context): string {
  if (entry.repeatedBy.length === 0) return ''
  const links = entry.repeatedBy.map((line) => renderLineLink(line, context)).join(', ')
  return `<p class="note">Repeated by ${plural(entry.repeatedBy.length, 'line', 'lines')} ${links}</p>`
}

export function renderLineLink(line: number, context: Pick<Context, 'shown' | 'prefix'>): string {
  return context.shown.has(line) ? `<a href="#${context.prefix}${line}">${line}</a>` : `${line}`
}
