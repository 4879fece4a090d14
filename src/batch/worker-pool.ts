// A fixed set of worker threads, one document in flight per worker: CPU-bound cleaning runs on
// every core while the main thread only walks inputs and prints results.
import {Worker} from 'node:worker_threads'
import type {InputEntry} from '../read/walk.js'
import type {FileResult} from '../report/types.js'
import type {WorkerSetup} from './worker.js'

interface Task {
  entry: InputEntry
  resolve: (result: FileResult) => void
}

export class WorkerPool {
  private readonly idle: Worker[] = []
  private readonly busy = new Map<Worker, Task>()
  private readonly queue: Task[] = []
  // Why no worker is left, once none is.
  private broken: Error | undefined

  constructor(
    size: number,
    private readonly setup: WorkerSetup,
  ) {
    for (let index = 0; index < size; index++) this.idle.push(this.startWorker())
  }

  // Resolves to the document's result; a thread that dies makes its document a failed one, so the
  // batch goes on.
  clean(entry: InputEntry): Promise<FileResult> {
    return new Promise((resolve) => {
      this.queue.push({entry, resolve})
      this.dispatch()
    })
  }

  async close(): Promise<void> {
    await Promise.all([...this.idle, ...this.busy.keys()].map((worker) => worker.terminate()))
  }

  private startWorker(): Worker {
    const worker = new Worker(new URL('./worker.js', import.meta.url), {workerData: this.setup})
    worker.on('message', (result: FileResult) => {
      const task = this.busy.get(worker)
      this.busy.delete(worker)
      this.idle.push(worker)
      task?.resolve(result)
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
      worker.postMessage(task.entry)
    }
  }
}

function crashed(entry: InputEntry, error: Error): FileResult {
  const reason = `the cleaning thread stopped (${error.message}); this file was not cleaned`
  return {status: 'failed', inputPath: entry.inputPath, relativePath: entry.relativePath, reason}
}
