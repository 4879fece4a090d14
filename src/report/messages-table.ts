// The messages section of a review page: errors and warnings first in their own table (what an
// editor must settle), then the applied fixes and removals, folded, since the paragraphs above
// already show them in place.
import {escapeHtml, renderChange, shorten} from './html-text.js'
import {renderLineLink} from './paragraphs.js'
import type {MessageRecord, Severity} from './types.js'

const severityRank: Record<Severity, number> = {error: 0, warning: 1, info: 2}

// How much of a long `actual` (a removed paragraph) the table shows.
const shownLength = 40

function sortMessages(messages: MessageRecord[]): MessageRecord[] {
  return [...messages].sort(
    (left, right) =>
      severityRank[left.severity] - severityRank[right.severity] ||
      (left.line ?? 0) - (right.line ?? 0) ||
      (left.column ?? 0) - (right.column ?? 0),
  )
}

export function renderMessages(messages: MessageRecord[], shown: Set<number>): string {
  const sorted = sortMessages(messages)
  const problems = sorted.filter((message) => message.severity !== 'info')
  const fixes = sorted.filter((message) => message.severity === 'info')
  let html = `<h2>Warnings (${problems.length})</h2>\n`
  html += problems.length === 0 ? '<p class="empty">Nothing to settle.</p>\n' : renderTable(problems, shown)
  if (fixes.length === 0) return html
  return `${html}<details class="fixes">
<summary><h2>Fixes and removals (${fixes.length})</h2></summary>
${renderTable(fixes, shown)}</details>
`
}

function renderTable(messages: MessageRecord[], shown: Set<number>): string {
  return `<table class="messages">
<thead><tr><th>Kind</th><th class="num">Place</th><th>Rule</th><th>Message</th><th>Change</th></tr></thead>
<tbody>
${messages.map((message) => renderMessage(message, shown)).join('')}</tbody>
</table>
`
}

function renderMessage(message: MessageRecord, shown: Set<number>): string {
  const place = message.line === null ? '' : `${renderLineLink(message.line, shown)}:${message.column ?? 1}`
  const rule = [message.ruleId, message.note].filter((part): part is string => part !== null).map(escapeHtml)
  const cells = [
    `<span class="sev ${message.severity}">${message.severity}</span>`,
    place,
    `<code>${rule.join(' ')}</code>`,
    escapeHtml(message.reason),
    renderFix(message),
  ]
  const classes = ['', 'num', 'rule', '', 'fix']
  return `<tr>${cells.map((cell, index) => `<td${classes[index] ? ` class="${classes[index]}"` : ''}>${cell}</td>`).join('')}</tr>\n`
}

function renderFix(message: MessageRecord): string {
  if (message.actual === null) return ''
  const expected = message.expected?.[0] ?? ''
  const before = message.actual === '' ? '' : `<del>${renderChange(shorten(message.actual, shownLength))}</del>`
  const after = expected === '' ? '' : `<ins>${renderChange(shorten(expected, shownLength))}</ins>`
  return `${before} \u2192 ${after}`
}
