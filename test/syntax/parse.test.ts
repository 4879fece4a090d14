import {describe, expect, it} from 'vitest'
import {parse} from '../../src/syntax/parse.js'
import {stringify} from '../../src/syntax/stringify.js'
import {readFixture} from '../helpers.js'

describe('parse', () => {
  it('makes one paragraph per non-blank line, with exact positions', () => {
    const text = 'ab\n\n  \ncd\r\nef\rg'
    const tree = parse(text)
    const spans = tree.children.map((paragraph) => {
      const {start, end} = paragraph.position!
      return [paragraph.children[0].value, start.line, start.column, start.offset, end.line, end.column, end.offset]
    })
    expect(spans).toEqual([
      ['ab', 1, 1, 0, 1, 3, 2],
      ['cd', 4, 1, 7, 4, 3, 9],
      ['ef', 5, 1, 11, 5, 3, 13],
      ['g', 6, 1, 14, 6, 2, 15],
    ])
  })

  it.each([
    ['LF only', 'ab\n\n  \ncd\n'],
    ['LF, with a CR in the last line', 'ab\n\n  \ncd\r'],
    ['CRLF', 'ab\r\n\r\n  \r\ncd\r\n'],
  ])('finds the same paragraphs and lines whether lines end in %s', (_, text) => {
    const spans = parse(text).children.map((paragraph) => [paragraph.children[0].value, paragraph.position!.start.line])
    expect(spans).toEqual([
      ['ab', 1],
      ['cd', 4],
    ])
  })

  it('points each paragraph of the seed at its own line', () => {
    const seed = readFixture('seed/seed.txt')
    const lines = seed.split('\n')
    const tree = parse(seed)
    expect(tree.children).toHaveLength(lines.length)
    for (const paragraph of tree.children) {
      const {start, end} = paragraph.position!
      expect(seed.slice(start.offset, end.offset)).toBe(lines[start.line - 1])
      expect(paragraph.children[0].value).toBe(lines[start.line - 1])
    }
  })
})

describe('stringify', () => {
  it('joins paragraphs with LF and ends with one LF', () => {
    expect(stringify(parse('a\n\nb'))).toBe('a\nb\n')
  })

  it('gives nothing for an empty tree', () => {
    expect(stringify(parse('\n \n'))).toBe('')
  })
})
