// A cheap second look at a `?` the damage scan (spans.ts) picked, before any search or dictionary:
// does the text after it read on as it is (the `?` is one Han character a scrape could not map, a
// lost character as the lost-characters plugin warns about it), or is it the lost lead byte of a GBK
// stream read one byte off (the text after it is shifted garbage until the bytes come back in
// step)? The characters after the mark are weighed as they are against the characters their bytes
// make when paired one byte earlier, by the general frequency table and the dictionary's common
// two-character words (a table of 24k words, read on the first look): fluent text is common
// characters and words that re-pair into rare characters or none at all, shifted garbage the other
// way round. Measured on simulated damage in 500 real articles (simplified and traditional, every
// fifth place of every paragraph: 151k spans) against the same articles with 2% of their Han
// characters replaced by `?`: it passes over about four in five false suspects and drops about
// one real span in 17,000 (9 of 151k).
import {isAsciiDigit} from '../text/char-class.js'
import {logFrequency, modelKey} from './frequency.js'
import {gbkBytes, isPrivateUse, noCharacter, pairCharacter} from './gbk.js'
import {damageSignal, type Signal} from './spans.js'
import {commonWordTable} from './tables.js'

// The scan's signal for the mark at `start`, unless the text after a `?` reads on as it is. Kana,
// Greek, Cyrillic or box drawing right after the mark is what a misaligned pair reads and never
// what Chinese text has after a lost character: that signal needs no second look.
export function suspectSignal(text: string, start: number): Signal | undefined {
  const signal = damageSignal(text, start)
  if (!signal || signal === 'stray-script') return signal
  return standsForLostCharacter(text, start, signal) ? undefined : signal
}

// Whether the text after the mark at `start` reads as clearly shifted (100 to 1 at least), read
// both ways an ASCII letter in it may be: where the run stops (the second look's reading: a span
// may end there) and as the folded full-width form it is inside a span that goes on (GBK A3 and
// the code + 0x80). The second look alone leaves a span read one byte off from a lost full stop
// (`?`, then a folded letter: the stop's trail byte A3 and the next lead) as unweighed as a `?`
// before Latin letters. A U+FFFD is a decoder's mark: it always reads as shifted.
export function readsAsShifted(text: string, start: number): boolean {
  if (text.charCodeAt(start) !== 0x3f) return true
  return Math.min(inStepEvidence(text, start), inStepEvidence(text, start, true)) <= -clearlyShiftedEvidence
}

// How clearly shifted the text after a mark must read for readsAsShifted: on simulated damage in
// 500 simplified articles about 96% of spans the second look keeps read so; of the `?` it keeps in
// the same articles with 2% of their Han characters lost (four rounds, folded to ASCII or not)
// none does (the least reads -1.5).
const clearlyShiftedEvidence = 2

// Whether the `?` at `start` stands for a character lost whole: the text after it is far more
// likely as it is than read one byte off. A U+FFFD is a decoder's mark, never a lost character.
export function standsForLostCharacter(text: string, start: number, signal?: Signal): boolean {
  const least = signal === 'stray-mark' ? strayMarkEvidence : lostCharacterEvidence
  return text.charCodeAt(start) === 0x3f && inStepEvidence(text, start) > least
}

// Least evidence (log10 likelihood ratio) that the text reads on as it is for a `?` to be taken for
// a lost character: 1000 to 1.
const lostCharacterEvidence = 3
// The same after a folded `:` or `;` right after the mark before Han text: after a lost lead byte
// that is the trail byte A3 of a full stop or comma paired with the next lead, after a lost
// character a rare shape (one in the 2%-`?` text of 500 articles), so it asks for a wider margin.
const strayMarkEvidence = 10

// Characters after the mark weighed (a run that long decides either way).
const evidenceReach = 12
// log10 share of a character read from a misaligned pair: between the as-is characters of
// simulated damage (mean -5.3) and of fluent text (-3.2), and between what they re-pair into
// (-3.3 and -5.2).
const shiftedLogFrequency = -3.5
// Evidence for fluent text from a pair that makes no character when read one byte earlier: real
// text re-paired makes none about one pair in six, shifted garbage re-paired almost never (a pair
// that does not decode became `?` and ends the run).
const hiddenPairEvidence = 2

// Evidence from two neighbours that make one of the dictionary's common words: as they are,
// fluent text makes one about one pair in three and shifted garbage one in a thousand; re-paired,
// the other way round.
const commonWordEvidence = 2.5

// log10 of how much likelier the run after the mark is as it is than read one byte off: each
// character as it is (common text or random pairs), and each character its bytes make re-paired
// (random pairs or real text), each two of either that make a common word, and where the run
// stops. Positive: it reads on as it is. With `lettersFolded`, an ASCII letter or mark from 0x40
// is read as a folded full-width form (GBK A3 and the code + 0x80) rather than as where the run stops.
export function inStepEvidence(text: string, start: number, lettersFolded = false): number {
  let evidence = 0
  let dangling = -1
  let previous = -1
  let previousRepaired = -1
  const end = Math.min(text.length, start + 1 + evidenceReach)
  for (let index = start + 1; index < end; index++) {
    const code = text.charCodeAt(index)
    // A digit after text that already reads as shifted (1000 to 1) is the ASCII byte that ends the
    // run: what follows is in step whatever the mark is, and says nothing.
    if (isAsciiDigit(code) && evidence < -lostCharacterEvidence) return evidence
    const bytes = lettersFolded && code >= 0x40 && code < 0x7f ? 0xa380 + code : misalignedBytes(code)
    if (bytes === noCharacter) return evidence + unpairedEndEvidence(code)
    evidence += logFrequency(modelKey(code)) - shiftedLogFrequency
    if (previous !== -1 && isCommonWord(previous, code)) evidence += commonWordEvidence
    previous = code
    if (dangling !== -1) {
      const repaired = pairCharacter(dangling, bytes >> 8)
      if (repaired === noCharacter || isPrivateUse(repaired)) {
        evidence += hiddenPairEvidence
        previousRepaired = -1
      } else {
        evidence += shiftedLogFrequency - logFrequency(modelKey(repaired))
        if (previousRepaired !== -1 && isCommonWord(previousRepaired, repaired)) evidence -= commonWordEvidence
        previousRepaired = repaired
      }
    }
    dangling = bytes & 0xff
    // The pair took an ASCII byte as its trail: the bytes after it are back in step.
    if (dangling < 0x80) return evidence
  }
  return end === text.length ? evidence + unpairedEndEvidence(-1) : evidence
}

// Evidence from where the run stops (-1: the paragraph's end) that a misreading cannot explain.
// Read one byte off, the run would end in the `?` (or U+FFFD) a decoder writes for the lead byte
// left over before an ASCII byte: it cannot stop at whitespace or the paragraph's end right after
// a character (10 of 151k simulated spans do). Nor can it hold a character GBK has no bytes for.
function unpairedEndEvidence(code: number): number {
  if (code === -1 || code <= 0x20) return unexplainedEndEvidence
  if (code >= 0x80 && code !== 0xfffd && gbkBytes(code) === noCharacter) return notGbkEvidence
  return 0
}

const unexplainedEndEvidence = 3
const notGbkEvidence = 5

// Whether two characters make a common word (binary search of the sorted table).
function isCommonWord(first: number, second: number): boolean {
  const words = commonWordTable()
  const key = first * 0x10000 + second
  let low = 0
  let high = words.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (words[middle]! < key) low = middle + 1
    else high = middle
  }
  return low < words.length && words[low] === key
}

// The two GBK bytes a character of a misaligned run was read from, or noCharacter where the run
// cannot go on or cannot be told from text in step: whitespace, `?` and U+FFFD (a pair that did
// not decode), a character of one byte (U+20AC is GBK's 0x80), and ASCII from 0x40 (an ASCII
// byte, or a trail byte read alone: the bytes are in step after either). ASCII below 0x40 is a
// full-width form a scraper folded (GBK A3 and the code + 0x80): a byte that low read alone
// would have made the pair before it fail (`?`).
function misalignedBytes(code: number): number {
  if (code < 0x80) return code > 0x20 && code < 0x40 && code !== 0x3f ? 0xa380 + code : noCharacter
  if (code === 0xfffd || code === 0x3000 || code === 0x20ac) return noCharacter
  const bytes = gbkBytes(code)
  return bytes < 0x100 ? noCharacter : bytes
}
