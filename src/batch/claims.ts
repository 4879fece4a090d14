// `--across-files` on every core: worker threads clean documents and compute paragraph keys; the
// claims (a table probe per key) are made here in the main thread in batch order, so which copy is
// first is decided by the batch order alone and the result is the same with one thread or many.
// A worker's document waits only for the claims of the documents before it, not for their rest.
import {AsyncLocalStorage} from 'node:async_hooks'
import type {FirstCopy} from '../data.js'
import {type CompactAnswers, expandAnswers, type MemorySeenStore, type SeenStore} from '../dedupe/store.js'

export type ClaimAnswers = Array<FirstCopy | undefined>

// A worker's claim, as posted to the main thread.
export interface ClaimMessage {
  type: 'claim'
  // The claim's number within the worker, to match the answer.
  id: number
  // The document's place in the batch.
  document: number
  path: string
  keys: BigUint64Array
  lines: Uint32Array
  // Whether this is the document's last claim (a text file claims once; a JSONL file once a record).
  last: boolean
}

export interface AnswerMessage {
  type: 'answer'
  id: number
  answers: CompactAnswers
}

interface Waiting {
  claim: ClaimMessage
  resolve: (answers: CompactAnswers) => void
}

// The main thread's side: answers each document's claims once every earlier document is closed
// (its last claim answered, or its result in).
export class OrderedClaims {
  #next = 0
  readonly #waiting = new Map<number, Waiting[]>()
  readonly #closed = new Set<number>()

  constructor(private readonly store: MemorySeenStore) {}

  claim(claim: ClaimMessage): Promise<CompactAnswers> {
    return new Promise((resolve) => {
      const waiting = this.#waiting.get(claim.document)
      if (waiting) waiting.push({claim, resolve})
      else this.#waiting.set(claim.document, [{claim, resolve}])
      this.#answerInOrder()
    })
  }

  // The document will claim no more (its result is in).
  close(document: number): void {
    if (document < this.#next) return
    this.#closed.add(document)
    this.#answerInOrder()
  }

  #answerInOrder(): void {
    for (;;) {
      const waiting = this.#waiting.get(this.#next)
      for (const {claim, resolve} of waiting?.splice(0) ?? []) {
        resolve(this.store.claimCompact(claim.path, claim.keys, claim.lines))
        if (claim.last) this.#closed.add(this.#next)
      }
      if (!this.#closed.delete(this.#next)) return
      this.#waiting.delete(this.#next)
      this.#next++
    }
  }
}

// The worker's side: a seen store whose claims go to the main thread. A worker cleans more than
// one document at a time, so each claim is told its document by the async context it runs in
// (`claimingFor`), whatever awaits came between.
export class ClaimingStore implements SeenStore {
  readonly #documents = new AsyncLocalStorage<{document: number; claims: 'one' | 'many'}>()
  #nextId = 0
  readonly #pending = new Map<number, (answers: ClaimAnswers) => void>()

  constructor(private readonly post: (message: ClaimMessage) => void) {}

  // Runs the cleaning of a document, telling its claims which document they are for and whether
  // it makes one claim (a text file) or one per record.
  claimingFor<Result>(document: number, claims: 'one' | 'many', clean: () => Promise<Result>): Promise<Result> {
    return this.#documents.run({document, claims}, clean)
  }

  claim(path: string, keys: BigUint64Array, lines: Uint32Array): Promise<ClaimAnswers> {
    const id = this.#nextId++
    const cleaning = this.#documents.getStore()
    if (!cleaning) throw new Error('a worker claimed outside the cleaning of a document')
    const {document, claims} = cleaning
    return new Promise((resolve) => {
      this.#pending.set(id, resolve)
      this.post({type: 'claim', id, document, path, keys, lines, last: claims === 'one'})
    })
  }

  answer(message: AnswerMessage): void {
    const resolve = this.#pending.get(message.id)
    this.#pending.delete(message.id)
    resolve?.(expandAnswers(message.answers))
  }
}
