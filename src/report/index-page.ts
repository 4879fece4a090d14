// `index.html`, streamed: the batch figures, then one table row per file in the order the files
// were added, linking to `files/<relativePath>.html`; a failed file shows its reason instead.
import {escapeHtml, pathUrl} from './html-text.js'
import {pageEnd, pageStart, plural, renderRemoved} from './page.js'
import type {BatchSummary, IndexRow} from './summary.js'

const rowsPerChunk = 500

export async function* renderIndexHtml(summary: BatchSummary): AsyncGenerator<string> {
  yield pageStart('Batch report') + renderHeader(summary) + '<main>\n' + renderTableHead(summary)
  let chunk = ''
  let count = 0
  for await (const row of summary.rows()) {
    chunk += renderRow(row)
    if (++count % rowsPerChunk === 0) {
      yield chunk
      chunk = ''
    }
  }
  yield chunk + '</tbody>\n</table>\n</main>\n' + pageEnd
}

function renderHeader(summary: BatchSummary): string {
  const {files, failed, changed, paragraphs, totals, counts} = summary.figures
  const plugins = Object.entries(counts.plugins)
    .map(([name, count]) => `${escapeHtml(name)} <b>${count}</b>`)
    .join(' \u00b7 ')
  return `<header class="page">
<h1>Batch report</h1>
<ul class="figures">
<li><b>${files}</b>${plural(files, 'file', 'files')}</li>
<li class="errors"><b>${failed}</b>failed</li>
<li><b>${changed}</b>changed</li>
<li><b>${paragraphs.in}</b>paragraphs in</li>
<li><b>${paragraphs.out}</b>out</li>
${renderRemoved(totals)}
<li class="fixes"><b>${totals.fixes}</b>${plural(totals.fixes, 'fix', 'fixes')}</li>
<li class="warnings"><b>${totals.warnings}</b>${plural(totals.warnings, 'warning', 'warnings')}</li>
</ul>
${plugins ? `<p class="meta">Messages by plugin: ${plugins}</p>` : ''}
</header>
`
}

function renderTableHead(summary: BatchSummary): string {
  const caption = summary.figures.files === 0 ? '<p class="empty">No files in this batch.</p>\n' : ''
  return `${caption}<table class="files">
<thead><tr><th>File</th><th>Status</th><th class="num">Paragraphs in</th><th class="num">Out</th><th class="num" title="Paragraphs and sentence runs removed as repeats">Removed</th><th class="num">Fixes</th><th class="num">Warnings</th></tr></thead>
<tbody>
`
}

function renderRow(row: IndexRow): string {
  const name = escapeHtml(row.relativePath)
  if (row.status === 'failed') {
    return `<tr class="failed"><td>${name}</td><td class="status failed">failed</td><td colspan="5">${escapeHtml(row.reason)}</td></tr>\n`
  }
  const link = `<a href="${escapeHtml(`files/${pathUrl(row.relativePath)}.html`)}">${name}</a>`
  const {paragraphs, totals} = row
  const numbers = [paragraphs.in, paragraphs.out, totals.removed, totals.fixes, totals.warnings + totals.errors]
  const cells = numbers.map((number) => `<td class="num">${number}</td>`).join('')
  return `<tr><td>${link}</td><td class="status ok">ok</td>${cells}</tr>\n`
}
