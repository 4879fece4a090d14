// The worker thread's side of the pool: builds its own processor once, then cleans one
// document per message and posts the result back with the time each step took. With
// `--across-files` its paragraph claims go to the main thread (claims.ts).
import {parentPort, workerData} from 'node:worker_threads'
import {createProcessor, type ProcessorOptions, processorTimings} from '../processor.js'
import type {InputEntry} from '../read/walk.js'
import type {FileResult} from '../report/types.js'
import type {StepTimingsSnapshot} from '../timings.js'
import {type AnswerMessage, ClaimingStore, type ClaimMessage} from './claims.js'
import type {DocumentContext} from './context.js'
import {cleanFile} from './document.js'
import {claimsOnce} from './windows.js'

export interface WorkerSetup {
  processor: ProcessorOptions
  context: Omit<DocumentContext, 'processor'>
}

export interface CleanMessage {
  type: 'clean'
  entry: InputEntry
  // The document's place in the batch.
  document: number
}

export interface ResultMessage {
  type: 'result'
  // The document's place in the batch, as the clean message gave it.
  document: number
  result: FileResult
  timings: StepTimingsSnapshot
}

export type FromWorker = ResultMessage | ClaimMessage

const setup = workerData as WorkerSetup
const port = parentPort!
const store = setup.processor.acrossFiles ? new ClaimingStore((claim) => port.postMessage(claim)) : undefined
const processor = await createProcessor({...setup.processor, store})
const context: DocumentContext = {...setup.context, processor}

port.on('message', async (message: CleanMessage | AnswerMessage) => {
  if (message.type === 'answer') {
    store?.answer(message)
    return
  }
  const clean = () => cleanFile(message.entry, context)
  const claims = store ? ((await claimsOnce(message.entry)) ? 'one' : 'many') : 'one'
  const result = await (store ? store.claimingFor(message.document, claims, clean) : clean())
  const timings = processorTimings(processor).drain()
  port.postMessage({type: 'result', document: message.document, result, timings} satisfies ResultMessage)
})
