import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {
  hasInvisible,
  isBlank,
  isClosingContext,
  isClosingMark,
  isHan,
  isInvisible,
  isOpeningContext,
  isOpeningMark,
  isSentenceEnd,
  isWhiteSpace,
  nextSentenceEndOrDot,
} from '../../src/text/char-class.js'
import {root} from '../helpers.js'

// The code points a line of the rule table names (`- CL: ... U+201D U+2019 ...`).
function specList(name: string): Set<number> {
  const line = readFileSync(join(root, 'docs', 'punctuation.md'), 'utf8')
    .split('\n')
    .find((text) => text.startsWith(`- ${name}:`))
  if (line === undefined) throw new Error(`docs/punctuation.md has no ${name} line`)
  return new Set([...line.matchAll(/U\+([0-9A-F]{4,5})/g)].map((match) => Number.parseInt(match[1]!, 16)))
}

// The BMP code points (and -1, no character) where `predicate` and `expected` disagree.
function disagreements(predicate: (code: number) => boolean, expected: (code: number) => boolean): number[] {
  const found: number[] = []
  for (let code = -1; code < 0x10000; code++) if (predicate(code) !== expected(code)) found.push(code)
  return found
}

const han = /\p{Script=Han}/u
const isSpecHan = (code: number) => code >= 0 && han.test(String.fromCodePoint(code))

describe('isHan', () => {
  it('agrees with \\p{Script=Han} on every code point', () => {
    const found: number[] = []
    for (let code = 0; code < 0x110000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue
      if (isHan(code) !== han.test(String.fromCodePoint(code))) found.push(code)
    }
    expect(found).toEqual([])
  })
})

describe('the context classes of the rule table', () => {
  const closing = specList('CL')
  const opening = specList('CR')

  it('reads both lists from docs/punctuation.md', () => {
    expect([closing.size, opening.size]).toEqual([15, 7])
  })

  it('takes as CL exactly H and the marks the CL line names', () => {
    expect(disagreements(isClosingContext, (code) => isSpecHan(code) || closing.has(code))).toEqual([])
  })

  it('takes as CR exactly H and the marks the CR line names', () => {
    expect(disagreements(isOpeningContext, (code) => isSpecHan(code) || opening.has(code))).toEqual([])
  })

  it('takes the CR marks as opening marks, and as closing marks the CL marks that close them', () => {
    expect(disagreements(isOpeningMark, (code) => opening.has(code))).toEqual([])
    // Each closing quote or bracket is the code point right after its opening one.
    expect(disagreements(isClosingMark, (code) => opening.has(code - 1) && closing.has(code))).toEqual([])
  })

  it('counts Han beyond the BMP as context on both sides', () => {
    const extensionB = 0x20000
    expect([isClosingContext(extensionB), isOpeningContext(extensionB)]).toEqual([true, true])
  })
})

describe('the two kinds of blank', () => {
  it('takes as white space exactly what JavaScript matches with \\s', () => {
    expect(disagreements(isWhiteSpace, (code) => code >= 0 && /\s/.test(String.fromCharCode(code)))).toEqual([])
  })

  it('takes as blanks only white space that shows as a gap inside a line', () => {
    const blanks = disagreements(isBlank, () => false)
    expect(blanks.every((code) => isWhiteSpace(code) && code !== 0x0a && code !== 0x0d && code !== 0xfeff)).toBe(true)
    expect(blanks.map((code) => String.fromCharCode(code)).join('')).toBe('\t \u00A0\u3000')
  })
})

describe('nextSentenceEndOrDot', () => {
  it('stops at exactly the sentence ends and the ASCII full stop', () => {
    const stopsAt = (code: number) => code >= 0 && nextSentenceEndOrDot(`ab${String.fromCharCode(code)}`, 0) === 2
    expect(disagreements(stopsAt, (code) => isSentenceEnd(code) || code === 0x2e)).toEqual([])
  })

  it.each([
    ['finds the first one from a position', 'a.b\u3002c', 2, 3],
    ['takes the position itself', 'a.b\u3002c', 1, 1],
    ['gives -1 past the last', 'a.b\u3002c', 4, -1],
    ['gives -1 past the end', 'a.', 5, -1],
  ])('%s', (_, text, from, found) => {
    expect(nextSentenceEndOrDot(text, from)).toBe(found)
  })
})

describe('hasInvisible', () => {
  it('finds exactly the invisible characters', () => {
    const finds = (code: number) => code >= 0 && hasInvisible(`ab${String.fromCharCode(code)}c`)
    expect(disagreements(finds, isInvisible)).toEqual([])
  })
})
