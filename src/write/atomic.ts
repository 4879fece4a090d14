// Atomic writes: the data goes to a temporary file in the target's own folder (same file system),
// then a rename puts it in place, so a reader never sees a partial file. Every error path removes
// the temporary file (temporary.ts names them and sweeps the ones a killed run left).
import {once} from 'node:events'
import {createWriteStream, mkdirSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {mkdir, rename, rm, writeFile} from 'node:fs/promises'
import {dirname} from 'node:path'
import type {Writable} from 'node:stream'
import {finished, pipeline} from 'node:stream/promises'
import {createGzip} from 'node:zlib'
import {release, sweepFolderOnce, sweepFolderOnceSync, temporaryPathFor, underWay} from './temporary.js'

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await prepareFolder(path)
  const temporary = temporaryPathFor(path)
  try {
    await underWay(writeFile(temporary, data))
    await underWay(rename(temporary, path))
  } catch (error) {
    await rm(temporary, {force: true})
    throw error
  } finally {
    release(temporary)
  }
}

// writeFileAtomic blocking the thread, for a thread with nothing else to do meanwhile: a file of a
// few megabytes is written faster than a round trip through the thread pool.
export function writeFileAtomicSync(path: string, data: Uint8Array): void {
  prepareFolderSync(path)
  const temporary = temporaryPathFor(path)
  try {
    writeFileSync(temporary, data)
    renameSync(temporary, path)
  } catch (error) {
    rmSync(temporary, {force: true})
    throw error
  } finally {
    release(temporary)
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
  await prepareFolder(path)
  const temporary = temporaryPathFor(path)
  const file = createWriteStream(temporary)
  try {
    await underWay(once(file, 'open'))
  } catch (error) {
    release(temporary)
    throw error
  }
  const gzip = options.gzip ? createGzip() : undefined
  const written = gzip ? pipeline(gzip, file) : finished(file)
  // A write error (disk full) rejects `written` before anyone awaits it: commit or abort will.
  written.catch(() => undefined)
  const stream = gzip ?? file
  const drop = async () => {
    await rm(temporary, {force: true})
    release(temporary)
  }
  return {
    stream,
    commit: async () => {
      try {
        stream.end()
        await written
        await rename(temporary, path)
        release(temporary)
      } catch (error) {
        await drop()
        throw error
      }
    },
    abort: async () => {
      stream.destroy()
      await written.catch(() => undefined)
      await drop()
    },
  }
}

// Writes a chunk, waiting when the stream asks to slow down, so memory stays flat. A stream that
// failed (disk full) throws its error here rather than swallowing the chunk.
export async function writeChunk(stream: Writable, chunk: string | Uint8Array): Promise<void> {
  if (stream.errored) throw stream.errored
  if (!stream.write(chunk)) await once(stream, 'drain')
}

async function prepareFolder(path: string): Promise<void> {
  const folder = dirname(path)
  await mkdir(folder, {recursive: true})
  await sweepFolderOnce(folder)
}

function prepareFolderSync(path: string): void {
  const folder = dirname(path)
  mkdirSync(folder, {recursive: true})
  sweepFolderOnceSync(folder)
}
