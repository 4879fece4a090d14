// The repair's tables from jieba's dictionary (word pairs, words, one-character words), computed
// at build time (build-tables.ts, run by `npm run build`) and written to dist/repair-tables.bin
// as the typed arrays they are. A thread reads the file once, with one readFileSync, when its
// first document with a suspect span asks, and looks words up in views of those bytes: no
// parsing, no table to build (building them from the dictionary's text took about 0.5 s a
// thread). Clean text never reads it.
import {existsSync, readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {PairTable} from './pair-table.js'
import {WordTable} from './word-table.js'

export interface DictionaryTables {
  // Per pair of neighbours inside a word, its count divided by the first character's count.
  readonly pairs: PairTable
  // Per BMP code point, the share of its count where it ends a word (1 for a character the
  // words lack).
  readonly ending: Float32Array
  // log10 of each word's share of the counts, for words of up to maxWordLength characters.
  readonly words: WordTable
  // Per BMP code point, its log10 share as a one-character word; the last slot (0x10000) is
  // that of a character the dictionary lacks (a count of one, as jieba gives it).
  readonly characters: Float64Array
}

// The slot of `characters` for a character the dictionary lacks.
export const unknownCharacter = 0x10000

let loaded: DictionaryTables | undefined

// The tables, read from the file on the first call of a thread.
export function dictionaryTables(): DictionaryTables {
  loaded ??= readTables(tablesPath())
  return loaded
}

// Where the build writes the tables: dist/ of the package, whose root is the nearest folder up
// with a package.json (this module is dist/repair/ in the library, a chunk in dist/ in the
// bundled command line, src/repair/ under the tests).
export function tablesPath(): string {
  let folder = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder)
  return join(folder, 'dist', 'repair-tables.bin')
}

function readTables(path: string): DictionaryTables {
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch {
    throw new Error(`${path}: the repair's tables are missing; run \`npm run build\``)
  }
  const tables = decodeTables(bytes)
  if (!tables) throw new Error(`${path}: the repair's tables are from another build; run \`npm run build\``)
  return tables
}

// The file: a header of 32-bit words (the format's mark, its version, each section's length
// in bytes), then the sections in `sectionOrder`, each starting at a multiple of 8 bytes so
// that every typed array views the file's bytes as they are. In the machine's byte order: the
// file is built where it runs, and the mark read back in the other order fails.
const mark = 0x5452434e
const version = 1
const sectionOrder = [
  'pairKeys',
  'pairValues',
  'ending',
  'wordText',
  'wordSlots',
  'wordStarts',
  'wordEnds',
  'wordValues',
  'characters',
] as const
const headerBytes = 8 * Math.ceil((4 * (2 + sectionOrder.length)) / 8)

type Section = (typeof sectionOrder)[number]

export function encodeTables(tables: DictionaryTables): Uint8Array {
  const pairs = tables.pairs.slots()
  const words = tables.words.slots()
  const sections: Record<Section, ArrayBufferView> = {
    pairKeys: pairs.keys,
    pairValues: pairs.values,
    ending: tables.ending,
    wordText: Buffer.from(words.text, 'utf16le'),
    wordSlots: words.slots,
    wordStarts: words.starts,
    wordEnds: words.ends,
    wordValues: words.values,
    characters: tables.characters,
  }
  const lengths = sectionOrder.map((name) => sections[name].byteLength)
  const bytes = new Uint8Array(lengths.reduce((end, length) => end + padded(length), headerBytes))
  const header = new Uint32Array(bytes.buffer, 0, 2 + sectionOrder.length)
  header.set([mark, version, ...lengths])
  let offset = headerBytes
  for (const name of sectionOrder) {
    const section = sections[name]
    bytes.set(new Uint8Array(section.buffer, section.byteOffset, section.byteLength), offset)
    offset += padded(section.byteLength)
  }
  return bytes
}

// The tables viewed in the file's bytes, or undefined when they are not this format's.
export function decodeTables(bytes: Uint8Array): DictionaryTables | undefined {
  // Typed arrays need their element size's alignment; a file read whole has its own buffer,
  // which starts at 0.
  const file = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice()
  if (file.byteLength < headerBytes) return undefined
  const header = new Uint32Array(file.buffer, file.byteOffset, 2 + sectionOrder.length)
  if (header[0] !== mark || header[1] !== version) return undefined
  const offsets: number[] = []
  let end = headerBytes
  for (let index = 0; index < sectionOrder.length; index++) {
    offsets.push(end)
    end += padded(header[2 + index]!)
  }
  if (end !== file.byteLength) return undefined
  const view = <T>(Type: TypedArrayType<T>, name: Section): T => {
    const index = sectionOrder.indexOf(name)
    const at = file.byteOffset + offsets[index]!
    return new Type(file.buffer as ArrayBuffer, at, header[2 + index]! / Type.BYTES_PER_ELEMENT)
  }
  const text = view(Uint8Array, 'wordText')
  return {
    pairs: new PairTable({keys: view(Uint32Array, 'pairKeys'), values: view(Float64Array, 'pairValues')}),
    ending: view(Float32Array, 'ending'),
    words: new WordTable({
      text: Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf16le'),
      slots: view(Int32Array, 'wordSlots'),
      starts: view(Int32Array, 'wordStarts'),
      ends: view(Int32Array, 'wordEnds'),
      values: view(Float64Array, 'wordValues'),
    }),
    characters: view(Float64Array, 'characters'),
  }
}

interface TypedArrayType<T> {
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T
  readonly BYTES_PER_ELEMENT: number
}

function padded(length: number): number {
  return 8 * Math.ceil(length / 8)
}
