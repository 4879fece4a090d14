// dedupe-paragraphs: removes later copies of repeated paragraphs (a page body captured twice).
// A copy goes when it is part of a run of two or more consecutive repeats, or when it is long
// enough (40 code points) that repeating it is an artifact; a short isolated repeat stays (a
// refrain, a byline). Never changes the text of a paragraph and never removes a first copy.
// Runs after the other plugins, so keys see the cleaned text.
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {recordRemoval} from '../data.js'
import {codePointLength, normalizedForm, type Hash64} from '../dedupe/key.js'
import {pointIn, source} from '../messages.js'
import type {Paragraph, Root} from '../syntax/types.js'

const ruleId = 'dedupe-paragraphs'

export interface Options {
  // The paragraph hash (xxh64), loaded once per thread by `loadHash64()`.
  hash64: Hash64
  // An isolated repeat at least this long (code points) is removed; default 40.
  minLength?: number
}

const dedupeParagraphs: Plugin<[Options], Root> = function (options) {
  const minLength = options.minLength ?? 40
  return function (tree: Root, file: VFile) {
    const paragraphs = tree.children
    const firstCopies = findFirstCopies(paragraphs, options.hash64)
    const keep = paragraphs.map((paragraph, index) => !isRemovable(firstCopies, index, paragraph, minLength))
    paragraphs.forEach((paragraph, index) => {
      const firstCopy = firstCopies[index]
      if (!keep[index] && firstCopy !== undefined) reportRemoval(file, paragraph, paragraphs[firstCopy]!)
    })
    tree.children = paragraphs.filter((_, index) => keep[index])
  }
}

export default dedupeParagraphs

// For each paragraph, the index of the earlier paragraph it repeats, if any. Paragraphs with no
// content left once normalized (a lone `……`) repeat nothing.
export function findFirstCopies(paragraphs: Paragraph[], hash64: Hash64): Array<number | undefined> {
  const firstByKey = new Map<bigint, number>()
  return paragraphs.map((paragraph, index) => {
    const form = normalizedForm(paragraph.children[0].value)
    if (form.length === 0) return undefined
    const key = hash64(form)
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

function reportRemoval(file: VFile, paragraph: Paragraph, first: Paragraph): void {
  const text = paragraph.children[0]
  const firstPlace = pointIn(first.children[0], 0)
  const cause = new VFileMessage('First copy of the repeated paragraph', {place: firstPlace, ruleId, source})
  cause.file = file.path ?? ''
  const place = pointIn(text, 0)
  const message = file.info(`Unexpected repeat of the paragraph on line ${firstPlace.line}, removed`, {
    place,
    ruleId,
    source,
    cause,
  })
  message.actual = text.value
  message.expected = ['']
  recordRemoval(file.data, {
    kind: 'paragraph',
    ruleId,
    text: text.value,
    place,
    firstCopy: {line: firstPlace.line, column: firstPlace.column},
  })
}
