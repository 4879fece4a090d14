// Walks the inputs lazily, in a deterministic order: inputs in the order given, each folder's
// files by relative path in code-point order. Entries of one folder are read at a time, so a
// tree of a million files is never listed whole.
import {opendir, stat} from 'node:fs/promises'
import {basename, join, resolve} from 'node:path'

export interface InputEntry {
  // The path as found on disk (input folder joined with the relative path).
  inputPath: string
  // The path under the input folder, with `/` separators; the file's name for a file argument.
  relativePath: string
}

export interface WalkOptions {
  shard?: Shard
  // Folders never walked into: newsclean's own output and reports, when they sit inside an input
  // folder (`newsclean .`), are not news to clean again.
  skip?: string[]
}

export async function* walkInputs(paths: string[], options: WalkOptions = {}): AsyncGenerator<InputEntry> {
  const skip = new Set((options.skip ?? []).map((folder) => resolve(folder)))
  for (const path of paths) {
    for await (const entry of walkPath(path, skip)) {
      if (!options.shard || isInShard(entry.relativePath, options.shard)) yield entry
    }
  }
}

// A path that cannot be read is still yielded, so that cleaning it fails with its reason and
// the batch goes on.
async function* walkPath(path: string, skip: Set<string>): AsyncGenerator<InputEntry> {
  const stats = await stat(path).catch(() => undefined)
  if (stats?.isDirectory()) yield* walkFolder(path, '', skip)
  else yield {inputPath: path, relativePath: basename(path)}
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

async function* walkFolder(root: string, prefix: string, skip: Set<string>): AsyncGenerator<InputEntry> {
  for (const entry of await sortedEntries(join(root, prefix))) {
    const relativePath = prefix === '' ? entry.name : `${prefix}/${entry.name}`
    if (!entry.isDirectory) yield {inputPath: join(root, relativePath), relativePath}
    else if (!skip.has(resolve(root, relativePath))) yield* walkFolder(root, relativePath, skip)
  }
}

interface FolderEntry {
  name: string
  isDirectory: boolean
  // The name as it sorts within the whole relative path: a folder sorts as `name/`.
  sortKey: string
}

async function sortedEntries(folder: string): Promise<FolderEntry[]> {
  const entries: FolderEntry[] = []
  for await (const dirent of await opendir(folder)) {
    if (isHidden(dirent.name)) continue
    const isDirectory =
      dirent.isDirectory() || (dirent.isSymbolicLink() && (await stat(join(folder, dirent.name))).isDirectory())
    if (!isDirectory && !dirent.isFile() && !dirent.isSymbolicLink()) continue
    entries.push({name: dirent.name, isDirectory, sortKey: isDirectory ? `${dirent.name}/` : dirent.name})
  }
  return entries.sort((left, right) => compareCodePoints(left.sortKey, right.sortKey))
}

// Dot files are tool state (.git, editors' swap files, our own temporary writes), not news.
function isHidden(name: string): boolean {
  return name.startsWith('.')
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
