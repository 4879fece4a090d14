// A fixed set of worker threads, two documents in flight per worker: CPU-bound cleaning runs on
// every core while the main thread only walks inputs, answers `--across-files` claims in batch
// order and prints results.
import {Worker} from 'node:worker_threads'
import type {InputEntry} from '../read/walk.js'
import type {FileResult} from '../report/types.js'
import type {StepTimings} from '../timings.js'
import type {AnswerMessage, OrderedClaims} from './claims.js'
import type {CleanMessage, FromWorker, WorkerSetup} from './worker.js'

interface Task {
  entry: InputEntry
  // Its place in the batch: the order claims are answered in.
  document: number
  resolve: (result: FileResult) => void
}

export interface WorkerPoolOptions {
  // Where each document's step timings are added.
  timings: StepTimings
  // Answers the workers' claims with `--across-files`.
  claims?: OrderedClaims
}

// Documents a worker holds at once: while one waits (for its claims' answers, or for the main
// thread to take its result and send the next), it cleans the other.
export const documentsPerWorker = 2

export class WorkerPool {
  // Each live worker and the documents it holds, by their place in the batch.
  private readonly held = new Map<Worker, Map<number, Task>>()
  private readonly queue: Task[] = []
  // Why no worker is left, once none is.
  private broken: Error | undefined
  // Documents taken so far: the next one's place in the batch.
  private taken = 0

  constructor(
    size: number,
    private readonly setup: WorkerSetup,
    private readonly options: WorkerPoolOptions,
  ) {
    for (let index = 0; index < size; index++) this.startWorker()
  }

  // Resolves to the document's result; a thread that dies makes its documents failed ones, so the
  // batch goes on. Call in batch order.
  clean(entry: InputEntry): Promise<FileResult> {
    const document = this.taken++
    return new Promise((resolve) => {
      this.queue.push({
        entry,
        document,
        resolve: (result) => {
          this.options.claims?.close(document)
          resolve(result)
        },
      })
      this.dispatch()
    })
  }

  async close(): Promise<void> {
    await Promise.all([...this.held.keys()].map((worker) => worker.terminate()))
  }

  private startWorker(): void {
    const worker = new Worker(new URL('./worker.js', import.meta.url), {workerData: this.setup})
    const documents = new Map<number, Task>()
    this.held.set(worker, documents)
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'claim') {
        void this.options.claims?.claim(message).then((answers) => {
          worker.postMessage({type: 'answer', id: message.id, answers} satisfies AnswerMessage)
        })
        return
      }
      const task = documents.get(message.document)
      documents.delete(message.document)
      this.options.timings.merge(message.timings)
      task?.resolve(message.result)
      this.dispatch()
    })
    // A worker that throws is gone, and which of its documents made it throw cannot be told: each
    // fails with the reason, and a fresh worker takes its place. One that dies before any work
    // (it cannot even start) is not replaced, and when none is left every waiting document fails.
    worker.on('error', (error) => {
      this.held.delete(worker)
      for (const task of documents.values()) task.resolve(crashed(task.entry, error))
      if (documents.size > 0) this.startWorker()
      else if (this.held.size === 0) this.broken = error
      this.dispatch()
    })
  }

  private dispatch(): void {
    if (this.broken) for (const waiting of this.queue.splice(0)) waiting.resolve(crashed(waiting.entry, this.broken))
    while (this.queue.length > 0) {
      const worker = this.leastBusy()
      if (worker === undefined) return
      const task = this.queue.shift()!
      this.held.get(worker)!.set(task.document, task)
      worker.postMessage({type: 'clean', entry: task.entry, document: task.document} satisfies CleanMessage)
    }
  }

  // The worker holding the fewest documents, if one has room for another.
  private leastBusy(): Worker | undefined {
    let best: Worker | undefined
    let fewest = documentsPerWorker
    for (const [worker, documents] of this.held) {
      if (documents.size < fewest) {
        best = worker
        fewest = documents.size
      }
    }
    return best
  }
}

function crashed(entry: InputEntry, error: Error): FileResult {
  const reason = `the cleaning thread stopped (${error.message}); this file was not cleaned`
  return {status: 'failed', inputPath: entry.inputPath, relativePath: entry.relativePath, reason}
}
