// Text into HTML for the review pages: everything escaped, and the characters an editor could
// not see (a change made only of blanks, format and control characters anywhere) drawn as small
// code-point badges, so a removed U+3000 or a stray bidi control is visible.
import {codePointName} from '../text/code-point-name.js'

const escapes: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character]!)
}

const hidden = /[\p{Cf}\p{Cc}]/gu
const hiddenOrBlank = /[\s\p{Cf}\p{Cc}]/gu

// Text kept as it was: only format and control characters become badges.
export function renderText(text: string): string {
  return renderWith(text, hidden)
}

const onlyBlank = /^[\s\p{Cf}\p{Cc}]+$/u

// Text inside an insertion or deletion: a change made only of blanks shows them as badges, or
// nothing would say what went; blanks among visible characters show as a tinted gap.
export function renderChange(text: string): string {
  return renderWith(text, onlyBlank.test(text) ? hiddenOrBlank : hidden)
}

function renderWith(text: string, pattern: RegExp): string {
  let html = ''
  let last = 0
  for (const match of text.matchAll(pattern)) {
    html += escapeHtml(text.slice(last, match.index)) + badge(match[0])
    last = match.index + match[0].length
  }
  return html + escapeHtml(text.slice(last))
}

function badge(character: string): string {
  const name = codePointName(character.codePointAt(0)!)
  const shown = character === ' ' ? '\u2423' : name
  return `<span class="cp" title="${name}">${shown}</span>`
}

// At most `limit` code points, with an ellipsis when cut.
export function shorten(text: string, limit: number): string {
  const characters = Array.from(text)
  return characters.length <= limit ? text : characters.slice(0, limit).join('') + '\u2026'
}

// A path as a relative URL: each segment percent-encoded, so `#`, `?` and `%` in names stay names.
export function pathUrl(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/')
}
