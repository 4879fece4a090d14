// Temporary files: where a write goes before its rename, and how they are cleaned up. A name
// carries the host and the process id (`.<name>.newsclean-<host>-<pid>-<random>.tmp`), so a later
// run can tell a stale one (its process is gone) from one being written right now, and never
// touches another machine's. Live ones are registered, so that an interrupted run removes them
// before it exits.
import {randomBytes} from 'node:crypto'
import {readdirSync, rmSync} from 'node:fs'
import {readdir, rm} from 'node:fs/promises'
import {hostname} from 'node:os'
import {basename, dirname, join} from 'node:path'

const host = hostname().replace(/[^A-Za-z0-9.-]/g, '_')
const pattern = /^\..*\.newsclean-(.+)-(\d+)-[0-9a-f]{12}\.tmp$/

const live = new Set<string>()
let closed = false

// A fresh temporary path beside `target`, registered as live until `release`.
export function temporaryPathFor(target: string): string {
  if (closed) throw new Error('newsclean is stopping; nothing more is written')
  const path = join(
    dirname(target),
    `.${basename(target)}.newsclean-${host}-${process.pid}-${randomBytes(6).toString('hex')}.tmp`,
  )
  live.add(path)
  return path
}

export function release(path: string): void {
  live.delete(path)
}

// Writes into temporary files that are under way. A write cannot be called back once started: its
// open may create the file after an interrupt removed every live path, so an interrupted batch
// waits for them (removeLiveTemporariesWhenSettled) before removing.
const writing = new Set<Promise<unknown>>()

// `write`, awaited by the caller as it is, and waited for by an interrupt.
export function underWay<T>(write: Promise<T>): Promise<T> {
  writing.add(write)
  const settled = () => writing.delete(write)
  write.then(settled, settled)
  return write
}

// On SIGINT/SIGTERM: no new temporary file from now on, and every live one of this thread removed.
export function removeLiveTemporaries(): number {
  closed = true
  for (const path of live) rmSync(path, {force: true})
  const count = live.size
  live.clear()
  return count
}

// removeLiveTemporaries once the writes under way have ended (a few milliseconds each), so none
// of them leaves a file behind.
export async function removeLiveTemporariesWhenSettled(): Promise<number> {
  closed = true
  await Promise.allSettled([...writing])
  return removeLiveTemporaries()
}

// Whether a name in a folder is a temporary file of newsclean's pattern left by `owner`.
function temporaryOwner(name: string): {host: string; pid: number} | undefined {
  const match = pattern.exec(name)
  return match ? {host: match[1]!, pid: Number(match[2])} : undefined
}

// Gone processes leave stale files; a live one (or one we may not signal) is still writing.
function isStale(name: string): boolean {
  const owner = temporaryOwner(name)
  if (!owner || owner.host !== host || owner.pid === process.pid) return false
  return !isRunning(owner.pid)
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const swept = new Set<string>()

// Removes the stale temporary files of one folder, once per folder and thread: a folder is looked
// at when the run first writes into it, so a run costs one listing per folder it writes.
export async function sweepFolderOnce(folder: string): Promise<void> {
  if (swept.has(folder)) return
  swept.add(folder)
  const names = await readdir(folder).catch(() => [] as string[])
  await Promise.all(names.filter(isStale).map((name) => rm(join(folder, name), {force: true})))
}

export function sweepFolderOnceSync(folder: string): void {
  if (swept.has(folder)) return
  swept.add(folder)
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return
  }
  for (const name of names.filter(isStale)) rmSync(join(folder, name), {force: true})
}

// This process's own temporary files in `folders` (written by threads that were stopped), removed.
export function removeOwnTemporaries(folders: Iterable<string>): void {
  for (const folder of new Set(folders)) {
    let names: string[]
    try {
      names = readdirSync(folder)
    } catch {
      continue
    }
    for (const name of names) {
      const owner = temporaryOwner(name)
      if (owner?.host === host && owner.pid === process.pid) rmSync(join(folder, name), {force: true})
    }
  }
}

// The spool files of the summary, named after the same host and pid.
export function spoolName(): string {
  return `newsclean-rows-${host}-${process.pid}-${randomBytes(6).toString('hex')}.jsonl`
}

const spoolPattern = /^newsclean-rows-(.+)-(\d+)-[0-9a-f]{12}\.jsonl$/

export async function sweepStaleSpools(folder: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[])
  const stale = names.filter((name) => {
    const match = spoolPattern.exec(name)
    return match?.[1] === host && Number(match[2]) !== process.pid && !isRunning(Number(match[2]))
  })
  await Promise.all(stale.map((name) => rm(join(folder, name), {force: true})))
}
