// The two-phase batch's spool: each document as phase 1 left it (its tree before
// dedupe-paragraphs, its messages so far, its claimed keys), one JSON line each, in batch order,
// on local disk, so phase 2 finishes it without cleaning it again. A dot folder under the output
// folder (walks skip dot files) holds it, one file per shard, removed once phase 2 is done.
import {once} from 'node:events'
import {createReadStream, createWriteStream, type WriteStream} from 'node:fs'
import {mkdir, rm, rmdir} from 'node:fs/promises'
import {join} from 'node:path'
import type {Decoding, FirstCopy} from '../data.js'
import type {Root} from '../syntax/types.js'
import {writeChunk} from '../write/atomic.js'

// The reserved name of the spool folder.
export const spoolFolderName = '.newsclean-spool'

export interface SpooledMessage {
  reason: string
  place: unknown
  ruleId?: string
  source?: string
  actual?: string
  expected?: string[]
  note?: string
  fatal?: boolean | null
}

export interface SpooledDocument {
  status: 'spooled'
  inputPath: string
  relativePath: string
  order: number
  owner: string
  decoding: Decoding
  original: string
  paragraphsIn: number
  tree: Root
  messages: SpooledMessage[]
  // The claimed keys (base64 of their 64-bit words) and their lines.
  keys: string
  lines: number[]
  // The answers a store in batch order gave in phase 1 (null: none earlier).
  answers?: Array<FirstCopy | null>
}

export interface SpooledFailure {
  status: 'failed'
  inputPath: string
  relativePath: string
  reason: string
}

export type SpoolEntry = SpooledDocument | SpooledFailure

export class DocumentSpool {
  readonly path: string
  #stream: WriteStream | undefined

  constructor(folder: string, name: string) {
    this.path = join(folder, spoolFolderName, `${name}.jsonl`)
  }

  // Starts an empty spool (a rerun starts over: its claims are recognised as its own).
  async open(): Promise<void> {
    await mkdir(join(this.path, '..'), {recursive: true})
    this.#stream = createWriteStream(this.path)
    await once(this.#stream, 'open')
  }

  async append(entry: SpoolEntry): Promise<void> {
    await writeChunk(this.#stream!, JSON.stringify(entry) + '\n')
  }

  async finish(): Promise<void> {
    const stream = this.#stream!
    stream.end()
    await once(stream, 'finish')
  }

  // The entries in the order they were added. Splits on LF only (JSON leaves U+2028 as it is).
  async *read(): AsyncGenerator<SpoolEntry> {
    let rest = ''
    for await (const chunk of createReadStream(this.path, {encoding: 'utf8'})) {
      const lines = (rest + (chunk as string)).split('\n')
      rest = lines.pop()!
      for (const line of lines) yield JSON.parse(line) as SpoolEntry
    }
  }

  async remove(): Promise<void> {
    this.#stream?.destroy()
    await rm(this.path, {force: true})
    // Other shards' spools may share the folder on a shared disk: it goes only when empty.
    await rmdir(join(this.path, '..')).catch(() => undefined)
  }
}

export function keysToText(keys: BigUint64Array): string {
  return Buffer.from(keys.buffer, keys.byteOffset, keys.byteLength).toString('base64')
}

export function keysFromText(text: string): BigUint64Array {
  const bytes = Buffer.from(text, 'base64')
  const keys = new BigUint64Array(bytes.length / 8)
  new Uint8Array(keys.buffer).set(bytes)
  return keys
}
