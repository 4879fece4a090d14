// dedupe-sentences: removes the second copy of a body captured twice inside one line (scraped
// articles whose paragraph breaks were lost). Text doubled in place (`X X`, X two or more
// sentences or at least 40 code points) goes wherever it stands in the line, as when each section
// of an article was captured twice (see `dedupe/adjacent-repeats`). Any other later copy is a
// run of two or more consecutive repeated sentences or one repeated sentence of at least 40 code
// points, widened to exactly the repeated text; it goes when it is an artifact: it runs to the end of its line and adjoins its
// first copy or repeats the line from its first sentence, or it makes up a whole paragraph (see
// `dedupe/sentence-repeats`). A line ending in its own text twice (`X X`, X of 40 code points or
// more) loses the second X even without stops. A paragraph left with no content, or left
// repeating an earlier paragraph, is dropped whole. Other repeated runs (a lead quoting the body)
// stay, reported as warnings. Never removes a first copy, never touches a paragraph that exactly
// repeats an earlier one (that is `dedupe-paragraphs`' call), never changes the text it keeps.
// Runs after dedupe-paragraphs, so keys see the cleaned text.
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {findAdjacentRepeats} from '../dedupe/adjacent-repeats.js'
import {FormHasher} from '../dedupe/key.js'
import {KeyIndex} from '../dedupe/key-index.js'
import {formsMatch, keptForms, readSentenceForms} from '../dedupe/sentence-forms.js'
import {
  findSentenceRepeats,
  findTrailingRepeat,
  type Repeat,
  type SentenceTable,
  tabulateSentences,
  withBlanks,
  withoutOverlaps,
  withoutRepeatsIn,
} from '../dedupe/sentence-repeats.js'
import {pointIn, reportDoubt, reportRemoval} from '../messages.js'
import type {Paragraph, Point, Root} from '../syntax/types.js'

const ruleId = 'dedupe-sentences'

export interface Options {
  // A single repeated sentence, or a line's doubled tail, at least this long (code points) is removed; default 40.
  minLength?: number
  // Character comparisons the in-place search may spend per code unit of a line; default 8.
  comparisonsPerCharacter?: number
  // Leave the kept paragraphs' sentence forms on the document (`sentenceForms`) for
  // near-duplicates, which reads them where a paragraph's text is unchanged; default false.
  shareSentenceForms?: boolean
}

const dedupeSentences: Plugin<[Options?], Root> = function (options = {}) {
  const minLength = options.minLength ?? 40
  const shareSentenceForms = options.shareSentenceForms ?? false
  return function (tree: Root, file: VFile): void {
    const paragraphs = tree.children
    const texts = paragraphs.map((paragraph) => paragraph.children[0].value)
    const shared = file.data.sentenceForms
    delete file.data.sentenceForms
    const forms = shared && formsMatch(shared, texts) ? shared : readSentenceForms(texts)
    const table = tabulateSentences(texts, forms)
    const adjacent = findAdjacentRepeats(texts, table, minLength, options.comparisonsPerCharacter)
    for (const paragraph of adjacent.exhausted) reportExhaustedSearch(file, paragraphs[paragraph]!)
    const found = withoutOverlaps(
      findSentenceRepeats(texts, withoutRepeatsIn(table, adjacent.repeats), minLength),
      adjacent.repeats,
    )
    for (const repeat of found) if (!repeat.remove) reportKeptRepeat(file, paragraphs, repeat)
    const removals = [...adjacent.repeats, ...found.filter((repeat) => repeat.remove)]
    addTrailingRepeats(texts, removals, table.exactRepeats, minLength)
    if (removals.length === 0) {
      if (shareSentenceForms) file.data.sentenceForms = forms
      return
    }
    const keep = applyRemovals(file, paragraphs, table, removals)
    tree.children = paragraphs.filter((_, index) => keep[index])
    if (shareSentenceForms) file.data.sentenceForms = keptForms(forms, keptIndexes(keep))
  }
}

export default dedupeSentences

// Paragraphs with nothing removed yet that end in their own text twice.
function addTrailingRepeats(texts: string[], removals: Repeat[], skip: boolean[], minLength: number): void {
  const withRemovals = new Set(removals.map((repeat) => repeat.paragraph))
  texts.forEach((text, paragraph) => {
    if (skip[paragraph] || withRemovals.has(paragraph)) return
    const found = findTrailingRepeat(text, minLength)
    if (found) {
      removals.push({
        paragraph,
        start: found.start,
        end: found.end,
        firstParagraph: paragraph,
        firstStart: found.firstStart,
        remove: true,
      })
    }
  })
  removals.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start)
}

// Applies the removals paragraph by paragraph, in order, and says which paragraphs stay.
function applyRemovals(
  file: VFile,
  paragraphs: Paragraph[],
  table: Pick<SentenceTable, 'keys' | 'hasKey'>,
  repeats: Repeat[],
): boolean[] {
  const keep = paragraphs.map(() => true)
  const byParagraph = groupByParagraph(repeats)
  const paragraphByKey = new KeyIndex(paragraphs.length)
  const remembered = (index: number) => {
    if (table.hasKey[index]) remember(paragraphByKey, table.keys, 2 * index, index)
  }
  const hasher = new FormHasher()
  paragraphs.forEach((paragraph, index) => {
    const node = paragraph.children[0]
    const own = byParagraph.get(index)
    if (own === undefined) {
      remembered(index)
      return
    }
    const spans = widenedSpans(node.value, own)
    const rest = keptText(node.value, spans)
    hasher.clear()
    hasher.add(rest)
    const restHasKey = hasher.wholeKey()
    const earlier = restHasKey ? paragraphByKey.get(hasher.key) : -1
    if (!restHasKey || earlier >= 0) {
      const firstCopy =
        earlier < 0 ? placeOfFirstCopy(paragraphs, own[0]!) : pointIn(paragraphs[earlier]!.children[0], 0)
      keep[index] = !reportRepeatedText(file, 'paragraph', pointIn(node, 0), node.value, firstCopy)
      if (keep[index]) remembered(index)
      return
    }
    const removed = spans.filter(([start, end], order) =>
      reportRepeatedText(
        file,
        'sentence',
        pointIn(node, start),
        node.value.slice(start, end),
        placeOfFirstCopy(paragraphs, own[order]!),
      ),
    )
    if (removed.length < spans.length) {
      node.value = keptText(node.value, removed)
      remembered(index)
      return
    }
    node.value = rest
    remember(paragraphByKey, hasher.key, 0, index)
  })
  return keep
}

// The indexes of the paragraphs kept, in order.
function keptIndexes(keep: boolean[]): number[] {
  const indexes: number[] = []
  keep.forEach((kept, index) => {
    if (kept) indexes.push(index)
  })
  return indexes
}

function groupByParagraph(repeats: Repeat[]): Map<number, Repeat[]> {
  const groups = new Map<number, Repeat[]>()
  for (const repeat of repeats) {
    const group = groups.get(repeat.paragraph)
    if (group) group.push(repeat)
    else groups.set(repeat.paragraph, [repeat])
  }
  return groups
}

// Files the key in `words` at `at` under the paragraph, unless an earlier one has it.
function remember(paragraphByKey: KeyIndex, words: Uint32Array, at: number, index: number): void {
  if (paragraphByKey.get(words, at) < 0) paragraphByKey.set(words, at, index)
}

// The spans a paragraph loses: each removal widened over the blanks it would strand, in order
// and without overlap.
function widenedSpans(text: string, repeats: Array<Pick<Repeat, 'start' | 'end'>>): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  let from = 0
  for (const repeat of repeats) {
    const span = withBlanks(text, Math.max(from, repeat.start), repeat.end)
    spans.push(span)
    from = span[1]
  }
  return spans
}

function keptText(text: string, spans: Array<[number, number]>): string {
  let kept = ''
  let from = 0
  for (const [start, end] of spans) {
    kept += text.slice(from, start)
    from = end
  }
  return kept + text.slice(from)
}

function placeOfFirstCopy(paragraphs: Paragraph[], repeat: Repeat): Point {
  return pointIn(paragraphs[repeat.firstParagraph]!.children[0], repeat.firstStart)
}

// A run of repeated sentences that reads as the editor's own (see `isArtifact`): a doubt.
function reportKeptRepeat(file: VFile, paragraphs: Paragraph[], repeat: Repeat): void {
  const node = paragraphs[repeat.paragraph]!.children[0]
  const firstPlace = placeOfFirstCopy(paragraphs, repeat)
  const reason = `Repeated sentences (first at ${firstPlace.line}:${firstPlace.column}) kept: neither a body captured twice nor a whole paragraph`
  const message = reportDoubt(file, reason, ruleId, pointIn(node, repeat.start))
  message.actual = node.value.slice(repeat.start, repeat.end)
}

function reportExhaustedSearch(file: VFile, paragraph: Paragraph): void {
  const node = paragraph.children[0]
  const reason = `Search for text doubled in place stopped at its budget: the rest of this ${node.value.length}-character line was not searched`
  reportDoubt(file, reason, ruleId, pointIn(node, 0))
}

function reportRepeatedText(
  file: VFile,
  kind: 'paragraph' | 'sentence',
  place: Point,
  text: string,
  firstPlace: Point,
): boolean {
  const what = kind === 'paragraph' ? 'paragraph made of repeated sentences' : 'sentences'
  return reportRemoval(file, `Unexpected repeat of the ${what} at ${firstPlace.line}:${firstPlace.column}, removed`, {
    ruleId,
    kind,
    text,
    place,
    firstCopy: {line: firstPlace.line, column: firstPlace.column},
    firstCopyReason: 'First copy of the repeated text',
  })
}
