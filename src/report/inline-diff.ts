// One changed paragraph as HTML: a character-level fast-diff of its original and clean text.
// No semantic cleanup: tuned for alphabetic words, it swallows the single Han characters between
// two punctuation fixes into one long deletion and insertion. Sentence runs removed as repeats
// are put back first (they are the last change made) and shown where they really were, so a
// text captured twice never reads as if its first copy had gone.
import diff from 'fast-diff'
import {renderChange, renderText} from './html-text.js'

export interface RemovedSpan {
  // Column of the removal in the text just before it was removed (1-based).
  column: number
  text: string
}

type Span = [start: number, end: number]

export function renderInlineDiff(original: string, clean: string, removed: RemovedSpan[] = []): string {
  const before = reinsert(clean, removed)
  if (before === undefined) return renderOperations(diff(original, clean), [])
  return renderOperations(diff(original, before.text), before.spans)
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

// Kept and inserted text is cut at the span edges: inside a span it was removed as a repeat.
function renderOperations(operations: diff.Diff[], spans: Span[]): string {
  let html = ''
  let position = 0
  let next = 0
  for (const [operation, text] of operations) {
    if (operation === diff.DELETE) {
      html += `<del>${renderChange(text)}</del>`
      continue
    }
    let offset = 0
    while (offset < text.length) {
      while (next < spans.length && spans[next]![1] <= position + offset) next++
      const span = spans[next]
      const inside = span !== undefined && span[0] <= position + offset
      const stop = span === undefined ? text.length : Math.min(text.length, (inside ? span[1] : span[0]) - position)
      const piece = text.slice(offset, stop)
      html += renderPiece(operation, piece, inside)
      offset = stop
    }
    position += text.length
  }
  return html
}

function renderPiece(operation: diff.Diff[0], piece: string, removed: boolean): string {
  if (removed) return operation === diff.EQUAL ? `<del class="repeat">${renderText(piece)}</del>` : ''
  return operation === diff.EQUAL ? renderText(piece) : `<ins>${renderChange(piece)}</ins>`
}
