// `index.html`, the triage page of a batch: the figures, then a table a script fills from data
// files (`_data/index/rows-N.js`, each calling `newscleanRows` with its rows), filtered, sorted and
// paged in the browser, so a batch of 100,000 files costs one page of rows on screen. By default
// the files a reviewer must look at come first (failed, warnings, removals, changed) and the
// unchanged ones wait behind a toggle.
import {escapeHtml} from './html-text.js'
import {pageEnd, pageStart, plural, renderRemoved} from './page.js'
import {indexScript} from './page-scripts.js'
import type {BatchSummary, IndexRow} from './summary.js'

// Where the report keeps what its pages load, under a name no input's report can take: those all
// live under `files/`.
export const reportDataFolder = '_data'

const rowsPerDataFile = 5000

export type FileStatus = 'failed' | 'warnings' | 'removals' | 'changed' | 'unchanged'

export const fileStatuses: FileStatus[] = ['failed', 'warnings', 'removals', 'changed', 'unchanged']

// What a reviewer must do with a file, the most urgent first.
export function statusOf(row: IndexRow): FileStatus {
  if (row.status === 'failed') return 'failed'
  if (row.totals.warnings + row.totals.errors > 0) return 'warnings'
  if (row.totals.removed > 0) return 'removals'
  return row.changed ? 'changed' : 'unchanged'
}

// One row of the data files: path, status, paragraphs in, out, removed, fixes, warnings, plugins
// and spec rules ([name, count], most frequent first), failure reason.
export type IndexDataRow = [
  string,
  FileStatus,
  number,
  number,
  number,
  number,
  number,
  Array<[string, number]>,
  Array<[string, number]>,
  string,
]

export function toDataRow(row: IndexRow): IndexDataRow {
  const status = statusOf(row)
  if (row.status === 'failed') return [row.relativePath, status, 0, 0, 0, 0, 0, [], [], row.reason]
  const {paragraphs, totals, counts} = row
  const byCount = (counts: Record<string, number>) =>
    Object.entries(counts).sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1))
  const warnings = totals.warnings + totals.errors
  const figures = [paragraphs.in, paragraphs.out, totals.removed, totals.fixes, warnings] as const
  return [row.relativePath, status, ...figures, byCount(counts.plugins), byCount(counts.rules), '']
}

// What the data files held, for the page that loads them.
export interface IndexData {
  files: string[]
  statuses: Record<FileStatus, number>
}

export interface IndexDataFile {
  // Path under the report folder.
  path: string
  text: string
}

// The data files, in order, counting the files of each status into `data`.
export async function* renderIndexData(summary: BatchSummary, data: IndexData): AsyncGenerator<IndexDataFile> {
  let rows: IndexDataRow[] = []
  const flush = (): IndexDataFile => {
    const path = `${reportDataFolder}/index/rows-${data.files.length}.js`
    data.files.push(path)
    const text = `newscleanRows(${JSON.stringify(rows)});\n`
    rows = []
    return {path, text}
  }
  for await (const row of summary.rows()) {
    const dataRow = toDataRow(row)
    data.statuses[dataRow[1]]++
    rows.push(dataRow)
    if (rows.length === rowsPerDataFile) yield flush()
  }
  if (rows.length > 0) yield flush()
}

export function emptyIndexData(): IndexData {
  return {files: [], statuses: {failed: 0, warnings: 0, removals: 0, changed: 0, unchanged: 0}}
}

export function renderIndexHtml(summary: Pick<BatchSummary, 'figures'>, data: IndexData): string {
  const scripts = data.files.map((path) => `<script src="${escapeHtml(path)}"></script>\n`).join('')
  return `${pageStart('Batch report')}${renderHeader(summary, data)}<main>
${renderTable(summary, data)}</main>
<script>var newscleanIndex = []; function newscleanRows(rows) { newscleanIndex.push.apply(newscleanIndex, rows); }</script>
${scripts}<script>${indexScript}</script>
${pageEnd}`
}

function renderHeader(summary: Pick<BatchSummary, 'figures'>, data: IndexData): string {
  const {files, failed, changed, paragraphs, totals, counts} = summary.figures
  const plugins = Object.entries(counts.plugins)
    .map(([name, count]) => `${escapeHtml(name)} <b>${count}</b>`)
    .join(' \u00b7 ')
  const statuses = fileStatuses.map(
    (status) => `<li class="status ${status}"><b>${data.statuses[status]}</b>${status}</li>`,
  )
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
<p class="meta">Files by status: </p><ul class="figures statuses">${statuses.join('')}</ul>
${plugins ? `<p class="meta">Messages by plugin: ${plugins}</p>` : ''}
</header>
`
}

function renderTable(summary: Pick<BatchSummary, 'figures'>, data: IndexData): string {
  if (summary.figures.files === 0) return '<p class="empty">No files in this batch.</p>\n'
  const {counts} = summary.figures
  const rules = [...Object.keys(counts.plugins), ...Object.keys(counts.rules)]
  const ruleOptions = rules.map((rule) => `<option value="${escapeHtml(rule)}">${escapeHtml(rule)}</option>`).join('')
  const statusOptions = fileStatuses.map((status) => `<option value="${status}">${status}</option>`).join('')
  const header = (sort: string, label: string, numeric = false) =>
    `<th${numeric ? ' class="num"' : ''} aria-sort="none"><button type="button" data-sort="${sort}">${label}</button></th>`
  return `<div class="toolbar">
<label>Status <select id="status"><option value="">to review</option>${statusOptions}</select></label>
<label>Rule <select id="rule"><option value="">any</option>${ruleOptions}</select></label>
<label><input type="checkbox" id="show-unchanged"> Show unchanged files (${data.statuses.unchanged})</label>
<span id="shown" class="meta"></span>
<span class="spacer"></span>
<button type="button" class="export-decisions">Export decisions (<span class="rejected-count">0</span> rejected)</button>
</div>
<noscript><p class="empty">The file list needs JavaScript; <code>summary.json</code> lists the failures.</p></noscript>
<table class="files">
<thead><tr>${header('path', 'File')}${header('status', 'Status')}${header('in', 'Paragraphs in', true)}${header('out', 'Out', true)}${header('removed', 'Removed', true)}${header('fixes', 'Fixes', true)}${header('warnings', 'Warnings', true)}<th>Main rules</th></tr></thead>
<tbody id="rows"></tbody>
</table>
<nav class="pager"><button type="button" id="previous-page">Previous</button> <span id="page"></span> <button type="button" id="next-page">Next</button></nav>
<p class="keys meta">Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous file, <kbd>Enter</kbd> open it.</p>
`
}
