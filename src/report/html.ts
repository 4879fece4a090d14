// The review page of one document, rendered from its record alone: a header with the figures and
// the reviewer's controls, what must be settled first (warnings, unusual fixes), the marks of each
// rule (routine ones can be quieted), the paragraphs to review (see `paragraphs.ts`), then every
// fix and removal, folded. A JSONL file's page lists its changed records instead, each rendered
// here, read from data files the page loads as the reader goes (`renderRecordSection`).
// Self-contained but for those data files: inline CSS and script, nothing loaded from elsewhere.
import {escapeHtml, pathUrl} from './html-text.js'
import {reportDataFolder} from './index-page.js'
import {renderFixes, renderRisks} from './messages-table.js'
import {pageEnd, pageStart, plural, renderRemoved} from './page.js'
import {fileScript} from './page-scripts.js'
import {collectEntries, pageContext, renderParagraphs} from './paragraphs.js'
import type {FileRecord, MessageRecord} from './types.js'

// The records of a JSONL file: how many data files hold their sections (`0.js`, `1.js`, … in the
// folder `recordDataUrl` names), and how many records changed or have messages (each has one).
export interface RecordPages {
  files: number
  count: number
}

export function renderFileHtml(record: FileRecord, records?: RecordPages): string {
  const entries = collectEntries(record)
  const context = pageContext(record, entries)
  const body = records ? renderRecordsSection(record.relativePath, records) : renderParagraphs(entries, context)
  const main =
    renderRisks(record.messages, context) +
    renderRuleToggles(record.messages) +
    body +
    renderFixes(record.messages, context)
  const start = pageStart(record.relativePath, {root: rootFrom(record.relativePath), path: record.relativePath})
  return `${start}${renderHeader(record)}<main>\n${main}</main>\n<script>${fileScript}</script>\n${pageEnd}`
}

// The report folder from `files/<relativePath>.html`: one `..` per path segment.
function rootFrom(relativePath: string): string {
  return '../'.repeat(relativePath.split('/').length)
}

// Where a JSONL file's record data files go, under the report folder, and their URLs from its page.
export function recordDataFolder(relativePath: string): string {
  return `${reportDataFolder}/records/${relativePath}`
}

// The URL of that folder from the file's page.
export function recordDataUrl(relativePath: string): string {
  return `${rootFrom(relativePath)}${reportDataFolder}/records/${pathUrl(relativePath)}/`
}

// One record of a JSONL file: its line (and `id`-like field), its messages' risks, its diff.
export function renderRecordSection(record: FileRecord, line: number, label: string | undefined): string {
  const entries = collectEntries(record)
  const context = pageContext(record, entries, `r${line}-line-`)
  const name = label === undefined ? '' : ` \u00b7 <code>${escapeHtml(label)}</code>`
  const problems = record.messages.filter((message) => message.severity !== 'info')
  const risks = problems.length > 0 ? renderRisks(problems, context) : ''
  const paragraphs = renderParagraphs(entries, context).replace(/^<h2>[^<]*<\/h2>\n/, '')
  return `<section class="record" id="record-${line}"><h3><a href="#record-${line}">Line ${line}</a>${name}</h3>
${risks}${paragraphs}</section>
`
}

function renderRecordsSection(relativePath: string, records: RecordPages): string {
  return `<h2>Records to review (<span id="records-shown">0</span> of ${records.count} shown)</h2>
${records.count === 0 ? '<p class="empty">No record changed.</p>\n' : ''}<div id="records" data-base="${escapeHtml(recordDataUrl(relativePath))}" data-files="${records.files}"></div>
<p id="more-records"${records.count === 0 ? ' hidden' : ''}><button type="button" id="load-more">Show more records</button></p>
`
}

function renderHeader(record: FileRecord): string {
  const {paragraphs, totals, decoding} = record
  const output = record.output === null ? 'not written' : `<code>${escapeHtml(record.output)}</code>`
  const bom = decoding.bom ? ', with BOM' : ''
  const confidence = Math.round(decoding.confidence * 100)
  const root = rootFrom(record.relativePath)
  return `<header class="page">
<nav><a href="${escapeHtml(`${root}index.html`)}">\u2190 All files</a> <a id="previous-file" hidden>\u2191 Previous file</a> <a id="next-file" hidden>\u2193 Next file</a>
<span class="spacer"></span><label><input type="checkbox" id="viewed"> Viewed</label> <button type="button" class="export-decisions">Export decisions (<span class="rejected-count">0</span> rejected)</button></nav>
<h1>${escapeHtml(record.relativePath)}</h1>
<p class="meta">Input <code>${escapeHtml(record.input)}</code> \u00b7 output ${output} \u00b7 ${escapeHtml(decoding.encoding)} (confidence ${confidence}%${bom})</p>
<ul class="figures">
<li><b>${paragraphs.in}</b>paragraphs in</li>
<li><b>${paragraphs.out}</b>out</li>
${renderRemoved(totals)}
<li class="fixes"><b>${totals.fixes}</b>${plural(totals.fixes, 'fix', 'fixes')}</li>
<li class="warnings"><b>${totals.warnings}</b>${plural(totals.warnings, 'warning', 'warnings')}</li>
${totals.errors > 0 ? `<li class="errors"><b>${totals.errors}</b>${plural(totals.errors, 'error', 'errors')}</li>\n` : ''}</ul>
${renderCounts(record)}<p class="legend"><ins>inserted</ins><del>deleted</del><span class="swatch changed">changed</span><span class="swatch removed">removed repeat</span><span class="swatch first-copy">first copy</span></p>
<p class="keys meta">Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous change, <kbd>n</kbd>/<kbd>p</kbd> next/previous file, <kbd>u</kbd> all files. Hover a mark for its code points and rule; click it, or its Reject button, to reject the fix.</p>
</header>
`
}

function renderCounts(record: FileRecord): string {
  const plugins = Object.entries(record.counts.plugins)
  if (plugins.length === 0) return ''
  const rules = Object.entries(record.counts.rules)
  const list = (counts: Array<[string, number]>) =>
    counts.map(([name, count]) => `${escapeHtml(name)} <b>${count}</b>`).join(' \u00b7 ')
  const byRule = rules.length > 0 ? `; by rule: ${list(rules)}` : ''
  return `<p class="meta">Messages by plugin: ${list(plugins)}${byRule}</p>\n`
}

// A switch per rule that made fixes: unticked, its marks read as plain text, so routine fixes
// (175 commas) do not hide the rare ones.
function renderRuleToggles(messages: MessageRecord[]): string {
  const counts = new Map<string, number>()
  for (const message of messages) {
    if (message.severity !== 'info' || message.cause !== null || message.rejected) continue
    const rule = message.note ?? message.ruleId ?? 'newsclean'
    counts.set(rule, (counts.get(rule) ?? 0) + 1)
  }
  if (counts.size === 0) return ''
  const toggles = [...counts]
    .sort((left, right) => right[1] - left[1])
    .map(
      ([rule, count]) =>
        `<label><input type="checkbox" data-rule="${escapeHtml(rule)}" checked> ${escapeHtml(rule)} (${count})</label>`,
    )
  return `<p class="rule-toggles meta">Marks by rule: ${toggles.join(' ')}</p>\n`
}
