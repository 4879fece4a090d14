// dedupe-paragraphs: removes later copies of repeated paragraphs (a page body captured twice).
// A copy goes when it is part of a run of two or more consecutive repeats, or when it is long
// enough (40 code points) that repeating it is an artifact; a short isolated repeat stays (a
// refrain, a byline). With `acrossFiles`, a paragraph an earlier file of the batch already held
// goes whatever its length (source lines, editor lines, copyright footers), its cause naming
// that file and line. Never changes the text of a paragraph and never removes a first copy.
// Runs after the other plugins, so keys see the cleaned text.
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import type {FirstCopy} from '../data.js'
import {codePointLength, type Hash64, loadHash64, normalizedForm} from '../dedupe/key.js'
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
}

const dedupeParagraphs: Plugin<[Options?], Root> = function (options = {}) {
  const minLength = options.minLength ?? 40
  const store = options.acrossFiles ? (options.store ?? new MemorySeenStore()) : undefined
  return async function (tree: Root, file: VFile): Promise<void> {
    const paragraphs = tree.children
    const keys = paragraphKeys(paragraphs, await loadHash64())
    const firstCopies = findFirstCopiesOfKeys(keys)
    const earlier = store ? await claimAcrossFiles(store, file, paragraphs, keys, firstCopies) : []
    tree.children = removeRepeats(file, paragraphs, firstCopies, earlier, minLength)
  }
}

export default dedupeParagraphs

// Per paragraph, the key of its normalized form; none for a paragraph with no content left once
// normalized (a lone `……`), which repeats nothing.
export function paragraphKeys(paragraphs: Paragraph[], hash64: Hash64): Array<bigint | undefined> {
  return paragraphs.map((paragraph) => {
    const form = normalizedForm(paragraph.children[0].value)
    return form.length === 0 ? undefined : hash64(form)
  })
}

// For each paragraph, the index of the earlier paragraph it repeats, if any.
export function findFirstCopies(paragraphs: Paragraph[], hash64: Hash64): Array<number | undefined> {
  return findFirstCopiesOfKeys(paragraphKeys(paragraphs, hash64))
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

export function isRemovable(
  firstCopies: Array<number | undefined>,
  index: number,
  paragraph: Paragraph,
  minLength: number,
): boolean {
  if (firstCopies[index] === undefined) return false
  const inRun = firstCopies[index - 1] !== undefined || firstCopies[index + 1] !== undefined
  return inRun || codePointLength(paragraph.children[0].value) >= minLength
}

// Per paragraph, the place an earlier file of the batch holds it, if any. The file's first
// copies are claimed in one batch call; a later copy inside the file shares its first's answer.
export async function claimAcrossFiles(
  store: SeenStore,
  file: VFile,
  paragraphs: Paragraph[],
  keys: Array<bigint | undefined>,
  firstCopies: Array<number | undefined>,
): Promise<Array<FirstCopy | undefined>> {
  const claimed: number[] = []
  keys.forEach((key, index) => {
    if (key !== undefined && firstCopies[index] === undefined) claimed.push(index)
  })
  const claimKeys = BigUint64Array.from(claimed, (index) => keys[index]!)
  const lines = Uint32Array.from(claimed, (index) => paragraphs[index]!.position?.start.line ?? 0)
  const answers = await store.claim(file.path ?? '', claimKeys, lines)
  const earlier: Array<FirstCopy | undefined> = paragraphs.map(() => undefined)
  claimed.forEach((index, order) => {
    earlier[index] = answers[order]
  })
  return earlier.map((place, index) => place ?? earlier[firstCopies[index] ?? index])
}

// The paragraphs that stay, reporting each one removed.
function removeRepeats(
  file: VFile,
  paragraphs: Paragraph[],
  firstCopies: Array<number | undefined>,
  earlier: Array<FirstCopy | undefined>,
  minLength: number,
): Paragraph[] {
  return paragraphs.filter((paragraph, index) => {
    const inEarlierFile = earlier[index]
    if (inEarlierFile !== undefined) return !reportRepeat(file, paragraph, inEarlierFile)
    if (!isRemovable(firstCopies, index, paragraph, minLength)) return true
    const firstPlace = pointIn(paragraphs[firstCopies[index]!]!.children[0], 0)
    return !reportRepeat(file, paragraph, {line: firstPlace.line, column: firstPlace.column})
  })
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
