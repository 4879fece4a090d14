// Atomic writes: the data goes to a temporary file in the target's own folder (same file system),
// then a rename puts it in place, so a reader never sees a partial file.
import {randomBytes} from 'node:crypto'
import {once} from 'node:events'
import {createWriteStream} from 'node:fs'
import {mkdir, rename, rm, writeFile} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'
import type {Writable} from 'node:stream'
import {finished, pipeline} from 'node:stream/promises'
import {createGzip} from 'node:zlib'

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const folder = dirname(path)
  await mkdir(folder, {recursive: true})
  const temporary = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await writeFile(temporary, data)
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, {force: true})
    throw error
  }
}

export interface AtomicStream {
  // Where to write: the temporary file, or a gzip stream in front of it.
  stream: Writable
  // Ends the stream and renames the temporary file into place.
  commit: () => Promise<void>
  // Drops the temporary file; the target is left as it was.
  abort: () => Promise<void>
}

// The streaming twin of writeFileAtomic, for outputs too large to hold (JSONL, per-record reports).
export async function createAtomicStream(path: string, options: {gzip?: boolean} = {}): Promise<AtomicStream> {
  const folder = dirname(path)
  await mkdir(folder, {recursive: true})
  const temporary = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  const file = createWriteStream(temporary)
  await once(file, 'open')
  const gzip = options.gzip ? createGzip() : undefined
  const written = gzip ? pipeline(gzip, file) : finished(file)
  const stream = gzip ?? file
  return {
    stream,
    commit: async () => {
      stream.end()
      await written
      await rename(temporary, path)
    },
    abort: async () => {
      stream.destroy()
      await written.catch(() => undefined)
      await rm(temporary, {force: true})
    },
  }
}

// Writes a chunk, waiting when the stream asks to slow down, so memory stays flat.
export async function writeChunk(stream: Writable, chunk: string | Uint8Array): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain')
}
