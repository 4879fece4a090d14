// The `.patch` of a document: a standard unified diff (3 lines of context) from the decoded
// input to the clean text, which `patch -p1` applies to the input to give the clean text.
import {diffLines, type LineEdit} from './line-diff.js'
import type {CleanedDocument} from './types.js'

const context = 3

interface Hunk {
  // Index of the hunk's first edit and one past its last.
  start: number
  end: number
  // Line numbers of the hunk's first line in the original and in the clean text.
  oldLine: number
  newLine: number
}

export function renderPatch(outcome: Pick<CleanedDocument, 'relativePath' | 'original' | 'clean'>): string {
  if (outcome.original === outcome.clean) return ''
  const edits = diffLines(outcome.original, outcome.clean)
  const name = outcome.relativePath
  let patch = `--- ${quotePath(`a/${name}`)}\n+++ ${quotePath(`b/${name}`)}\n`
  for (const hunk of groupHunks(edits)) patch += renderHunk(edits, hunk)
  return patch
}

// Changes closer than twice the context share one hunk, as in GNU diff. The lines between a
// hunk's start and its first change are all kept, which gives its starting line numbers.
function groupHunks(edits: LineEdit[]): Hunk[] {
  const hunks: Hunk[] = []
  let current: Hunk | undefined
  let oldLine = 1
  let newLine = 1
  edits.forEach((edit, index) => {
    if (edit.kind !== ' ') {
      const start = Math.max(0, index - context)
      const end = Math.min(edits.length, index + 1 + context)
      if (current && start <= current.end) current.end = end
      else {
        const before = index - start
        current = {start, end, oldLine: oldLine - before, newLine: newLine - before}
        hunks.push(current)
      }
    }
    if (edit.kind !== '+') oldLine++
    if (edit.kind !== '-') newLine++
  })
  return hunks
}

function renderHunk(edits: LineEdit[], hunk: Hunk): string {
  let oldCount = 0
  let newCount = 0
  let body = ''
  for (let index = hunk.start; index < hunk.end; index++) {
    const edit = edits[index]!
    if (edit.kind !== '+') oldCount++
    if (edit.kind !== '-') newCount++
    body += `${edit.kind}${edit.text}\n`
    if (!edit.newline) body += '\\ No newline at end of file\n'
  }
  return `@@ -${range(hunk.oldLine, oldCount)} +${range(hunk.newLine, newCount)} @@\n${body}`
}

// An empty range names the line before it (0 at the top); a one-line range has no count.
function range(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`
  return count === 1 ? `${start}` : `${start},${count}`
}

// Names with a space end at a tab (GNU patch reads up to it); names with quotes, backslashes or
// control characters are C-quoted, as git does.
export function quotePath(path: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this quotes.
  if (/["\\\x00-\x1f\x7f]/.test(path)) return `"${path.replace(/["\\\x00-\x1f\x7f]/g, escapeCharacter)}"`
  return path.includes(' ') ? `${path}\t` : path
}

const namedEscapes: Record<string, string> = {'"': '\\"', '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r'}

function escapeCharacter(character: string): string {
  return namedEscapes[character] ?? `\\${character.charCodeAt(0).toString(8).padStart(3, '0')}`
}
