import {describe, expect, it} from 'vitest'
import {clean, cleanDecoded} from '../src/clean.js'
import {createProcessor} from '../src/processor.js'
import {readFixture} from './helpers.js'

describe('clean', () => {
  it('gives the clean text of the seed, its messages and its report record', async () => {
    const result = await clean(readFixture('seed/seed.txt'))
    expect(result.text).toBe(readFixture('seed/seed.expected.txt'))
    expect(result.report.paragraphs).toEqual({in: 15, out: 8})
    expect(result.report.removed).toHaveLength(7)
    // A fix that wrote U+FFFD comes with a warning at its place (the seed has one).
    const losses = result.report.messages.filter(
      (message) => message.severity === 'warning' && message.reason.includes('U+FFFD'),
    )
    expect(losses).toHaveLength(1)
    expect(result.report.messages.length).toBe(result.messages.length)
    expect(new Set(result.messages.map((message) => message.source))).toEqual(new Set(['newsclean']))
  })

  it('changes nothing in text that is already clean', async () => {
    const result = await clean(readFixture('seed/seed.expected.txt'))
    expect(result.text).toBe(readFixture('seed/seed.expected.txt'))
    expect(result.messages).toEqual([])
  })

  it('runs only the plugins asked for', async () => {
    const result = await clean(readFixture('seed/seed.txt'), {only: ['dedupe-paragraphs']})
    const seedLines = readFixture('seed/seed.txt').split('\n')
    expect(result.text).toBe(seedLines.slice(0, 8).join('\n') + '\n')
    expect(new Set(result.messages.map((message) => message.ruleId))).toEqual(new Set(['dedupe-paragraphs']))
  })
})

describe('cleanDecoded', () => {
  it('warns about a low-confidence encoding guess', async () => {
    const processor = await createProcessor()
    const outcome = await cleanDecoded(processor, 'abc', {encoding: 'Big5', confidence: 0.3, bom: false}, 'a.txt')
    expect(outcome.file.messages.map((message) => [message.fatal, message.ruleId, message.reason])).toEqual([
      [false, 'decode', 'Low-confidence encoding guess `Big5` (30%): check the input, or force one with --encoding'],
    ])
  })
})
