// The shell every review page shares: HTML5, `lang="zh"`, UTF-8, the inline stylesheet; the
// scripts come inline at the end of each page.
import {escapeHtml} from './html-text.js'
import {styles} from './styles.js'
import type {Totals} from './types.js'

// `root`: the report folder relative to the page, where the reviewer's decisions are kept;
// `path`: the relative path of the file a page reviews.
export function pageStart(title: string, place: {root: string; path?: string} = {root: './'}): string {
  const path = place.path === undefined ? '' : ` data-path="${escapeHtml(place.path)}"`
  return `<!doctype html>
<html lang="zh"${path} data-root="${escapeHtml(place.root)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} \u2014 newsclean</title>
<style>${styles}</style>
</head>
<body>
`
}

export const pageEnd = '<footer>newsclean review page</footer>\n</body>\n</html>\n'

// The removal figure of a page header.
export function renderRemoved(totals: Totals): string {
  return `<li class="removed" title="Paragraphs and sentence runs removed as repeats"><b>${totals.removed}</b>${plural(totals.removed, 'repeat', 'repeats')} removed</li>`
}

export function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many
}
