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

// Bytes one slot of the in-memory table takes: the 64-bit key and the place of its first copy.
export const slotBytes = 12

// The table is kept between 78% and 90% full, so a distinct paragraph costs at most
// 12 / 0.78 = 15.4 bytes (plus 4 bytes a file for where its lines start).
const maxLoad = 0.9
const growth = 1.15
const initialCapacity = 1024

// No first copy in an earlier file, as a file index and as a batch line.
const noFile = -1
const noPlace = 0xffffffff

// Answers in typed arrays, per key: `files` indexes `paths` (or is -1 for none), `lines` the line.
export interface CompactAnswers {
  files: Int32Array
  lines: Uint32Array
  paths: string[]
}

// The answers as `claim` gives them.
export function expandAnswers(answers: CompactAnswers): Array<FirstCopy | undefined> {
  const found: Array<FirstCopy | undefined> = new Array(answers.files.length).fill(undefined)
  for (let index = 0; index < found.length; index++) {
    const file = answers.files[index]!
    if (file !== noFile) found[index] = {path: answers.paths[file]!, line: answers.lines[index]!, column: 1}
  }
  return found
}

// Lines of the whole batch the table can place: a slot holds a batch line plus one in 32 bits.
export const maxBatchLines = 0xfffffffe

// An open-addressing hash table of 64-bit keys, linear probing from the key's low word (which
// xxh64 mixes well) scaled onto the table, so the table can grow by 15% at a time rather than
// double. Each slot is three Uint32 words side by side: the key's low and high words and its
// first copy's place, a line number counted across the whole batch (plus one, so that 0 marks an
// empty slot). Files claim in batch order, so each file's lines follow the last's: the file is
// found again by a binary search over where each file's lines start.
export class MemorySeenStore implements SeenStore {
  readonly paths: string[] = []
  #slots = new Uint32Array(3 * initialCapacity)
  #capacity = initialCapacity
  #size = 0
  // Per file, its first line's number in the batch; `#nextLine` is where the next file's start.
  #fileStarts = new Uint32Array(64)
  #nextLine = 0

  // Distinct keys held.
  get size(): number {
    return this.#size
  }

  // Slots in the table.
  get capacity(): number {
    return this.#capacity
  }

  // Bytes the table's arrays take (the paths aside).
  get byteLength(): number {
    return this.#slots.byteLength + this.#fileStarts.byteLength
  }

  async claim(path: string, keys: BigUint64Array, lines: Uint32Array): Promise<Array<FirstCopy | undefined>> {
    return this.claimNow(path, keys, lines)
  }

  // The synchronous body of `claim`, for callers on the same thread.
  claimNow(path: string, keys: BigUint64Array, lines: Uint32Array): Array<FirstCopy | undefined> {
    const places = this.#claimPlaces(path, keys, lines)
    const found: Array<FirstCopy | undefined> = new Array(places.length).fill(undefined)
    for (let index = 0; index < places.length; index++) {
      if (places[index] !== noPlace) found[index] = this.#firstCopyAt(places[index]!)
    }
    return found
  }

  // The same answers for another thread: a structured clone of one object per first copy, its
  // path written out each time, cost the main thread of a 200 MB batch about a quarter second.
  claimCompact(path: string, keys: BigUint64Array, lines: Uint32Array): CompactAnswers {
    const places = this.#claimPlaces(path, keys, lines)
    const files = new Int32Array(places.length).fill(noFile)
    const firstLines = new Uint32Array(places.length)
    const paths: string[] = []
    const pathIndex = new Map<number, number>()
    for (let index = 0; index < places.length; index++) {
      if (places[index] === noPlace) continue
      const file = this.#fileAt(places[index]!)
      let at = pathIndex.get(file)
      if (at === undefined) {
        at = paths.push(this.paths[file]!) - 1
        pathIndex.set(file, at)
      }
      files[index] = at
      firstLines[index] = places[index]! - this.#fileStarts[file]!
    }
    return {files, lines: firstLines, paths}
  }

  // Per key, the batch line of its first copy in an earlier file, or `noPlace`.
  #claimPlaces(path: string, keys: BigUint64Array, lines: Uint32Array): Uint32Array {
    const file = this.#startFile(path, lines)
    const start = this.#fileStarts[file]!
    const words = new Uint32Array(keys.buffer, keys.byteOffset, keys.length * 2)
    const places = new Uint32Array(keys.length).fill(noPlace)
    for (let index = 0; index < keys.length; index++) {
      const place = this.#findOrInsert(words[2 * index]!, words[2 * index + 1]!, start + (lines[index] ?? 0) + 1) - 1
      if (place < start) places[index] = place
    }
    return places
  }

  #startFile(path: string, lines: Uint32Array): number {
    const file = this.paths.length
    this.paths.push(path)
    if (file === this.#fileStarts.length) {
      const starts = new Uint32Array(file * 2)
      starts.set(this.#fileStarts)
      this.#fileStarts = starts
    }
    let last = 0
    for (const line of lines) if (line > last) last = line
    if (this.#nextLine + last + 1 > maxBatchLines) {
      throw new Error(`--across-files holds at most ${maxBatchLines} lines a batch; split the batch`)
    }
    this.#fileStarts[file] = this.#nextLine
    this.#nextLine += last + 1
    return file
  }

  #firstCopyAt(place: number): FirstCopy {
    const file = this.#fileAt(place)
    return {path: this.paths[file], line: place - this.#fileStarts[file]!, column: 1}
  }

  // The file whose lines hold this batch line, found by binary search.
  #fileAt(place: number): number {
    let low = 0
    let high = this.paths.length - 1
    while (low < high) {
      const middle = (low + high + 1) >>> 1
      if (this.#fileStarts[middle]! <= place) low = middle
      else high = middle - 1
    }
    return low
  }

  // The place held for the key, or the given one when the key was absent and is now inserted.
  #findOrInsert(low: number, high: number, place: number): number {
    if (this.#size + 1 > this.#capacity * maxLoad) this.#grow()
    const slots = this.#slots
    const capacity = this.#capacity
    let slot = homeSlot(low, capacity)
    for (;;) {
      const at = 3 * slot
      const held = slots[at + 2]!
      if (held === 0) {
        slots[at] = low
        slots[at + 1] = high
        slots[at + 2] = place
        this.#size++
        return place
      }
      if (slots[at] === low && slots[at + 1] === high) return held
      slot = slot + 1 === capacity ? 0 : slot + 1
    }
  }

  #grow(): void {
    const old = this.#slots
    const capacity = Math.ceil(this.#capacity * growth)
    const slots = new Uint32Array(3 * capacity)
    for (let at = 0; at < old.length; at += 3) {
      if (old[at + 2] === 0) continue
      let slot = homeSlot(old[at]!, capacity)
      while (slots[3 * slot + 2] !== 0) slot = slot + 1 === capacity ? 0 : slot + 1
      slots[3 * slot] = old[at]!
      slots[3 * slot + 1] = old[at + 1]!
      slots[3 * slot + 2] = old[at + 2]!
    }
    this.#slots = slots
    this.#capacity = capacity
  }
}

// The low word scaled onto the table (its high bits pick the slot): any capacity, no modulo.
function homeSlot(low: number, capacity: number): number {
  return Math.floor((low / 4294967296) * capacity)
}
