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
    // Set when nothing reads the ids of this document's fixes and removals (no report, a record
    // of its doubts only): they get none unless a reviewer's rejections must be matched.
    withoutIds: boolean
  }
}

export function recordRemoval(data: {removed?: Removal[]}, removal: Removal): void {
  data.removed ??= []
  data.removed.push(removal)
}
