import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {asciiFor, holdsConvertible} from '../../src/plugins/normalize-width.js'
import {createProcessor, processDocument} from '../../src/processor.js'
import {corpusArticles, readFixture} from '../helpers.js'

interface WidthCase {
  behaviour: string
  input: string
  expected: string
}

const cases = JSON.parse(readFixture('punctuation/width.json')) as WidthCase[]
const processor = await createProcessor({only: ['normalize-width']})

async function clean(text: string): Promise<{text: string; file: VFile}> {
  const file = new VFile({value: text})
  return {text: (await processDocument(processor, file)).text, file}
}

describe('normalize-width (R0)', () => {
  it.each(cases.map((widthCase) => [widthCase.behaviour, widthCase] as const))('%s', async (_behaviour, widthCase) => {
    expect((await clean(widthCase.input)).text).toBe(widthCase.expected + '\n')
  })

  it('has must-change and must-not-change cases', () => {
    expect(cases.some((widthCase) => widthCase.input !== widthCase.expected)).toBe(true)
    expect(cases.some((widthCase) => widthCase.input === widthCase.expected)).toBe(true)
  })

  it('reports a run of full-width characters as one R0 message', async () => {
    const {file} = await clean('ab\uFF11\uFF16\uFF1A\uFF13\uFF12cd\uFF21')
    expect(file.messages.map((message) => [message.note, message.place, message.actual, message.expected])).toEqual([
      ['R0', {line: 1, column: 3, offset: 2}, '\uFF11\uFF16\uFF1A\uFF13\uFF12', ['16:32']],
      ['R0', {line: 1, column: 10, offset: 9}, '\uFF21', ['A']],
    ])
    expect(file.messages.every((message) => message.ruleId === 'normalize-width')).toBe(true)
  })

  it('changes nothing when cleaning the expected outputs again', async () => {
    for (const widthCase of cases) expect((await clean(widthCase.expected)).text).toBe(widthCase.expected + '\n')
  })

  it('leaves no full-width letter or digit in the corpus, and changes nothing else', async () => {
    const fullWidth = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/u
    let changed = 0
    for (const article of corpusArticles()) {
      const {text} = await clean(article)
      expect(text).not.toMatch(fullWidth)
      expect(text.length).toBe(article.length + 1)
      if (text !== article + '\n') changed++
    }
    expect(changed).toBeGreaterThan(0)
  })
})

describe('holdsConvertible', () => {
  it('holds exactly where some unit becomes ASCII, for every BMP unit alone and between digits', () => {
    const disagreeing: string[] = []
    for (let code = 0; code < 0x10000; code++) {
      const unit = String.fromCharCode(code)
      for (const text of [`a${unit}b`, `1${unit}2`, `\uFF11${unit}b`, `a${unit}\uFF12`]) {
        const converts = [...text].some((_, index) => asciiFor(text, index) !== 0)
        if (holdsConvertible(text) !== converts) disagreeing.push(text)
      }
    }
    expect(disagreeing).toEqual([])
  })
})
