// dedupe-paragraphs on an input's bytes, for a run where it is the only step and no one reads its
// removals one by one (no report written, the terminal showing doubts only): the text is never
// decoded, parsed or stringified. Paragraphs are found on the bytes as the parser finds them in
// the text (read/utf8-paragraphs.ts), keyed from their bytes as from their text (dedupe/key.ts),
// and the plugin's own functions decide, against the processor's own seen store, so the rule
// lives in one place and a file that takes the tree path (not UTF-8, HTML, JSONL, windowed)
// claims in the same store. The clean bytes are the kept lines joined by LF, ending with LF, as
// stringify writes them; the record counts the removals as the tree path's messages would.
import type {Decoding} from '../data.js'
import {loadUtf8KeyOf} from '../dedupe/key.js'
import {ownerOf} from '../dedupe/owner.js'
import {
  type Claimant,
  claimAcrossFiles,
  type DedupeSettings,
  findFirstCopiesOfKeys,
  removalOf,
} from '../plugins/dedupe-paragraphs.js'
import {processorTimings} from '../processor.js'
import {utf8TextStart} from '../read/decode.js'
import {isHtml} from '../read/html.js'
import {giveBack, readReused, takeBuffer} from '../read/reused.js'
import {utf8Paragraphs} from '../read/utf8-paragraphs.js'
import {type InputEntry, openablePath} from '../read/walk.js'
import {type FileRecord, totalsOf} from '../report/record.js'
import {writeFileAtomicSync} from '../write/atomic.js'
import {cleanOutputPath} from '../write/outputs.js'
import type {DocumentContext} from './context.js'

const ruleId = 'dedupe-paragraphs'

export interface DedupedBytes {
  // The kept paragraphs' bytes, each ended by LF, in a buffer of the pool (read/reused.ts).
  clean: Buffer
  // Gives that buffer back.
  release: () => void
  paragraphs: {in: number; out: number}
  // Paragraphs removed as repeats.
  removed: number
}

// The settings when the processor's only step is dedupe-paragraphs, no record needs its
// messages, and the input is plain text read in its detected encoding, so it may take the byte
// path; undefined otherwise.
export function bytePathSettings(context: DocumentContext, relativePath: string): DedupeSettings | undefined {
  if (!context.dedupeOnBytes || context.encoding !== undefined || isHtml(relativePath)) return undefined
  return context.processor.data('dedupeParagraphs')
}

// The record of an input cleaned on its bytes, or the bytes of one decode() does not read as
// UTF-8, for the tree path.
export type BytePathOutcome = {record: FileRecord} | {notUtf8: Uint8Array}

// The input cleaned on its bytes when decode() reads it as UTF-8: its clean bytes written
// atomically (unless `--check`) and its summary record.
export async function cleanOnBytes(
  entry: InputEntry,
  settings: DedupeSettings,
  context: DocumentContext,
): Promise<BytePathOutcome> {
  const input = readReused(openablePath(entry))
  try {
    const textStart = utf8TextStart(input.bytes)
    if (textStart === undefined) return {notUtf8: Buffer.from(input.bytes)}
    const owner = context.owners ? await ownerOf(entry.relativePath, input.bytes) : undefined
    return {record: await cleanUtf8File(entry, input.bytes, textStart, settings, context, owner)}
  } finally {
    input.release()
  }
}

async function cleanUtf8File(
  entry: InputEntry,
  bytes: Uint8Array,
  textStart: number,
  settings: DedupeSettings,
  context: DocumentContext,
  owner: string | undefined,
): Promise<FileRecord> {
  const started = performance.now()
  const deduped = await dedupeUtf8(bytes, textStart, settings, {path: entry.inputPath, owner})
  processorTimings(context.processor).record(ruleId, performance.now() - started)
  const outputPath = context.check ? null : cleanOutputPath(context.outDir, entry.relativePath)
  let changed: boolean
  try {
    if (outputPath !== null) writeFileAtomicSync(outputPath, deduped.clean)
    changed = !isSameText(deduped.clean, bytes, textStart)
  } finally {
    deduped.release()
  }
  const decoding: Decoding = {encoding: 'UTF-8', confidence: 1, bom: textStart > 0}
  return {
    relativePath: entry.relativePath,
    input: entry.inputPath,
    output: outputPath,
    decoding,
    changed,
    paragraphs: deduped.paragraphs,
    totals: totalsOf([], deduped.removed),
    counts: {plugins: deduped.removed > 0 ? {[ruleId]: deduped.removed} : {}, rules: {}},
    removed: [],
    firstCopies: [],
    changes: [],
    messages: [],
    rejected: [],
  }
}

// dedupe-paragraphs on the UTF-8 text of bytes [textStart, end): the kept paragraphs' bytes and
// the counts, the removals decided as the plugin decides them.
async function dedupeUtf8(
  bytes: Uint8Array,
  textStart: number,
  settings: DedupeSettings,
  document: Claimant,
): Promise<DedupedBytes> {
  const {starts, ends, lines} = utf8Paragraphs(bytes, textStart)
  const keyOf = await loadUtf8KeyOf()
  const keys = starts.map((start, index) => keyOf(bytes, start, ends[index]!))
  const firstCopies = findFirstCopiesOfKeys(keys)
  const store = settings.store
  const earlier = store ? await claimAcrossFiles(store, document, lines, keys, firstCopies) : []
  const codePoints = (index: number) => utf8CodePoints(bytes, starts[index]!, ends[index]!)
  const kept: number[] = []
  for (let index = 0; index < starts.length; index++) {
    if (removalOf(index, firstCopies, earlier, codePoints, settings.minLength) === undefined) kept.push(index)
  }
  const buffer = takeBuffer(cleanLength(kept, starts, ends))
  return {
    clean: joinLines(bytes, kept, starts, ends, buffer),
    release: () => giveBack(buffer),
    paragraphs: {in: starts.length, out: kept.length},
    removed: starts.length - kept.length,
  }
}

// The kept paragraphs' bytes, each followed by LF: what stringify writes of the kept text. Kept
// paragraphs that follow each other in the input, one LF apart, are copied in one piece.
function joinLines(bytes: Uint8Array, kept: number[], starts: number[], ends: number[], clean: Buffer): Buffer {
  let at = 0
  let order = 0
  while (order < kept.length) {
    const start = starts[kept[order]!]!
    let end = ends[kept[order]!]!
    order++
    while (order < kept.length && starts[kept[order]!] === end + 1 && bytes[end] === 0x0a) end = ends[kept[order++]!]!
    clean.set(bytes.subarray(start, end), at)
    at += end - start
    clean[at++] = 0x0a
  }
  return clean.subarray(0, at)
}

function cleanLength(kept: number[], starts: number[], ends: number[]): number {
  let length = 0
  for (const index of kept) length += ends[index]! - starts[index]! + 1
  return length
}

// Code points in UTF-8 bytes [start, end): every byte that is not a continuation starts one.
function utf8CodePoints(bytes: Uint8Array, start: number, end: number): number {
  let count = 0
  for (let index = start; index < end; index++) if ((bytes[index]! & 0xc0) !== 0x80) count++
  return count
}

// Whether the clean bytes are the decoded input (its text from `textStart`, each CRLF or CR read
// as LF, as decode() gives it), which the record calls unchanged.
function isSameText(clean: Buffer, bytes: Uint8Array, textStart: number): boolean {
  const input = Buffer.from(bytes.buffer, bytes.byteOffset + textStart, bytes.byteLength - textStart)
  if (!input.includes(0x0d)) return clean.equals(input)
  let at = 0
  for (let index = 0; index < input.length; index++, at++) {
    const byte = input[index]!
    if (byte === 0x0d) {
      if (input[index + 1] === 0x0a) index++
      if (clean[at] !== 0x0a) return false
    } else if (clean[at] !== byte) {
      return false
    }
  }
  return at === clean.length
}
