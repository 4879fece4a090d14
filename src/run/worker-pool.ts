// A fixed set of worker threads, one document in flight per worker: CPU-bound cleaning runs on
// every core while the main thread only walks inputs and prints results.
import {Worker} from 'node:worker_threads'
import type {FileResult} from './document.js'
import type {InputEntry} from './walk.js'
import type {WorkerSetup} from './worker.js'

interface Task {
  entry: InputEntry
  resolve: (result: FileResult) => void
  reject: (error: Error) => void
}

export class WorkerPool {
  private readonly idle: Worker[] = []
  private readonly busy = new Map<Worker, Task>()
  private readonly queue: Task[] = []

  constructor(
    size: number,
    private readonly setup: WorkerSetup,
  ) {
    for (let index = 0; index < size; index++) this.idle.push(this.startWorker())
  }

  clean(entry: InputEntry): Promise<FileResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({entry, resolve, reject})
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
    // A worker that throws is gone: its task fails and a fresh worker takes its place.
    worker.on('error', (error) => {
      const task = this.busy.get(worker)
      this.busy.delete(worker)
      this.idle.push(this.startWorker())
      task?.reject(error)
      this.dispatch()
    })
    return worker
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!
      const task = this.queue.shift()!
      this.busy.set(worker, task)
      worker.postMessage(task.entry)
    }
  }
}
