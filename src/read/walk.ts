// Walks the inputs lazily, in a deterministic order: inputs in the order given, each folder's
// files by relative path in code-point order. Entries of one folder are read at a time, so a
// tree of a million files is never listed whole. A path given on the command line is followed
// when it is a symlink (as `find -H` does); inside folders symlinks are skipped unless asked for,
// and then never followed out of the input folder nor round a loop. FIFOs, devices and sockets
// are never opened. A folder that cannot be read fails as one entry; the walk goes on.
import type {Dirent} from 'node:fs'
import {readdir, realpath, stat} from 'node:fs/promises'
import {basename, dirname, join, resolve, sep} from 'node:path'
import {describeError} from './errors.js'

export interface InputEntry {
  // The path as found on disk (input folder joined with the relative path), as shown to people:
  // bytes of a name that are not UTF-8 written `\xNN`.
  inputPath: string
  // The path under the input folder, with `/` separators; the file's name for a file argument.
  // With several inputs, each starts with its input's name.
  relativePath: string
  // The exact bytes of the path when a name in it is not UTF-8 (then `inputPath` is not openable).
  rawPath?: Uint8Array
  // Why this entry cannot be cleaned, found while walking (a folder that cannot be read, a FIFO).
  failure?: string
  // Its place in the whole batch (shards aside), from 0: every machine numbers the batch alike.
  order: number
}

export interface WalkOptions {
  shard?: Shard
  // Folders never walked into: newsclean's own output and reports, when they sit inside an input
  // folder (`newsclean .`), are not news to clean again. Compared by real path.
  skip?: string[]
  // Put each input's files under the input's own name (`day1/f.txt`), as `cp -r day1 day2 out/`.
  nameInputs?: boolean
  // Follow symlinks found inside folders (default: skip them).
  followSymlinks?: boolean
  // Told of every entry skipped inside a folder (a symlink, a FIFO) and why.
  onSkip?: (path: string, reason: string) => void
}

// The path to open for an entry.
export function openablePath(entry: InputEntry): string | Buffer {
  // A worker thread receives the bytes as a plain Uint8Array, which not every fs call takes.
  return entry.rawPath ? Buffer.from(entry.rawPath) : entry.inputPath
}

export async function* walkInputs(paths: string[], options: WalkOptions = {}): AsyncGenerator<InputEntry> {
  const skip = new Set(await Promise.all((options.skip ?? []).map(realPathOf)))
  let order = 0
  for (const path of paths) {
    const name = options.nameInputs ? inputName(path) : ''
    for await (const entry of walkPath(path, name, skip, options)) {
      if (!options.shard || isInShard(entry.relativePath, options.shard)) yield {...entry, order}
      order++
    }
  }
}

// The name an input's files go under when there are several: its last path component.
export function inputName(path: string): string {
  return basename(resolve(path))
}

// The real path of a file or folder, symlinks resolved; for one that does not exist yet (an
// output folder), the real path of its nearest existing ancestor joined with the rest.
export async function realPathOf(path: string): Promise<string> {
  const absolute = resolve(path)
  try {
    return await realpath(absolute)
  } catch {
    const parent = dirname(absolute)
    return parent === absolute ? absolute : join(await realPathOf(parent), basename(absolute))
  }
}

// Whether `inner` is `outer` or inside it (both real, absolute paths).
export function isWithin(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep)
}

// A path that cannot be read is still yielded, so that cleaning it fails with its reason and
// the batch goes on.
type FoundEntry = Omit<InputEntry, 'order'>

async function* walkPath(
  path: string,
  name: string,
  skip: Set<string>,
  options: WalkOptions,
): AsyncGenerator<FoundEntry> {
  const stats = await stat(path).catch(() => undefined)
  const relativePath = name === '' ? basename(path) : name
  if (stats?.isDirectory()) {
    const real = await realpath(path)
    const root: Root = {real, skip, options}
    yield* walkFolder(root, {path: Buffer.from(path), shown: path, relative: name, real, ancestors: [real]})
  } else if (stats && !stats.isFile()) {
    yield {inputPath: path, relativePath, failure: `${kindOf(stats)}, not a regular file; not read`}
  } else yield {inputPath: path, relativePath}
}

interface Root {
  // The input folder's real path: followed symlinks must stay inside it.
  real: string
  skip: Set<string>
  options: WalkOptions
}

interface Folder {
  // The path on disk, as bytes (a name in it may not be UTF-8).
  path: Buffer
  shown: string
  // Relative path of the folder, '' for the input folder.
  relative: string
  real: string
  // Real paths of the folders from the input folder down to this one, for loop detection.
  ancestors: string[]
}

async function* walkFolder(root: Root, folder: Folder): AsyncGenerator<FoundEntry> {
  let entries: FolderEntry[]
  try {
    entries = await sortedEntries(folder.path)
  } catch (error) {
    yield {
      inputPath: folder.shown,
      relativePath: folder.relative === '' ? basename(folder.shown) : folder.relative,
      ...(folder.path.toString() === folder.shown ? {} : {rawPath: folder.path}),
      failure: `cannot read this folder: ${describeError(error)}`,
    }
    return
  }
  for (const entry of entries) {
    const relativePath = folder.relative === '' ? entry.name : `${folder.relative}/${entry.name}`
    const path = Buffer.concat([folder.path, Buffer.from(sep), entry.bytes])
    const shown = join(folder.shown, entry.name)
    const raw = folder.path.toString() === folder.shown && entry.bytes.toString() === entry.name ? {} : {rawPath: path}
    const file = {inputPath: shown, relativePath, ...raw}
    const kind = await resolveKind(root, folder, entry, path)
    if (kind.skip) root.options.onSkip?.(shown, kind.skip)
    else if (kind.failure) yield {...file, failure: kind.failure}
    else if (kind.real === undefined) yield file
    else if (!root.skip.has(kind.real)) {
      yield* walkFolder(root, {
        path,
        shown,
        relative: relativePath,
        real: kind.real,
        ancestors: [...folder.ancestors, kind.real],
      })
    }
  }
}

interface Kind {
  // A folder to walk into: its real path.
  real?: string
  skip?: string
  failure?: string
}

async function resolveKind(root: Root, folder: Folder, entry: FolderEntry, path: Buffer): Promise<Kind> {
  const {dirent} = entry
  if (dirent.isDirectory()) return {real: join(folder.real, entry.name)}
  if (dirent.isFile()) return {}
  if (!dirent.isSymbolicLink()) return {skip: `${kindOf(dirent)}, not a regular file; skipped`}
  if (!root.options.followSymlinks) return {skip: 'a symbolic link; skipped (--follow-symlinks follows it)'}
  let real: string
  try {
    real = await realpath(path)
  } catch (error) {
    return {failure: `a symbolic link that cannot be followed: ${describeError(error)}`}
  }
  if (!isWithin(real, root.real)) return {skip: 'a symbolic link out of the input folder; skipped'}
  const stats = await stat(real)
  if (stats.isDirectory()) {
    if (folder.ancestors.includes(real)) return {skip: 'a symbolic link loop; skipped'}
    return {real}
  }
  if (!stats.isFile()) return {skip: `a symbolic link to ${kindOf(stats)}, not a regular file; skipped`}
  return {}
}

function kindOf(stats: {
  isFIFO(): boolean
  isSocket(): boolean
  isCharacterDevice(): boolean
  isBlockDevice(): boolean
}): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe)'
  if (stats.isSocket()) return 'a socket'
  if (stats.isCharacterDevice()) return 'a character device'
  if (stats.isBlockDevice()) return 'a block device'
  return 'not a file'
}

export interface Shard {
  // 1-based: this machine's part.
  index: number
  count: number
}

// A file's part follows from its relative path alone, so every machine agrees on the split
// without talking to the others and however its listing is ordered.
export function isInShard(relativePath: string, shard: Shard): boolean {
  return fnv1a(relativePath) % shard.count === shard.index - 1
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}

interface FolderEntry {
  dirent: Dirent<Buffer>
  bytes: Buffer
  // The name, with bytes that are not UTF-8 written `\xNN`.
  name: string
  // The name as it sorts within the whole relative path: a folder sorts as `name/`.
  sortKey: string
}

async function sortedEntries(folder: Buffer): Promise<FolderEntry[]> {
  const entries: FolderEntry[] = []
  for (const dirent of await readdir(folder, {encoding: 'buffer', withFileTypes: true})) {
    const bytes = dirent.name
    if (bytes[0] === 0x2e) continue
    const name = escapeName(bytes)
    entries.push({dirent, bytes, name, sortKey: dirent.isDirectory() ? `${name}/` : name})
  }
  return entries.sort((left, right) => compareCodePoints(left.sortKey, right.sortKey))
}

const strictUtf8 = new TextDecoder('utf-8', {fatal: true})

// A file name as text: UTF-8 as it is; any byte that is not part of a valid UTF-8 character as
// `\xNN`, so the name shows what is on disk and still reads as text in reports.
export function escapeName(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes)
  } catch {
    let name = ''
    for (let index = 0; index < bytes.length; ) {
      const length = sequenceLength(bytes[index]!)
      const character = length > 0 ? decodeOne(bytes.subarray(index, index + length)) : undefined
      if (character === undefined) {
        name += `\\x${bytes[index]!.toString(16).padStart(2, '0')}`
        index++
      } else {
        name += character
        index += length
      }
    }
    return name
  }
}

function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1
  if (lead >= 0xc2 && lead <= 0xdf) return 2
  if (lead >= 0xe0 && lead <= 0xef) return 3
  if (lead >= 0xf0 && lead <= 0xf4) return 4
  return 0
}

function decodeOne(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes)
  } catch {
    return undefined
  }
}

export function compareCodePoints(left: string, right: string): number {
  const leftPoints = left[Symbol.iterator]()
  const rightPoints = right[Symbol.iterator]()
  for (;;) {
    const leftNext = leftPoints.next()
    const rightNext = rightPoints.next()
    if (leftNext.done || rightNext.done) return leftNext.done ? (rightNext.done ? 0 : -1) : 1
    const difference = leftNext.value.codePointAt(0)! - rightNext.value.codePointAt(0)!
    if (difference !== 0) return difference
  }
}
