// The damage scan's signatures of a span that real text does not have, and the span's endings:
// each signature is built around real Han text from the corpus and checked against real
// questions, and the ending before a letter whose pair a decoder hid is read from real bytes.
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {damage} from '../../scripts/damage.js'
import {readSpanBytes} from '../../src/repair/span-bytes.js'
import {damageMarks, damageSignal} from '../../src/repair/spans.js'
import {corpusArticles} from '../helpers.js'

// Runs of Han characters from the corpus, as many as asked, each `length` long.
function hanRuns(length: number, count: number): string[] {
  const runs: string[] = []
  for (const article of corpusArticles()) {
    for (const run of article.match(new RegExp(`[\\u4e00-\\u9fff]{${length}}`, 'g')) ?? []) {
      runs.push(run)
      if (runs.length === count) return runs
    }
  }
  return runs
}

describe('damageSignal', () => {
  const before = hanRuns(4, 20)
  const after = hanRuns(6, 20).reverse()

  it.each([
    [
      'a folded colon right after the mark before Han text',
      (at: number) => `${before[at]}?:${after[at]}`,
      'stray-mark',
    ],
    [
      'a folded semicolon right after the mark before Han text',
      (at: number) => `${before[at]}?;${after[at]}`,
      'stray-mark',
    ],
    [
      'a short Han run between a digit and a Latin letter',
      (at: number) => `74181004?${after[at]!.slice(0, 1)}Q:56`,
      'alphanumeric-run',
    ],
    [
      'a short Han run between two Latin letters',
      (at: number) => `QQ?${after[at]!.slice(0, 3)}N97`,
      'alphanumeric-run',
    ],
    [
      'two ASCII marks with a letter between the mark and Han text',
      (at: number) => `${before[at]}?kp${after[at]}`,
      'ascii-pair',
    ],
    [
      'a folded comma and a letter between the mark and Han text',
      (at: number) => `${before[at]}?,F${after[at]}`,
      'ascii-pair',
    ],
  ])('finds %s', (_, make, signal) => {
    for (let at = 0; at < 20; at++) {
      const text = make(at)
      expect(damageSignal(text, text.indexOf('?')), text).toBe(signal)
    }
  })

  it('takes no question in the corpus for one of these signatures', () => {
    const found: string[] = []
    for (const article of corpusArticles()) {
      const text = article.replaceAll('\uff1f', '?').replaceAll('\uff1a', ':').replaceAll('\uff1b', ';')
      for (let at = text.indexOf('?'); at !== -1; at = text.indexOf('?', at + 1)) {
        const signal = damageSignal(text, at)
        if (signal === 'stray-mark' || signal === 'alphanumeric-run' || signal === 'ascii-pair')
          found.push(text.slice(at - 4, at + 6))
      }
    }
    expect(found).toEqual([])
  })

  it('takes a number before a lost character for no short span: `40?` then Han', () => {
    const [run] = hanRuns(5, 1)
    expect(damageSignal(`40?${run}`, 2)).toBeUndefined()
  })
})

describe('damageMarks', () => {
  it.each([
    ['no mark', 'abc', []],
    ['only `?`', '?a??', [0, 2, 3]],
    ['only U+FFFD', 'a\ufffd\ufffd', [1, 2]],
    ['both, interleaved', 'a?b\ufffd??c\ufffd', [1, 3, 4, 5, 7]],
  ])('lists %s in order', (_name, text, marks) => {
    expect(damageMarks(text)).toEqual(marks)
  })
})

describe('readSpanBytes', () => {
  // Corpus Han text ending with a character whose trail byte starts a pair of GBK's user-defined
  // rows A140-A7A0 (trail bytes A1-A7) when an ASCII letter follows it.
  function hiddenLetterCases(): Array<{text: string; letterAt: number}> {
    const cases: Array<{text: string; letterAt: number}> = []
    for (const run of hanRuns(6, 400)) {
      const last = iconv.encode(run.slice(-1), 'gbk')[1]!
      if (last >= 0xa1 && last <= 0xa7) cases.push({text: `${run}N97`, letterAt: run.length})
      if (cases.length === 5) break
    }
    return cases
  }

  it('ends a span before a letter whose pair a decoder hid, with U+FFFD for the letter', () => {
    const cases = hiddenLetterCases()
    expect(cases.length).toBe(5)
    for (const {text, letterAt} of cases) {
      const {damaged} = damage(text, 0)
      // The hidden pair took the letter: the text is in step again from the digits.
      const digits = damaged.indexOf('97')
      expect(damaged.length - digits).toBe(text.length - letterAt - 1)
      const {endings} = readSpanBytes(damaged, 0)
      expect(endings.some((ending) => ending.end === digits && ending.tail[0] === 0xfffd)).toBe(true)
    }
  })
})
