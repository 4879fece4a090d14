// The repair's tables, computed at build time (build-tables.ts, run by `npm run build`) and written
// to dist/repair-tables.bin as the typed arrays they are: GBK's pairs (from iconv-lite's codec,
// whose first use costs some 80 ms), the dictionary's common two-character words and its
// one-character words, and jieba's word pairs and words (building those from the dictionary's
// text took about 0.5 s a thread). A thread reads each group the first time it is asked for,
// straight into its typed arrays: no parsing, no table to build. Clean text never reads the
// dictionary's groups.
import {closeSync, existsSync, fstatSync, openSync, readSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {PairTable} from './pair-table.js'
import {WordTable} from './word-table.js'

export interface GbkTables {
  // The code point of each (lead, trail) pair (gbk.ts's index), or noPair.
  readonly pairs: Uint16Array
  // The GBK bytes ((lead << 8) | trail) of each BMP code point that has a pair, or 0.
  readonly bytes: Uint16Array
  // Every pair a GBK decoder reads as a private-use character.
  readonly privateUse: Uint16Array
}

// A pair that is no character of its own (U+FFFF is no character).
export const noPair = 0xffff

export interface DictionaryTables {
  // Per pair of neighbours inside a word, its count divided by the first character's count.
  readonly pairs: PairTable
  // Per BMP code point, the share of its count where it ends a word (1 for a character the
  // words lack).
  readonly ending: Float32Array
  // log10 of each word's share of the counts, for words of up to maxWordLength characters.
  readonly words: WordTable
}

export interface RepairTables {
  readonly gbk: GbkTables
  // The dictionary's common two-character words (counted at least commonWordCount times), each
  // as first << 16 | second, in ascending order.
  readonly commonWords: Uint32Array
  // Per BMP code point, its log10 share as a one-character word; the last slot (0x10000) is
  // that of a character the dictionary lacks (a count of one, as jieba gives it).
  readonly characters: Float64Array
  readonly dictionary: DictionaryTables
}

// The slot of `characters` for a character the dictionary lacks.
export const unknownCharacter = 0x10000

let file: TablesFile | undefined
let gbk: GbkTables | undefined
let commonWords: Uint32Array | undefined
let characters: Float64Array | undefined
let dictionary: DictionaryTables | undefined

export function gbkTables(): GbkTables {
  gbk ??= tablesFile().read((read) => ({
    pairs: read(Uint16Array, 'gbkPairs'),
    bytes: read(Uint16Array, 'gbkBytes'),
    privateUse: read(Uint16Array, 'gbkPrivateUse'),
  }))
  return gbk
}

export function commonWordTable(): Uint32Array {
  commonWords ??= tablesFile().read((read) => read(Uint32Array, 'commonWords'))
  return commonWords
}

export function characterTable(): Float64Array {
  characters ??= tablesFile().read((read) => read(Float64Array, 'characters'))
  return characters
}

export function dictionaryTables(): DictionaryTables {
  dictionary ??= tablesFile().read((read) => {
    return {
      pairs: new PairTable({keys: read(Uint32Array, 'pairKeys'), values: read(Float64Array, 'pairValues')}),
      ending: read(Float32Array, 'ending'),
      words: new WordTable({
        text: read(Uint16Array, 'wordText'),
        slots: read(Int32Array, 'wordSlots'),
        starts: read(Int32Array, 'wordStarts'),
        ends: read(Int32Array, 'wordEnds'),
        values: read(Float64Array, 'wordValues'),
      }),
    }
  })
  return dictionary
}

function tablesFile(): TablesFile {
  file ??= new TablesFile(tablesPath())
  return file
}

// Where the build writes the tables: dist/ of the package, whose root is the nearest folder up
// with a package.json (this module is dist/repair/ in the library, a chunk in dist/ in the
// bundled command line, src/repair/ under the tests).
export function tablesPath(): string {
  let folder = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder)
  return join(folder, 'dist', 'repair-tables.bin')
}

// The file: a header of 32-bit words (the format's mark, its version, each section's length in
// bytes), then the sections in `sectionOrder`, each starting at a multiple of 8 bytes. In the
// machine's byte order: the file is built where it runs, and the mark read in the other order
// fails.
const mark = 0x5452434e
const version = 1
const sectionOrder = [
  'gbkPairs',
  'gbkBytes',
  'gbkPrivateUse',
  'commonWords',
  'characters',
  'pairKeys',
  'pairValues',
  'ending',
  'wordText',
  'wordSlots',
  'wordStarts',
  'wordEnds',
  'wordValues',
] as const
type Section = (typeof sectionOrder)[number]
const headerWords = 2 + sectionOrder.length
const headerBytes = padded(4 * headerWords)

export function encodeTables({gbk, commonWords, characters, dictionary}: RepairTables): Uint8Array {
  const pairs = dictionary.pairs.slots()
  const words = dictionary.words.slots()
  const sections: Record<Section, ArrayBufferView> = {
    gbkPairs: gbk.pairs,
    gbkBytes: gbk.bytes,
    gbkPrivateUse: gbk.privateUse,
    commonWords,
    characters,
    pairKeys: pairs.keys,
    pairValues: pairs.values,
    ending: dictionary.ending,
    wordText: words.text,
    wordSlots: words.slots,
    wordStarts: words.starts,
    wordEnds: words.ends,
    wordValues: words.values,
  }
  const lengths = sectionOrder.map((name) => sections[name].byteLength)
  const bytes = new Uint8Array(lengths.reduce((end, length) => end + padded(length), headerBytes))
  new Uint32Array(bytes.buffer, 0, headerWords).set([mark, version, ...lengths])
  let offset = headerBytes
  for (const name of sectionOrder) {
    const section = sections[name]
    bytes.set(new Uint8Array(section.buffer, section.byteOffset, section.byteLength), offset)
    offset += padded(section.byteLength)
  }
  return bytes
}

interface TypedArrayType<T> {
  new (length: number): T & ArrayBufferView
  readonly BYTES_PER_ELEMENT: number
}

type ReadSection = <T>(Type: TypedArrayType<T>, name: Section) => T

// The tables file's header, checked once; its sections are read on demand, each into a typed
// array of its own.
export class TablesFile {
  readonly #path: string
  readonly #places = new Map<Section, {offset: number; length: number}>()

  constructor(path: string) {
    this.#path = path
    this.read(() => undefined)
  }

  // What `use` makes of the sections it reads, with the file open once for all of them.
  read<T>(use: (read: ReadSection) => T): T {
    let descriptor: number
    try {
      descriptor = openSync(this.#path, 'r')
    } catch {
      throw new Error(`${this.#path}: the repair's tables are missing; run \`npm run build\``)
    }
    try {
      if (this.#places.size === 0) this.#readHeader(descriptor)
      return use((Type, name) => {
        const {offset, length} = this.#places.get(name)!
        const array = new Type(length / Type.BYTES_PER_ELEMENT)
        readSync(descriptor, new Uint8Array(array.buffer, array.byteOffset, length), 0, length, offset)
        return array
      })
    } finally {
      closeSync(descriptor)
    }
  }

  #readHeader(descriptor: number): void {
    const header = new Uint32Array(headerWords)
    const read = readSync(descriptor, new Uint8Array(header.buffer), 0, 4 * headerWords, 0)
    let offset = headerBytes
    sectionOrder.forEach((name, index) => {
      const length = header[2 + index]!
      this.#places.set(name, {offset, length})
      offset += padded(length)
    })
    if (
      read !== 4 * headerWords ||
      header[0] !== mark ||
      header[1] !== version ||
      offset !== fstatSync(descriptor).size
    ) {
      this.#places.clear()
      throw new Error(`${this.#path}: the repair's tables are from another build; run \`npm run build\``)
    }
  }
}

function padded(length: number): number {
  return 8 * Math.ceil(length / 8)
}
