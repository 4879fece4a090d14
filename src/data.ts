// What plugins leave on `file.data` for the reports, beyond their messages, and how far a
// detected encoding can be trusted (read/ detects it, clean() and the JSONL flow warn about it).
import type {Point} from './syntax/types.js'

export interface Removal {
  // The id of its message (see `messageId` in messages.ts).
  id?: string
  // `paragraph`: a whole paragraph went; `sentence`: a run of sentences inside one.
  kind: 'paragraph' | 'sentence'
  ruleId: string
  text: string
  place: Point
  firstCopy: FirstCopy
}

export interface FirstCopy {
  // The file holding the first copy; absent when it is the same file.
  path?: string
  line: number
  column: number
  // With `--boilerplate`: the number of files holding the paragraph, when it is boilerplate.
  files?: number
}

export interface Decoding {
  encoding: string
  confidence: number
  bom: boolean
}

// Below this confidence a detected encoding is a guess a reviewer should check.
export const lowConfidence = 0.6

// The reason to doubt a detected encoding, or undefined when it is certain enough.
export function doubtAbout(decoding: Decoding): string | undefined {
  if (decoding.confidence >= lowConfidence) return undefined
  const percent = Math.round(decoding.confidence * 100)
  return `Low-confidence encoding guess \`${decoding.encoding}\` (${percent}%): check the input, or force one with --encoding`
}

declare module 'vfile' {
  interface DataMap {
    removed: Removal[]
    decoding: Decoding
    // Who holds this document's first copies in a store that outlives the run (dedupe/owner.ts).
    owner: string
    // The document's path relative to its input folder (with `:N` for a JSONL record's line):
    // the first part of every message id.
    relativePath: string
    // Ids of the fixes and removals a reviewer rejected (`--decisions`): reported, never applied.
    rejected: ReadonlySet<string>
    // Set when nothing reads this document's fixes and removals one by one (no report, a record
    // of its doubts only): unless a reviewer's rejections must be matched, they are counted in
    // `tally` instead of each becoming a message and an id.
    countOnly: boolean
    tally: Tally
  }
}

// The figures of the fixes and removals a document only counts (`countOnly`): what their messages
// and `removed` would have added to its record's totals and counts.
export interface Tally {
  fixes: number
  removed: number
  // Per plugin (ruleId) and per spec rule (a fix's note), as a record's counts.
  plugins: Record<string, number>
  rules: Record<string, number>
}

// Counts a fix (with its spec rule) or, with no rule, a removal.
export function tallyChange(data: {tally?: Tally}, kind: 'fix' | 'removal', ruleId: string, note?: string): void {
  data.tally ??= {fixes: 0, removed: 0, plugins: {}, rules: {}}
  const tally = data.tally
  if (kind === 'fix') tally.fixes++
  else tally.removed++
  tally.plugins[ruleId] = (tally.plugins[ruleId] ?? 0) + 1
  if (note) tally.rules[note] = (tally.rules[note] ?? 0) + 1
}

export function recordRemoval(data: {removed?: Removal[]}, removal: Removal): void {
  data.removed ??= []
  data.removed.push(removal)
}
