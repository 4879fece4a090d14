// One changed paragraph as HTML: a character-level fast-diff of its original and clean text.
// No semantic cleanup: tuned for alphabetic words, it swallows the single Han characters between
// two punctuation fixes into one long deletion and insertion. Sentence runs removed as repeats
// are put back first (they are the last change made) and shown where they really were, so a
// text captured twice never reads as if its first copy had gone.
import diff from 'fast-diff'
import {codePointName} from '../text/code-point-name.js'
import {escapeHtml, renderChange, renderText} from './html-text.js'

export interface RemovedSpan {
  // Column of the removal in the text just before it was removed (1-based).
  column: number
  text: string
}

type Span = [start: number, end: number]

// What the page knows of the fix behind a change: its rule (`R5`, or the plugin), its id (so a
// reviewer can reject it), and whether it is out of the ordinary.
export interface ChangeName {
  rule: string
  id: string | null
  unusual: boolean
}

// Finds the fix that deleted `deleted` and inserted `inserted` in this paragraph, if any.
export type ChangeNamer = (deleted: string, inserted: string) => ChangeName | undefined

export function renderInlineDiff(
  original: string,
  clean: string,
  removed: RemovedSpan[] = [],
  name: ChangeNamer = () => undefined,
): string {
  const before = reinsert(clean, removed)
  if (before === undefined) return renderOperations(diff(original, clean), [], name)
  return renderOperations(diff(original, before.text), before.spans, name)
}

// The text before the removals, with their spans in it; undefined when the places do not fit.
export function reinsert(clean: string, removed: RemovedSpan[]): {text: string; spans: Span[]} | undefined {
  const ordered = [...removed].sort((left, right) => left.column - right.column)
  const spans: Span[] = []
  let text = ''
  let from = 0
  for (const removal of ordered) {
    const kept = removal.column - 1 - text.length
    if (kept < 0 || from + kept > clean.length) return undefined
    text += clean.slice(from, from + kept)
    from += kept
    spans.push([text.length, text.length + removal.text.length])
    text += removal.text
  }
  return {text: text + clean.slice(from), spans}
}

// Kept and inserted text is cut at the span edges: inside a span it was removed as a repeat. A
// deletion and the insertion after it are one change, named once (see `describeChange`).
function renderOperations(operations: diff.Diff[], spans: Span[], name: ChangeNamer): string {
  let html = ''
  let position = 0
  let next = 0
  operations.forEach(([operation, text], index) => {
    if (operation === diff.DELETE) {
      const following = operations[index + 1]
      const inserted = following?.[0] === diff.INSERT ? following[1] : ''
      const label = changeLabel(text, inserted, name)
      html += `<del${label.attributes}>${renderChange(text)}</del>`
      if (inserted === '') html += label.spoken
      return
    }
    const preceding = operations[index - 1]
    const label =
      operation === diff.INSERT
        ? changeLabel(preceding?.[0] === diff.DELETE ? preceding[1] : '', text, name)
        : undefined
    let offset = 0
    while (offset < text.length) {
      while (next < spans.length && spans[next]![1] <= position + offset) next++
      const span = spans[next]
      const inside = span !== undefined && span[0] <= position + offset
      const stop = span === undefined ? text.length : Math.min(text.length, (inside ? span[1] : span[0]) - position)
      const piece = text.slice(offset, stop)
      html += renderPiece(operation, piece, inside, label)
      offset = stop
    }
    if (label && html.endsWith('</ins>')) html += label.spoken
    position += text.length
  })
  return html
}

interface Label {
  // ` title="…" data-rule="…"` for the `<del>` and `<ins>` of one change.
  attributes: string
  // The same words for a screen reader, once per change.
  spoken: string
}

function changeLabel(deleted: string, inserted: string, name: ChangeNamer): Label {
  const fix = name(deleted, inserted)
  const words = describeChange(deleted, inserted) + (fix ? `, ${fix.rule}` : '')
  let attributes = ` title="${escapeHtml(words)}"`
  if (fix) {
    attributes += ` data-rule="${escapeHtml(fix.rule)}"`
    if (fix.id !== null) attributes += ` data-id="${escapeHtml(fix.id)}"`
    if (fix.unusual) attributes += ' class="unusual"'
  }
  return {attributes, spoken: `<span class="sr"> (${escapeHtml(words)})</span>`}
}

// `U+002C -> U+FF0C`, `U+3000 U+3000 deleted`, `U+FFFD inserted`; a long run by its length.
export function describeChange(deleted: string, inserted: string): string {
  if (deleted === '') return `${describeCodePoints(inserted)} inserted`
  if (inserted === '') return `${describeCodePoints(deleted)} deleted`
  return `${describeCodePoints(deleted)} -> ${describeCodePoints(inserted)}`
}

const namedCodePoints = 6

function describeCodePoints(text: string): string {
  const characters = Array.from(text)
  if (characters.length > namedCodePoints) return `${characters.length} characters`
  return characters.map((character) => codePointName(character.codePointAt(0)!)).join(' ')
}

function renderPiece(operation: diff.Diff[0], piece: string, removed: boolean, label: Label | undefined): string {
  if (removed) return operation === diff.EQUAL ? `<del class="repeat">${renderText(piece)}</del>` : ''
  return operation === diff.EQUAL ? renderText(piece) : `<ins${label?.attributes ?? ''}>${renderChange(piece)}</ins>`
}
