// The batch: walk the inputs, clean each document (in worker threads when there is more than
// one), hand results on in input order, and write the batch reports.
import {statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname} from 'node:path'
import {MemorySeenStore} from '../dedupe/store.js'
import {createProcessor, type ProcessorOptions, processorTimings, selectPlugins} from '../processor.js'
import {type InputEntry, openablePath, type Shard, walkInputs} from '../read/walk.js'
import {BatchSummary} from '../report/summary.js'
import type {FileResult} from '../report/types.js'
import {fileReportPaths, writeBatchReports} from '../report/write.js'
import type {StepTimings} from '../timings.js'
import {cleanOutputPath} from '../write/outputs.js'
import {removeLiveTemporariesWhenSettled, removeOwnTemporaries, sweepStaleSpools} from '../write/temporary.js'
import {OrderedClaims} from './claims.js'
import type {DocumentContext, ResultMessages} from './context.js'
import {cleanFile} from './document.js'
import {mapInOrder} from './ordered-map.js'
import {checkBatchPaths} from './paths.js'
import {documentsPerWorker, WorkerPool} from './worker-pool.js'

export interface RunOptions {
  paths: string[]
  outDir: string
  reportDir?: string
  encoding?: string
  check: boolean
  // The text field of JSONL records.
  field: string
  // Worker threads; 1 cleans in this thread.
  concurrency: number
  shard?: Shard
  processor: ProcessorOptions
  // Follow symlinks found inside input folders.
  followSymlinks?: boolean
  // Which messages each result's record carries when no report is written: `all` (default), or
  // only the `doubts` (warnings and errors), with no removed paragraphs, first copies or changes;
  // its totals and counts still count every message.
  resultMessages?: ResultMessages
  // Called once per input, in input order, as soon as the result is known.
  onResult?: (result: FileResult) => void
  // Called for each entry of a folder that is not cleaned (a symlink, a FIFO), with the reason.
  onSkip?: (path: string, reason: string) => void
  // Aborting stops the batch (SIGINT, SIGTERM): run() rejects with Interrupted once no
  // temporary file is left.
  signal?: AbortSignal
}

export class Interrupted extends Error {
  constructor(
    // Inputs whose results were handed on.
    readonly done: number,
  ) {
    super(`interrupted; ${done} ${done === 1 ? 'file' : 'files'} done`)
  }
}

export interface RunResult {
  summary: BatchSummary
  changed: number
  // Files that could not be cleaned at all.
  failed: number
  // Files cleaned with errors in part of them (JSONL lines that are not JSON).
  withErrors: number
}

interface Cleaner {
  clean: (entry: InputEntry) => Promise<FileResult>
  // Documents taken and not yet handed on, at most.
  inFlight: number
  close: () => Promise<void>
}

export async function run(options: RunOptions): Promise<RunResult> {
  await checkBatchPaths(options)
  await sweepStaleSpools(tmpdir())
  const entries = walkBatch(options)
  const onBytes = isDedupeOnBytes(options)
  const head = await takeUpTo(entries, onBytes ? bytePathLookahead : options.concurrency)
  const summary = new BatchSummary()
  const cleaner = await createCleaner(options, head, onBytes, summary.timings)
  const inFlight = new Set<InputEntry>()
  const clean = async (entry: InputEntry) => {
    inFlight.add(entry)
    try {
      return await cleaner.clean(entry)
    } finally {
      inFlight.delete(entry)
    }
  }
  let done = 0
  const interrupted = whenAborted(options.signal, async () => {
    await removeLiveTemporariesWhenSettled()
    await cleaner.close()
    removeOwnTemporaries([...inFlight].flatMap((entry) => writtenFolders(entry, options)))
    throw new Interrupted(done)
  })
  return Promise.race([cleanBatch(options, summary, entries, head, cleaner, clean, () => done++), interrupted])
}

// The batch's inputs in batch order, never walking into its own output and report folders.
export function walkBatch(options: RunOptions): AsyncGenerator<InputEntry> {
  const skip = options.reportDir ? [options.outDir, options.reportDir] : [options.outDir]
  return walkInputs(options.paths, {
    shard: options.shard,
    skip,
    nameInputs: options.paths.length > 1,
    followSymlinks: options.followSymlinks,
    onSkip: options.onSkip,
  })
}

async function cleanBatch(
  options: RunOptions,
  summary: BatchSummary,
  entries: AsyncIterator<InputEntry>,
  head: InputEntry[],
  cleaner: Cleaner,
  clean: (entry: InputEntry) => Promise<FileResult>,
  counted: () => void,
): Promise<RunResult> {
  let changed = 0
  let failed = 0
  let withErrors = 0
  try {
    for await (const result of mapInOrder(concat(head, entries), cleaner.inFlight, clean)) {
      if (result.status === 'failed') {
        failed++
        summary.addFailure(result.relativePath, result.inputPath, result.reason)
      } else {
        if (result.record.changed) changed++
        if (result.record.totals.errors > 0) withErrors++
        summary.add(result.record)
      }
      options.onResult?.(result)
      counted()
    }
  } finally {
    await cleaner.close()
  }
  try {
    if (options.reportDir && !options.check) await writeBatchReports(options.reportDir, summary)
  } finally {
    summary.close()
  }
  return {summary, changed, failed, withErrors}
}

// Runs `stop` when the signal aborts; the promise settles as `stop` does, never before.
export function whenAborted(signal: AbortSignal | undefined, stop: () => Promise<never>): Promise<never> {
  return new Promise((_, reject) => {
    if (signal?.aborted) stop().catch(reject)
    else signal?.addEventListener('abort', () => stop().catch(reject), {once: true})
  })
}

// The folders where cleaning an entry writes temporary files.
function writtenFolders(entry: InputEntry, options: RunOptions): string[] {
  const folders = [dirname(cleanOutputPath(options.outDir, entry.relativePath))]
  if (options.reportDir) {
    try {
      folders.push(dirname(fileReportPaths(options.reportDir, entry.relativePath).json))
    } catch {
      // A path outside the report folder was refused: nothing was written for it.
    }
  }
  return folders
}

// Threads pay off only with several documents. With cross-file dedupe the order of the batch is
// the result: workers send their claims here, answered in batch order (claims.ts); a store given
// by the caller is used in this thread, one document at a time.
async function createCleaner(
  options: RunOptions,
  head: InputEntry[],
  dedupeOnBytes: boolean,
  timings: StepTimings,
): Promise<Cleaner> {
  const context = {
    outDir: options.outDir,
    reportDir: options.reportDir,
    encoding: options.encoding,
    check: options.check,
    field: options.field,
    owners: options.processor.store !== undefined,
    resultMessages: options.resultMessages,
    dedupeOnBytes,
  }
  const threads = dedupeOnBytes ? byteThreads(head, options.concurrency) : Math.min(options.concurrency, head.length)
  if (threads <= 1 || options.processor.store) {
    const processor = await createProcessor(options.processor)
    const inline: DocumentContext = {...context, processor}
    const inFlight = options.processor.acrossFiles ? 1 : 2
    const close = async () => timings.merge(processorTimings(processor).drain())
    return {clean: (entry) => cleanFile(entry, inline), inFlight, close}
  }
  const claims = options.processor.acrossFiles ? new OrderedClaims(new MemorySeenStore()) : undefined
  const pool = new WorkerPool(threads, {processor: options.processor, context}, {timings, claims})
  // Room for each worker's documents, and as many again waiting for the ones before them.
  const inFlight = 2 * threads * documentsPerWorker
  return {clean: (entry) => pool.clean(entry), inFlight, close: () => pool.close()}
}

// dedupe-paragraphs alone, with no reviewer's rejections, and no record needing its removals one
// by one: the documents can be deduplicated on their bytes.
function isDedupeOnBytes(options: RunOptions): boolean {
  const plugins = selectPlugins(options.processor)
  const rejections = options.processor.rejected?.length ?? 0
  const recordsInFull = options.resultMessages !== 'doubts' || (options.reportDir !== undefined && !options.check)
  return plugins.size === 1 && plugins.has('dedupe-paragraphs') && rejections === 0 && !recordsInFull
}

// Deduplicating on bytes hashes a megabyte in a few milliseconds, so a worker (its own modules,
// processor and WebAssembly: about a tenth of a second) pays off only with megabytes to hash: one
// thread for each `bytesPerByteThread` in the first `bytePathLookahead` files, up to the cores.
const bytePathLookahead = 64
const bytesPerByteThread = 16 * 1024 * 1024

function byteThreads(head: InputEntry[], concurrency: number): number {
  let bytes = 0
  for (const entry of head) bytes += sizeOf(entry)
  return Math.min(concurrency, head.length, Math.floor(bytes / bytesPerByteThread))
}

// A file's size, or 0 when it cannot be read (its failure is reported when it is cleaned).
function sizeOf(entry: InputEntry): number {
  if (entry.failure !== undefined) return 0
  try {
    return statSync(openablePath(entry)).size
  } catch {
    return 0
  }
}

async function takeUpTo<Item>(items: AsyncIterator<Item>, count: number): Promise<Item[]> {
  const taken: Item[] = []
  while (taken.length < count) {
    const next = await items.next()
    if (next.done) break
    taken.push(next.value)
  }
  return taken
}

async function* concat<Item>(head: Item[], rest: AsyncIterator<Item>): AsyncGenerator<Item> {
  yield* head
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value
}
