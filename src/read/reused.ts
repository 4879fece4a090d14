// Buffers reused from one document to the next, and input files read into them. A fresh buffer
// a file makes the kernel hand over (and zero) new pages for each one: on a batch of 200 MB,
// more system time than deduplicating it takes. A thread keeps one buffer for each document it
// holds at once, as large as the largest it has needed.
import {closeSync, fstatSync, openSync, readSync} from 'node:fs'

const free: Buffer[] = []

// A buffer of at least `size` bytes, its content undefined; give it back once done with it.
export function takeBuffer(size: number): Buffer {
  const fitting = free.findIndex((buffer) => buffer.length >= size)
  if (fitting !== -1) return free.splice(fitting, 1)[0]!
  // Replace the largest free one (too small): a thread holds only as many as it needs at once.
  if (free.length > 0) free.sort((left, right) => left.length - right.length).pop()
  return Buffer.allocUnsafeSlow(Math.max(size + (size >> 2), 1 << 16))
}

export function giveBack(buffer: Buffer): void {
  free.push(buffer)
}

export interface ReusedBytes {
  // The file's bytes, in a buffer taken from the pool.
  bytes: Buffer
  // Gives the buffer back: call once nothing reads `bytes` any more.
  release: () => void
}

// The bytes of a file, as readFileSync gives them, in a reused buffer. Blocking: a file of a few
// megabytes is read faster than a round trip through the thread pool.
export function readReused(path: string | Buffer): ReusedBytes {
  const descriptor = openSync(path, 'r')
  let buffer: Buffer | undefined
  try {
    const {size} = fstatSync(descriptor)
    buffer = takeBuffer(size)
    let length = 0
    // A file the size of which says nothing (size 0: /proc, a pipe) is read to its end.
    for (;;) {
      if (size > 0 && length >= size) break
      if (length === buffer.length) buffer = grown(buffer, length)
      const bytesRead = readSync(descriptor, buffer, length, buffer.length - length, null)
      if (bytesRead === 0) break
      length += bytesRead
    }
    const taken = buffer
    return {bytes: taken.subarray(0, length), release: () => giveBack(taken)}
  } catch (error) {
    if (buffer) giveBack(buffer)
    throw error
  } finally {
    closeSync(descriptor)
  }
}

function grown(buffer: Buffer, length: number): Buffer {
  const larger = takeBuffer(buffer.length * 2)
  buffer.copy(larger, 0, 0, length)
  giveBack(buffer)
  return larger
}
