// The seen-paragraph store behind `--across-files`: which paragraph keys earlier files of the
// batch held, and where. The interface is one async call per file, so a store in SQLite (for
// incremental runs) or Redis (for several machines) can implement it with one round trip; the
// in-memory store is the default. Results are reproducible only when files claim in batch order.
import type {FirstCopy} from '../data.js'

export interface SeenStore {
  // Claims one file's paragraph keys (with the line of each): for every key an earlier file
  // holds, the place of that first copy; for every other key `undefined`, and this file becomes
  // its first copy. Each call is a new file; a key given twice in one call is that file's own.
  // `owner` names the file for a store that outlives the run (see owner.ts); default `path`.
  claim(path: string, keys: BigUint64Array, lines: Uint32Array, owner?: string): Promise<Array<FirstCopy | undefined>>
}

// A store that could not be reached before the run: bad usage of `--store`, nothing written.
export class StoreUnavailableError extends Error {
  code = 'store-unavailable'
}

// A store that failed during the run: the batch stops, since the files after it could not be
// deduplicated against it.
export class StoreError extends Error {
  code = 'store'
}

// Bytes one slot of the in-memory table takes: the 64-bit key, the file number and the line.
export const slotBytes = 16

const initialCapacity = 1024
const maxLoad = 0.75

// An open-addressing hash table of 64-bit keys (two Uint32 words per slot, linear probing on the
// low word, which xxh64 mixes well) with parallel Uint32Arrays for the file number (plus one, so
// that 0 marks an empty slot) and the line. It doubles when three quarters full. File paths are
// kept once, in an array indexed by file number.
export class MemorySeenStore implements SeenStore {
  readonly paths: string[] = []
  #words = new Uint32Array(2 * initialCapacity)
  #files = new Uint32Array(initialCapacity)
  #lines = new Uint32Array(initialCapacity)
  #size = 0

  // Distinct keys held.
  get size(): number {
    return this.#size
  }

  // Slots in the table (a power of two).
  get capacity(): number {
    return this.#files.length
  }

  // Bytes the table's arrays take (the paths aside).
  get byteLength(): number {
    return this.#words.byteLength + this.#files.byteLength + this.#lines.byteLength
  }

  async claim(path: string, keys: BigUint64Array, lines: Uint32Array): Promise<Array<FirstCopy | undefined>> {
    return this.claimNow(path, keys, lines)
  }

  // The synchronous body of `claim`, for callers on the same thread.
  claimNow(path: string, keys: BigUint64Array, lines: Uint32Array): Array<FirstCopy | undefined> {
    const file = this.paths.length
    this.paths.push(path)
    const words = new Uint32Array(keys.buffer, keys.byteOffset, keys.length * 2)
    const found: Array<FirstCopy | undefined> = []
    for (let index = 0; index < keys.length; index++) {
      const slot = this.#findOrInsert(words[2 * index]!, words[2 * index + 1]!, file, lines[index] ?? 0)
      const owner = this.#files[slot]! - 1
      found.push(owner === file ? undefined : {path: this.paths[owner], line: this.#lines[slot]!, column: 1})
    }
    return found
  }

  // The slot holding the key, inserted with this file and line when absent.
  #findOrInsert(low: number, high: number, file: number, line: number): number {
    if (this.#size + 1 > this.capacity * maxLoad) this.#grow()
    const mask = this.capacity - 1
    let slot = low & mask
    while (this.#files[slot] !== 0) {
      if (this.#words[2 * slot] === low && this.#words[2 * slot + 1] === high) return slot
      slot = (slot + 1) & mask
    }
    this.#words[2 * slot] = low
    this.#words[2 * slot + 1] = high
    this.#files[slot] = file + 1
    this.#lines[slot] = line
    this.#size++
    return slot
  }

  #grow(): void {
    const words = this.#words
    const files = this.#files
    const lines = this.#lines
    const capacity = files.length * 2
    const mask = capacity - 1
    this.#words = new Uint32Array(2 * capacity)
    this.#files = new Uint32Array(capacity)
    this.#lines = new Uint32Array(capacity)
    for (let old = 0; old < files.length; old++) {
      if (files[old] === 0) continue
      let slot = words[2 * old]! & mask
      while (this.#files[slot] !== 0) slot = (slot + 1) & mask
      this.#words[2 * slot] = words[2 * old]!
      this.#words[2 * slot + 1] = words[2 * old + 1]!
      this.#files[slot] = files[old]!
      this.#lines[slot] = lines[old]!
    }
  }
}
