// The review page of one document, rendered from its record alone: a header with the figures,
// the paragraphs to review (see `paragraphs.ts`), then the messages, warnings first.
// Self-contained: inline CSS, no scripts, nothing loaded from elsewhere.
import {escapeHtml} from './html-text.js'
import {renderMessages} from './messages-table.js'
import {pageEnd, pageStart, plural, renderRemoved} from './page.js'
import {collectEntries, renderParagraphs} from './paragraphs.js'
import type {FileRecord} from './types.js'

export function renderFileHtml(record: FileRecord): string {
  const entries = collectEntries(record)
  const shown = new Set(entries.map((entry) => entry.line))
  const main = renderParagraphs(entries) + renderMessages(record.messages, shown)
  return `${pageStart(record.relativePath)}${renderHeader(record)}<main>\n${main}</main>\n${pageEnd}`
}

// The batch index from `files/<relativePath>.html`: one `..` per path segment.
function indexUrlFrom(relativePath: string): string {
  return '../'.repeat(relativePath.split('/').length) + 'index.html'
}

function renderHeader(record: FileRecord): string {
  const {paragraphs, totals, decoding} = record
  const output = record.output === null ? 'not written' : `<code>${escapeHtml(record.output)}</code>`
  const bom = decoding.bom ? ', with BOM' : ''
  const confidence = Math.round(decoding.confidence * 100)
  return `<header class="page">
<nav><a href="${escapeHtml(indexUrlFrom(record.relativePath))}">\u2190 All files</a></nav>
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
