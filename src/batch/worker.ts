// The worker thread's side of the pool: builds its own processor once, then cleans one
// document per message and posts the result back.
import {parentPort, workerData} from 'node:worker_threads'
import {createProcessor, type ProcessorOptions} from '../processor.js'
import type {InputEntry} from '../read/walk.js'
import type {DocumentContext} from './context.js'
import {cleanFile} from './document.js'

export interface WorkerSetup {
  processor: ProcessorOptions
  context: Omit<DocumentContext, 'processor'>
}

const setup = workerData as WorkerSetup
const port = parentPort!
const context: DocumentContext = {...setup.context, processor: await createProcessor(setup.processor)}

port.on('message', async (entry: InputEntry) => {
  port.postMessage(await cleanFile(entry, context))
})
