// The batch: walk the inputs, clean each document (in worker threads when there is more than one
// and no cross-file state), hand results on in input order, and write the batch reports.
import {createProcessor, type ProcessorOptions} from '../processor.js'
import {type InputEntry, type Shard, walkInputs} from '../read/walk.js'
import {BatchSummary} from '../report/summary.js'
import type {FileResult} from '../report/types.js'
import {writeBatchReports} from '../report/write.js'
import type {DocumentContext} from './context.js'
import {cleanFile} from './document.js'
import {mapInOrder} from './ordered-map.js'
import {WorkerPool} from './worker-pool.js'

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
  // Called once per input, in input order, as soon as the result is known.
  onResult?: (result: FileResult) => void
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
  const skip = options.reportDir ? [options.outDir, options.reportDir] : [options.outDir]
  const entries = walkInputs(options.paths, {shard: options.shard, skip})
  const head = await takeUpTo(entries, options.concurrency)
  const cleaner = await createCleaner(options, head.length)
  const summary = new BatchSummary()
  let changed = 0
  let failed = 0
  let withErrors = 0
  try {
    for await (const result of mapInOrder(concat(head, entries), cleaner.inFlight, cleaner.clean)) {
      if (result.status === 'failed') {
        failed++
        summary.addFailure(result.relativePath, result.inputPath, result.reason)
      } else {
        if (result.record.changed) changed++
        if (result.record.totals.errors > 0) withErrors++
        summary.add(result.record)
      }
      options.onResult?.(result)
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

// Threads pay off only with several documents and no state shared between them. With
// cross-file dedupe the order of the batch is the result: one document at a time, in this thread.
async function createCleaner(options: RunOptions, documentsSeen: number): Promise<Cleaner> {
  const context = {
    outDir: options.outDir,
    reportDir: options.reportDir,
    encoding: options.encoding,
    check: options.check,
    field: options.field,
  }
  const threads = Math.min(options.concurrency, documentsSeen)
  if (threads <= 1 || options.processor.acrossFiles) {
    const inline: DocumentContext = {...context, processor: await createProcessor(options.processor)}
    const inFlight = options.processor.acrossFiles ? 1 : 2
    return {clean: (entry) => cleanFile(entry, inline), inFlight, close: async () => {}}
  }
  const pool = new WorkerPool(threads, {processor: options.processor, context})
  return {clean: (entry) => pool.clean(entry), inFlight: threads * 2, close: () => pool.close()}
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
