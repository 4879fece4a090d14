// The paragraphs section of a review page: in line order, every paragraph an editor must look
// at, each once, with the id `line-N`: changed ones with insertions and deletions marked,
// removed ones whole, and the kept first copies that removed ones repeat. Lines in between are
// elided to a one-line gap.
import {escapeHtml, renderText} from './html-text.js'
import {renderInlineDiff} from './inline-diff.js'
import {plural} from './page.js'
import type {FileRecord, ParagraphChange, ParagraphText, RemovedRecord} from './types.js'

export interface Entry {
  line: number
  change?: ParagraphChange
  firstCopy?: ParagraphText
  removed?: RemovedRecord
  // Sentence runs removed from this (kept) paragraph.
  sentences: RemovedRecord[]
  // Lines of the removals elsewhere that repeat this paragraph.
  repeatedBy: number[]
}

export function collectEntries(record: FileRecord): Entry[] {
  const byLine = new Map<number, Entry>()
  const at = (line: number): Entry => {
    let entry = byLine.get(line)
    if (!entry) {
      entry = {line, sentences: [], repeatedBy: []}
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
    if (first.path === undefined && first.line !== removal.line) byLine.get(first.line)?.repeatedBy.push(removal.line)
  }
  return [...byLine.values()].sort((left, right) => left.line - right.line)
}

export function renderParagraphs(entries: Entry[]): string {
  if (entries.length === 0) {
    return '<h2>Paragraphs</h2>\n<p class="empty">No paragraph changed: the clean text is the input as it was.</p>\n'
  }
  const shown = new Set(entries.map((entry) => entry.line))
  let html = '<h2>Paragraphs to review</h2>\n<ol class="lines">\n'
  let previous = 0
  for (const entry of entries) {
    if (entry.line > previous + 1) html += renderGap(previous + 1, entry.line - 1)
    html += renderEntry(entry, shown)
    previous = entry.line
  }
  return html + '</ol>\n'
}

function renderGap(from: number, to: number): string {
  const lines = from === to ? `line ${from}` : `lines ${from}\u2013${to}`
  return `<li class="gap">\u22ef ${lines}</li>\n`
}

function renderEntry(entry: Entry, shown: Set<number>): string {
  const notes = [
    ...entry.sentences.map((removal) => renderSentenceNote(removal, shown)),
    renderRepeatedBy(entry, shown),
  ]
  return `<li class="para ${entryKinds(entry).join(' ')}" id="line-${entry.line}">
<a class="ln" href="#line-${entry.line}" title="Line ${entry.line} of the input">${entry.line}</a>
<div class="body"><span class="label">${renderLabel(entry, shown)}</span><p class="text">${renderEntryText(entry)}</p>${notes.join('')}</div>
</li>
`
}

function renderEntryText(entry: Entry): string {
  if (entry.removed) return renderText(entry.removed.text)
  if (entry.change) return renderInlineDiff(entry.change.original, entry.change.clean, entry.sentences)
  return renderText(entry.firstCopy?.text ?? '')
}

function entryKinds(entry: Entry): string[] {
  if (entry.removed) return ['removed']
  const kinds: string[] = []
  if (entry.change) kinds.push('changed')
  if (entry.firstCopy) kinds.push('first-copy')
  return kinds
}

function renderLabel(entry: Entry, shown: Set<number>): string {
  if (entry.removed) return `Removed: repeats ${renderPlace(entry.removed, shown)}`
  const labels: string[] = []
  if (entry.change) labels.push('Changed')
  if (entry.firstCopy) labels.push('First copy')
  return labels.join(' \u00b7 ')
}

// The first copy of a removal: a link when it is on this page, plain text when in another file.
function renderPlace(removal: RemovedRecord, shown: Set<number>): string {
  const {line, column, path} = removal.firstCopy
  const at = column > 1 ? `, column ${column}` : ''
  if (path !== undefined) return `line ${line}${at} of <code>${escapeHtml(path)}</code>`
  if (line === removal.line) return `column ${column} of this line`
  return shown.has(line) ? `<a href="#line-${line}">line ${line}</a>${at}` : `line ${line}${at}`
}

function renderSentenceNote(removal: RemovedRecord, shown: Set<number>): string {
  const length = Array.from(removal.text).length
  return `<p class="note"><strong class="removed-note">Removed</strong> from column ${removal.column}: ${length} ${plural(length, 'character', 'characters')} repeating ${renderPlace(removal, shown)}</p>`
}

function renderRepeatedBy(entry: Entry, shown: Set<number>): string {
  if (entry.repeatedBy.length === 0) return ''
  const links = entry.repeatedBy.map((line) => renderLineLink(line, shown)).join(', ')
  return `<p class="note">Repeated by ${plural(entry.repeatedBy.length, 'line', 'lines')} ${links}</p>`
}

export function renderLineLink(line: number, shown: Set<number>): string {
  return shown.has(line) ? `<a href="#line-${line}">${line}</a>` : `${line}`
}
