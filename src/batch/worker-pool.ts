// A fixed set of worker threads, one document in flight per worker: CPU-bound cleaning runs on
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

export class WorkerPool {
  private readonly idle: Worker[] = []
  private readonly busy = new Map<Worker, Task>()
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
    for (let index = 0; index < size; index++) this.idle.push(this.startWorker())
  }

  // Resolves to the document's result; a thread that dies makes its document a failed one, so the
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
    await Promise.all([...this.idle, ...this.busy.keys()].map((worker) => worker.terminate()))
  }

  private startWorker(): Worker {
    const worker = new Worker(new URL('./worker.js', import.meta.url), {workerData: this.setup})
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'claim') {
        void this.options.claims?.claim(message).then((answers) => {
          worker.postMessage({type: 'answer', id: message.id, answers} satisfies AnswerMessage)
        })
        return
      }
      const task = this.busy.get(worker)
      this.busy.delete(worker)
      this.idle.push(worker)
      this.options.timings.merge(message.timings)
      task?.resolve(message.result)
      this.dispatch()
    })
    // A worker that throws is gone. Its document fails with the reason and a fresh worker takes
    // its place; one that dies before any work (it cannot even start) is not replaced, and when
    // none is left every waiting document fails.
    worker.on('error', (error) => {
      const task = this.busy.get(worker)
      this.busy.delete(worker)
      const idleIndex = this.idle.indexOf(worker)
      if (idleIndex !== -1) this.idle.splice(idleIndex, 1)
      if (task) {
        task.resolve(crashed(task.entry, error))
        this.idle.push(this.startWorker())
      } else if (this.idle.length === 0 && this.busy.size === 0) {
        this.broken = error
      }
      this.dispatch()
    })
    return worker
  }

  private dispatch(): void {
    if (this.broken) for (const waiting of this.queue.splice(0)) waiting.resolve(crashed(waiting.entry, this.broken))
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!
      const task = this.queue.shift()!
      this.busy.set(worker, task)
      worker.postMessage({type: 'clean', entry: task.entry, document: task.document} satisfies CleanMessage)
    }
  }
}

function crashed(entry: InputEntry, error: Error): FileResult {
  const reason = `the cleaning thread stopped (${error.message}); this file was not cleaned`
  return {status: 'failed', inputPath: entry.inputPath, relativePath: entry.relativePath, reason}
}
