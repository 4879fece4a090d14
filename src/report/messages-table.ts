// The messages of a review page: errors, warnings and unusual fixes at the top (what an editor
// must settle, each linking to its place), the applied fixes and removals at the bottom, folded,
// each with a button to reject it, since the paragraphs already show them in place.
import {escapeHtml, renderChange, shorten} from './html-text.js'
import {type Context, isUnusual, renderLineLink, renderRejectButton} from './paragraphs.js'
import type {MessageRecord, Severity} from './types.js'

type Places = Pick<Context, 'shown' | 'prefix'>

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

// The top of a page: what a reviewer must settle, and the unusual fixes to look at twice.
export function renderRisks(messages: MessageRecord[], places: Places): string {
  const sorted = sortMessages(messages)
  const problems = sorted.filter((message) => message.severity !== 'info')
  const unusual = sorted.filter(
    (message) => message.severity === 'info' && message.cause === null && isUnusual(message),
  )
  let html = `<section class="risks"><h2>Warnings (${problems.length})</h2>\n`
  html += problems.length === 0 ? '<p class="empty">Nothing to settle.</p>\n' : renderTable(problems, places)
  if (unusual.length > 0) html += `<h2>Unusual fixes (${unusual.length})</h2>\n${renderTable(unusual, places)}`
  return `${html}</section>\n`
}

// The bottom of a page: every applied fix and removal, folded.
export function renderFixes(messages: MessageRecord[], places: Places): string {
  const fixes = sortMessages(messages).filter((message) => message.severity === 'info')
  if (fixes.length === 0) return ''
  return `<details class="fixes">
<summary><h2>Fixes and removals (${fixes.length})</h2></summary>
${renderTable(fixes, places)}</details>
`
}

function renderTable(messages: MessageRecord[], places: Places): string {
  return `<table class="messages">
<thead><tr><th>Kind</th><th class="num">Place</th><th>Rule</th><th>Message</th><th>Change</th><th>Decision</th></tr></thead>
<tbody>
${messages.map((message) => renderMessage(message, places)).join('')}</tbody>
</table>
`
}

function renderMessage(message: MessageRecord, places: Places): string {
  const place = message.line === null ? '' : `${renderLineLink(message.line, places)}:${message.column ?? 1}`
  const rule = [message.ruleId, message.note].filter((part): part is string => part !== null).map(escapeHtml)
  const decision = message.rejected
    ? 'rejected'
    : message.id !== null
      ? renderRejectButton(message.id, message.cause === null ? 'fix' : 'removal').trim()
      : ''
  const cells = [
    `<span class="sev ${message.severity}">${message.severity}</span>`,
    place,
    `<code>${rule.join(' ')}</code>`,
    escapeHtml(message.reason),
    renderFix(message),
    decision,
  ]
  const classes = ['', 'num', 'rule', '', 'fix', 'decision']
  return `<tr>${cells.map((cell, index) => `<td${classes[index] ? ` class="${classes[index]}"` : ''}>${cell}</td>`).join('')}</tr>\n`
}

function renderFix(message: MessageRecord): string {
  if (message.actual === null) return ''
  const expected = message.expected?.[0] ?? ''
  const before = message.actual === '' ? '' : `<del>${renderChange(shorten(message.actual, shownLength))}</del>`
  const after = expected === '' ? '' : `<ins>${renderChange(shorten(expected, shownLength))}</ins>`
  return `${before} \u2192 ${after}`
}
