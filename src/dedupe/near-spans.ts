// Two versions of one story in one line: a later span that nearly repeats an earlier span (the
// article, then a lightly edited copy of it: a reworded lead, a sentence dropped or split,
// another byline). Found by sentence alignment, in two steps:
// 1. Anchors: a later sentence whose normalized form equals an earlier sentence's. Anchors that
//    follow one another in both versions, at most `maxSkip` sentences apart on each side and the
//    earlier side wholly before the later one, make a chain; an anchor that fits no chain is
//    noise (a short sentence said twice) and is passed over.
// 2. A chain of `minAnchors` or more is compared character by character only between its
//    anchors (the gaps, plus as many unanchored sentences before the first anchor and after the
//    last as the two versions can share): fast-diff on each pair of gaps, never on the whole line.
// The spans are alike in the share of characters they hold in common, in order, over the longer
// span. Each gap pair is diffed only when it holds at most `maxGapLength` code units together:
// diff time grows with the square of a gap, so a longer gap counts as all changed and the search
// says it went over its budget. A line costs linear time: one table of sentence keys, one pass
// over the anchors, and diffs of bounded size over disjoint gaps.
import diff from 'fast-diff'
import {KeyIndex} from './key-index.js'
import {readSentenceForms, type SentenceForms} from './sentence-forms.js'
import {mayHoldSentences} from './sentences.js'

export interface NearSpanOptions {
  // The least share of characters the two spans hold in common, in order; see the README.
  minSimilarity: number
  // The least number of sentences the two versions share exactly.
  minAnchors: number
  // The most sentences an edit may drop, add or reword between two anchors, on either side.
  maxSkip: number
  // The most code units a pair of gaps may hold together to be diffed.
  maxGapLength: number
}

// The threshold, 0.7, measured on the corpus sample (test/fixtures/corpus, cleaned first): no line
// of the 500 holds a chain of three anchors at all, and with any number of anchors the most alike
// pair of spans is 0.61 alike (two shared sentences in a game guide), so no real article is
// flagged at 0.65 or above. Of 300 seeded edited versions (a quarter of the lead's characters
// replaced, a sentence dropped, another byline), 99.7% reach 0.6, 99% 0.7, 92% 0.8 and 57% 0.9:
// 0.7 keeps a margin over the corpus and misses only short articles edited throughout.
export const nearSpanDefaults: NearSpanOptions = {minSimilarity: 0.7, minAnchors: 3, maxSkip: 3, maxGapLength: 2000}

// An earlier span `[firstStart, firstEnd)` and a later span `[start, end)` of one line.
export interface NearSpan {
  firstStart: number
  firstEnd: number
  start: number
  end: number
  similarity: number
  // The differing pieces, in order: earlier text and later text.
  changes: Array<[string, string]>
}

export interface NearSpanSearch {
  spans: NearSpan[]
  // Whether some gap was too long to diff (counted as all changed).
  overBudget: boolean
}

// A run of anchors: sentence `firsts[k]` of the earlier version is sentence `laters[k]` of the later.
interface Chain {
  firsts: number[]
  laters: number[]
}

// The line's sentences and the keys of their forms are paragraph `paragraph` of `forms` when
// given (what the dedupe steps read, see sentence-forms.ts), else read here.
export function findNearDuplicateSpans(
  text: string,
  options: NearSpanOptions = nearSpanDefaults,
  forms?: SentenceForms,
  paragraph = 0,
): NearSpanSearch {
  const search: NearSpanSearch = {spans: [], overBudget: false}
  // A chain's earlier and later sentences are distinct: a line of fewer sentences holds none.
  const minSentences = 2 * options.minAnchors
  if (!forms && !mayHoldSentences(text, minSentences)) return search
  const sentences = forms ?? readSentenceForms([text])
  const row = forms ? paragraph : 0
  const first = sentences.firstSentences[row]!
  const count = sentences.firstSentences[row + 1]! - first
  if (count < minSentences) return search
  const ends = Array.from(sentences.ends.subarray(first, first + count))
  const starts = ends.map((_, index) => (index === 0 ? 0 : ends[index - 1]!))
  let floor = 0
  for (const chain of anchorChains(sentences, first, count, options)) {
    if (chain.firsts[0]! < floor || chain.firsts.length < options.minAnchors) continue
    const span = compareChain(text, starts, ends, chain, floor, options, search)
    if (span && span.similarity >= options.minSimilarity) {
      search.spans.push(span)
      floor = chain.laters[chain.laters.length - 1]! + 1
    }
  }
  return search
}

// The chains of anchors of a line, its `count` sentences from sentence `from` of `forms`, in order
// of their later sentences. Two sentences are alike when their keys are: equal forms always
// share a key, different ones about once in 2^64 (FormHasher, key.ts).
function anchorChains(forms: SentenceForms, from: number, count: number, options: NearSpanOptions): Chain[] {
  const firstByKey = new KeyIndex(count)
  const chains: Chain[] = []
  let chain: Chain | undefined
  for (let sentence = 0; sentence < count; sentence++) {
    const at = 2 * (from + sentence)
    if (forms.sentenceHasKey[from + sentence] === 0) continue
    const first = firstByKey.get(forms.sentenceKeys, at)
    if (first < 0) {
      firstByKey.set(forms.sentenceKeys, at, sentence)
      continue
    }
    const lastFirst = chain ? chain.firsts[chain.firsts.length - 1]! : -1
    const lastLater = chain ? chain.laters[chain.laters.length - 1]! : -1
    const fitsChain =
      chain !== undefined &&
      first > lastFirst &&
      first - lastFirst <= options.maxSkip + 1 &&
      first < chain.laters[0]! &&
      sentence - lastLater <= options.maxSkip + 1
    if (chain && fitsChain) {
      chain.firsts.push(first)
      chain.laters.push(sentence)
    } else if (chain && chain.firsts.length > 1 && sentence - lastLater <= options.maxSkip + 1) {
      // Noise inside a growing chain: passed over.
    } else {
      chain = {firsts: [first], laters: [sentence]}
      chains.push(chain)
    }
  }
  return chains
}

// The two spans a chain stands for, and how alike they are.
function compareChain(
  text: string,
  starts: number[],
  ends: number[],
  chain: Chain,
  floor: number,
  options: NearSpanOptions,
  search: NearSpanSearch,
): NearSpan | undefined {
  const {firsts, laters} = chain
  const firstAnchor = firsts[0]!
  const lastAnchor = firsts[firsts.length - 1]!
  const laterAnchor = laters[0]!
  const laterLast = laters[laters.length - 1]!
  // Unanchored sentences before the first anchor open the earlier version (up to `maxSkip`); the
  // later version opens where its unanchored head is about as long as that opening, so a split
  // or reworded lead stays with its version. What lies between the last earlier anchor and that
  // point is the earlier version's tail.
  const head = Math.min(firstAnchor - floor, options.maxSkip)
  const firstStart = starts[firstAnchor - head]!
  const headLength = starts[firstAnchor]! - firstStart
  const laterStart = laterOpening(text, starts, firstStart, headLength, lastAnchor, laterAnchor, options)
  const tail = Math.min(laterStart - lastAnchor - 1, options.maxSkip)
  const laterEnd = Math.min(laterLast + tail, ends.length - 1)
  const laterSentenceStart = starts[laterStart]!
  const start = afterByline(text, laterSentenceStart, firstStart, starts[laterAnchor]!)
  const firstEnd = start > laterSentenceStart ? start : ends[lastAnchor + tail]!
  const end = afterByline(text, ends[laterEnd]!, firstStart, text.length)
  if (text.slice(firstStart, firstEnd) === text.slice(start, end)) return undefined
  // The pieces the anchors leave, in pairs: the heads, the gaps between anchors, the tails.
  const pieces: Array<[number, number, number, number]> = [
    [firstStart, starts[firstAnchor]!, start, starts[laterAnchor]!],
  ]
  for (let index = 1; index < firsts.length; index++) {
    pieces.push([
      ends[firsts[index - 1]!]!,
      starts[firsts[index]!]!,
      ends[laters[index - 1]!]!,
      starts[laters[index]!]!,
    ])
  }
  pieces.push([ends[lastAnchor]!, firstEnd, ends[laterLast]!, end])
  let shared = 0
  for (const sentence of laters) shared += ends[sentence]! - starts[sentence]!
  const changes: Array<[string, string]> = []
  for (const [aStart, aEnd, bStart, bEnd] of pieces) {
    const a = text.slice(aStart, aEnd)
    const b = text.slice(bStart, bEnd)
    if (a === b) shared += a.length
    else if (a.length + b.length > options.maxGapLength) {
      search.overBudget = true
      changes.push([a, b])
    } else shared += sharedInOrder(a, b, changes)
  }
  const similarity = shared / Math.max(firstEnd - firstStart, end - start)
  return {firstStart, firstEnd, start, end, similarity, changes}
}

// The sentence that opens the later version: of the (up to 2 * `maxSkip` + 1) sentences after the
// earlier version's last anchor, the one that leaves a head closest in length to `headLength`
// (a byline glued before it left out).
function laterOpening(
  text: string,
  starts: number[],
  firstStart: number,
  headLength: number,
  lastAnchor: number,
  laterAnchor: number,
  options: NearSpanOptions,
): number {
  const end = starts[laterAnchor]!
  let best = laterAnchor
  let bestDistance = headLength
  const lowest = Math.max(lastAnchor + 1, laterAnchor - 2 * options.maxSkip - 1)
  for (let sentence = laterAnchor - 1; sentence >= lowest; sentence--) {
    const distance = Math.abs(end - afterByline(text, starts[sentence]!, firstStart, end) - headLength)
    if (distance < bestDistance) {
      best = sentence
      bestDistance = distance
    }
  }
  return best
}

// A byline (`(reporter)`, no stop after it) at `start`: where it ends, or `start` when none
// stands there or the earlier span starts with the same bracket. A byline ending the earlier
// version is glued to the later version's first sentence: the later span starts after it, and
// one right after the later version ends it.
function afterByline(text: string, start: number, firstStart: number, limit: number): number {
  const open = text.charCodeAt(start)
  const close = open === 0xff08 ? 0xff09 : open === 0x28 ? 0x29 : open === 0x3010 ? 0x3011 : -1
  if (close < 0 || text.charCodeAt(firstStart) === open) return start
  const end = text.indexOf(String.fromCharCode(close), start)
  return end > start && end < Math.min(limit, start + bylineLength) ? end + 1 : start
}

// The longest bracketed byline taken for the end of the earlier version (code units).
const bylineLength = 40

// Characters `a` and `b` share in order (by fast-diff); what differs is added to `changes` as
// `[removed, added]` pairs.
export function sharedInOrder(a: string, b: string, changes: Array<[string, string]>): number {
  let shared = 0
  let removed = ''
  let added = ''
  const flush = () => {
    if (removed || added) changes.push([removed, added])
    removed = ''
    added = ''
  }
  for (const [operation, piece] of diff(a, b)) {
    if (operation === diff.EQUAL) {
      shared += piece.length
      flush()
    } else if (operation === diff.DELETE) removed += piece
    else added += piece
  }
  flush()
  return shared
}
