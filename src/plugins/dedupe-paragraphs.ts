// dedupe-paragraphs: removes later copies of repeated paragraphs (a page body captured twice).
// A copy goes when it is part of a run of two or more consecutive repeats, or when it is long
// enough (40 code points) that repeating it is an artifact; a short isolated repeat stays (a
// refrain, a byline). With `acrossFiles`, a paragraph an earlier file of the batch already held
// goes whatever its length (source lines, editor lines, copyright footers), its cause naming
// that file and line. Never changes the text of a paragraph and never removes a first copy, but
// for boilerplate: a store answering with a file count (`--boilerplate`) marks a paragraph found
// in that many files, removed from every one. Runs after the other plugins, so keys see the
// cleaned text.
// A window of a large file (batch/windows.ts) also finds first copies in the file's earlier
// windows, by key.
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import type {FirstCopy} from '../data.js'
import {codePointLength, FormHasher, type KeyOf, loadKeyOf} from '../dedupe/key.js'
import {KeyIndex} from '../dedupe/key-index.js'
import {keptForms, readSentenceForms, type SentenceForms} from '../dedupe/sentence-forms.js'
import {MemorySeenStore, type SeenStore} from '../dedupe/store.js'
import {pointIn, reportRemoval} from '../messages.js'
import type {Paragraph, Root} from '../syntax/types.js'

const ruleId = 'dedupe-paragraphs'

export interface Options {
  // An isolated repeat at least this long (code points) is removed; default 40.
  minLength?: number
  // Also remove paragraphs already seen in an earlier file of the batch; default false.
  acrossFiles?: boolean
  // Where the batch's seen paragraphs live with `acrossFiles`; default one in-memory store per
  // processor. Files must reach this plugin in batch order for reproducible results.
  store?: SeenStore
  // Leave the kept paragraphs' sentence forms on the document (`sentenceForms`) for
  // dedupe-sentences or near-duplicates, which read the same forms; default false.
  shareSentenceForms?: boolean
}

// What a run of dedupe-paragraphs decides with, on the processor's data, so a caller that finds
// repeats another way (on an input's bytes: batch/dedupe-bytes.ts) decides as the plugin would,
// against the same seen store.
export interface DedupeSettings {
  minLength: number
  store?: SeenStore
}

declare module 'unified' {
  interface Data {
    dedupeParagraphs?: DedupeSettings
  }
}

declare module 'vfile' {
  interface DataMap {
    // When the document is a window of a larger file: the keys of the file's earlier windows,
    // claimed under the file's path, window after window.
    earlierWindows: SeenStore
    // The sentence forms of the paragraphs a dedupe step kept (see its `shareSentenceForms`),
    // for the next to read, which removes them.
    sentenceForms: SentenceForms
  }
}

const dedupeParagraphs: Plugin<[Options?], Root> = function (options = {}) {
  const minLength = options.minLength ?? 40
  const store = options.acrossFiles ? (options.store ?? new MemorySeenStore()) : undefined
  this.data('dedupeParagraphs', {minLength, store})
  const shareSentenceForms = options.shareSentenceForms ?? false
  return async function (tree: Root, file: VFile): Promise<void> {
    const paragraphs = tree.children
    const texts = paragraphs.map((paragraph) => paragraph.children[0].value)
    const forms = readSentenceForms(texts, shareSentenceForms)
    const firstCopies = findFirstCopies(forms)
    const windows = file.data.earlierWindows
    if (!windows && !store) {
      tree.children = removeRepeats(file, paragraphs, firstCopies, [], minLength)
      if (shareSentenceForms) file.data.sentenceForms = keptForms(forms, keptIndexes(paragraphs, tree.children))
      return
    }
    const keys = firstCopyKeys(paragraphs, firstCopies, await loadKeyOf())
    const lines = paragraphs.map(lineOf)
    const document = {path: file.path ?? '', owner: file.data.owner}
    const inWindows = windows ? await claimAcrossFiles(windows, document, lines, keys, firstCopies) : []
    // A paragraph an earlier window holds is a repeat within the file, not one across files.
    const copies = firstCopies.map((first, index) => withoutPath(inWindows[index]) ?? first)
    const newKeys = keys.map((key, index) => (inWindows[index] === undefined ? key : undefined))
    const earlier = store ? await claimAcrossFiles(store, document, lines, newKeys, firstCopies) : []
    tree.children = removeRepeats(file, paragraphs, copies, earlier, minLength)
    if (shareSentenceForms) file.data.sentenceForms = keptForms(forms, keptIndexes(paragraphs, tree.children))
  }
}

export default dedupeParagraphs

// Per paragraph, the key of its normalized form; none for a paragraph with no content left once
// normalized (a lone `……`), which repeats nothing.
export function paragraphKeys(paragraphs: Paragraph[], keyOf: KeyOf): Array<bigint | undefined> {
  return paragraphs.map((paragraph) => keyOf(paragraph.children[0].value))
}

// Per paragraph, the earlier paragraph of the file with the same normalized form, if any; none
// for a paragraph with no content, which repeats nothing. Keyed by FormHasher: these keys never
// leave the file. A paragraph's key is its sentences' forms joined, read with them, unless a
// sentence was normalized by definition: its text is then keyed as one piece.
function findFirstCopies(forms: SentenceForms): Array<number | undefined> {
  const firstByKey = new KeyIndex(forms.texts.length)
  const hasher = new FormHasher()
  return forms.texts.map((text, index) => {
    let keys = forms.paragraphKeys
    let at = 2 * index
    if (forms.byDefinition[index] === 1) {
      hasher.clear()
      hasher.add(text)
      if (!hasher.wholeKey()) return undefined
      keys = hasher.key
      at = 0
    } else if (forms.paragraphHasKey[index] === 0) {
      return undefined
    }
    const first = firstByKey.get(keys, at)
    if (first >= 0) return first
    firstByKey.set(keys, at, index)
    return undefined
  })
}

// The indexes of `kept`'s paragraphs in `all`, of which `kept` is a part, in order.
function keptIndexes(all: Paragraph[], kept: Paragraph[]): number[] {
  let index = 0
  return kept.map((paragraph) => {
    while (all[index] !== paragraph) index++
    return index++
  })
}

// The key a store claims (xxh64) of each paragraph that is the first copy of its form; none for
// the later copies, which share their first's answer.
function firstCopyKeys(
  paragraphs: Paragraph[],
  firstCopies: Array<number | undefined>,
  keyOf: KeyOf,
): Array<bigint | undefined> {
  return paragraphs.map((paragraph, index) =>
    firstCopies[index] === undefined ? keyOf(paragraph.children[0].value) : undefined,
  )
}

export function findFirstCopiesOfKeys(keys: Array<bigint | undefined>): Array<number | undefined> {
  const firstByKey = new Map<bigint, number>()
  return keys.map((key, index) => {
    if (key === undefined) return undefined
    const first = firstByKey.get(key)
    if (first === undefined) firstByKey.set(key, index)
    return first
  })
}

// Whether a repeat within the file goes; `codePoints` tells the paragraph's length, asked only
// of an isolated repeat.
function isRemovable(
  firstCopies: ReadonlyArray<unknown>,
  index: number,
  codePoints: (index: number) => number,
  minLength: number,
): boolean {
  if (firstCopies[index] === undefined) return false
  const inRun = firstCopies[index - 1] !== undefined || firstCopies[index + 1] !== undefined
  return inRun || codePoints(index) >= minLength
}

// What the paragraph repeats when it goes, or undefined when it stays: the place an earlier file
// (or window) holds it, whatever its length; else, when it is removable, its first copy in this
// file (an index, or a place in an earlier window).
export function removalOf(
  index: number,
  copies: ReadonlyArray<number | FirstCopy | undefined>,
  earlier: ReadonlyArray<FirstCopy | undefined>,
  codePoints: (index: number) => number,
  minLength: number,
): number | FirstCopy | undefined {
  const inEarlierFile = earlier[index]
  if (inEarlierFile !== undefined) return inEarlierFile
  return isRemovable(copies, index, codePoints, minLength) ? copies[index] : undefined
}

// The document claiming: its path, and its owner in a store that outlives the run.
export interface Claimant {
  path: string
  owner?: string
}

// Per paragraph, the place an earlier file of the batch holds it, if any. The file's first
// copies are claimed in one batch call; a later copy inside the file shares its first's answer.
export async function claimAcrossFiles(
  store: SeenStore,
  document: Claimant,
  paragraphLines: ArrayLike<number>,
  keys: Array<bigint | undefined>,
  firstCopies: Array<number | undefined>,
): Promise<Array<FirstCopy | undefined>> {
  const {claimed, keys: claimKeys, lines} = claimsOf(paragraphLines, keys, firstCopies)
  const answers = await store.claim(document.path, claimKeys, lines, document.owner)
  const earlier: Array<FirstCopy | undefined> = keys.map(() => undefined)
  claimed.forEach((index, order) => {
    earlier[index] = answers[order]
  })
  return earlier.map((place, index) => place ?? earlier[firstCopies[index] ?? index])
}

export interface Claims {
  // The paragraphs claimed: each key's first copy in the file.
  claimed: number[]
  keys: BigUint64Array
  lines: Uint32Array
}

// What a file claims: the key and line of each paragraph that is the first copy of its key.
export function claimsOf(
  paragraphLines: ArrayLike<number>,
  keys: Array<bigint | undefined>,
  firstCopies: Array<number | undefined>,
): Claims {
  const claimed: number[] = []
  for (let index = 0; index < keys.length; index++) {
    if (keys[index] !== undefined && firstCopies[index] === undefined) claimed.push(index)
  }
  const claimKeys = new BigUint64Array(claimed.length)
  const lines = new Uint32Array(claimed.length)
  for (let order = 0; order < claimed.length; order++) {
    claimKeys[order] = keys[claimed[order]!]!
    lines[order] = paragraphLines[claimed[order]!]!
  }
  return {claimed, keys: claimKeys, lines}
}

// The paragraph's input line.
export function lineOf(paragraph: Paragraph): number {
  return paragraph.position?.start.line ?? 0
}

// The paragraphs that stay, reporting each one removed.
function removeRepeats(
  file: VFile,
  paragraphs: Paragraph[],
  copies: Array<number | FirstCopy | undefined>,
  earlier: Array<FirstCopy | undefined>,
  minLength: number,
): Paragraph[] {
  const codePoints = (index: number) => codePointLength(paragraphs[index]!.children[0].value)
  return paragraphs.filter((paragraph, index) => {
    const removal = removalOf(index, copies, earlier, codePoints, minLength)
    if (removal === undefined) return true
    if (typeof removal === 'number') {
      const first = pointIn(paragraphs[removal]!.children[0], 0)
      return !reportRepeat(file, paragraph, {line: first.line, column: first.column})
    }
    if (removal.files !== undefined) return !reportBoilerplate(file, paragraph, removal)
    return !reportRepeat(file, paragraph, removal)
  })
}

function withoutPath(place: FirstCopy | undefined): FirstCopy | undefined {
  return place && {line: place.line, column: place.column}
}

// Whether the repeat goes (a reviewer may have rejected its removal).
function reportRepeat(file: VFile, paragraph: Paragraph, firstCopy: FirstCopy): boolean {
  const text = paragraph.children[0]
  const where = firstCopy.path === undefined ? `line ${firstCopy.line}` : `${firstCopy.path}:${firstCopy.line}`
  return reportRemoval(file, `Unexpected repeat of the paragraph on ${where}, removed`, {
    ruleId,
    kind: 'paragraph',
    text: text.value,
    place: pointIn(text, 0),
    firstCopy,
    firstCopyReason: 'First copy of the repeated paragraph',
  })
}

// Whether the boilerplate goes (a reviewer may have rejected its removal).
function reportBoilerplate(file: VFile, paragraph: Paragraph, firstCopy: FirstCopy): boolean {
  const text = paragraph.children[0]
  return reportRemoval(file, `Unexpected boilerplate found in ${firstCopy.files} files, removed`, {
    ruleId,
    kind: 'paragraph',
    text: text.value,
    place: pointIn(text, 0),
    firstCopy,
    firstCopyReason: 'First copy of the boilerplate paragraph',
  })
}
