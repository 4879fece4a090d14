// A reviewer's decisions come back: every fix and removal has a stable id, and a run given some
// ids as rejected leaves exactly those unapplied, with every other fix the same as before.
import {describe, expect, it} from 'vitest'
import {type CleanOptions, clean, cleanDecoded} from '../src/clean.js'
import {createProcessor} from '../src/processor.js'
import {buildFileRecord, buildSummaryRecord} from '../src/report/record.js'
import type {MessageRecord} from '../src/report/types.js'
import {corpusArticles, readFixture} from './helpers.js'
import {damage, paragraphsOf} from './report/outcome.js'

const articles = corpusArticles()
const utf8 = {encoding: 'UTF-8', confidence: 1, bom: false}
const withFullWidthPoint = articles.find((text) => /\d\uFF0E\d/.test(text))!
const longParagraph = paragraphsOf(articles[3]!)[0]!

// The article with its middle character changed: a copy edited by hand.
function edited(text: string): string {
  const middle = Math.floor(text.length / 2)
  return text.slice(0, middle) + (text[middle] === '7' ? '8' : '7') + text.slice(middle + 1)
}

interface Case {
  name: string
  input: string
  options?: CleanOptions
}

const cases: Case[] = [
  {name: 'the seed', input: readFixture('seed/seed.txt')},
  {name: 'a damaged article', input: damage(paragraphsOf(articles[7]!), 3)},
  {name: 'full-width digits', input: withFullWidthPoint},
  {name: 'a line captured twice', input: `${longParagraph}${longParagraph}\n`},
  {name: 'an edited copy', input: `${articles[5]}\n${edited(articles[5]!)}\n`, options: {nearDuplicates: 'remove'}},
]

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1
}

function decided(messages: MessageRecord[]): MessageRecord[] {
  return messages.filter((message) => message.id !== null)
}

describe.each(cases)('decisions on $name', async ({input, options}) => {
  const path = 'batch/article.txt'
  const all = await clean(input, {...options, path})
  const rules = [...new Set(decided(all.report.messages).map((message) => message.ruleId))]
  const rulesChangingPieces = rules.filter((ruleId) =>
    decided(all.report.messages).some((message) => message.ruleId === ruleId && input.includes(message.actual!)),
  )

  it('gives every fix and removal its own id, the same on every run', async () => {
    const ids = decided(all.report.messages).map((message) => message.id)
    expect(ids.length).toBeGreaterThan(0)
    expect(new Set(ids).size).toBe(ids.length)
    const again = await clean(input, {...options, path})
    expect(decided(again.report.messages).map((message) => message.id)).toEqual(ids)
  })

  it.each(rules)('leaves a rejected %s change unapplied and applies every other', async (ruleId) => {
    const target = decided(all.report.messages).find((message) => message.ruleId === ruleId)!
    const run = await clean(input, {...options, path, rejected: [target.id!]})
    const rejected = run.report.messages.find((message) => message.id === target.id)!
    expect(rejected.rejected).toBe(true)
    expect(rejected.reason).toBe(`${target.reason}; rejected by a reviewer, left as it was`)
    expect(run.report.rejected).toEqual([target.id])
    expect(run.text).not.toBe(all.text)
    // Later plugins may find more to do in what the rejection left, never less.
    const others = new Map(decided(run.report.messages).map((message) => [message.id, message]))
    for (const message of decided(all.report.messages)) {
      if (message.id === target.id) continue
      expect(others.get(message.id), message.reason).toMatchObject({
        actual: message.actual,
        expected: message.expected,
        line: message.line,
      })
      expect(others.get(message.id)?.rejected).toBeUndefined()
    }
  })

  // With the plugin alone, no later plugin touches what the rejection left. (A pair's two marks
  // are not one piece of the input: its first change of a single piece is the one rejected.)
  it.each(rulesChangingPieces)('keeps what a rejected %s change would have changed, and only that', async (ruleId) => {
    const alone = await clean(input, {...options, path, only: [ruleId!]})
    const target = decided(alone.report.messages).find((message) => input.includes(message.actual!))!
    const run = await clean(input, {...options, path, only: [ruleId!], rejected: [target.id!]})
    expect(occurrences(run.text, target.actual!)).toBe(occurrences(alone.text, target.actual!) + 1)
    const isRemoval = target.cause !== null
    expect(run.report.totals.removed).toBe(alone.report.totals.removed - (isRemoval ? 1 : 0))
    expect(run.report.totals.fixes).toBe(alone.report.totals.fixes - (isRemoval ? 0 : 1))
  })
})

describe('message ids', () => {
  it('depend on the relative path, not on where the input folder is', async () => {
    const input = readFixture('seed/seed.txt')
    const ids = async (path: string) =>
      decided((await clean(input, {path})).report.messages).map((message) => message.id)
    expect(await ids('a/seed.txt')).not.toEqual(await ids('b/seed.txt'))
  })
})

describe('a document whose fixes and removals nobody reads one by one (countOnly)', async () => {
  const processorOf = (rejected: string[] = []) => createProcessor({rejected})
  const inputs = [
    ['the seed', readFixture('seed/seed.txt')],
    ['articles, one repeated', [...articles.slice(0, 12), articles[3]].join('\n')],
  ]

  it.each(inputs)('gives %s the same text and summary record, with no message per fix or removal', async (_, input) => {
    const full = await cleanDecoded(await processorOf(), input!, utf8, 'a.txt')
    const counted = await cleanDecoded(await processorOf(), input!, utf8, 'a.txt', {countOnly: true})
    expect(counted.clean).toBe(full.clean)
    expect(buildSummaryRecord(counted)).toEqual(buildSummaryRecord(full))
    expect(buildFileRecord(full).totals.fixes + buildFileRecord(full).totals.removed).toBeGreaterThan(0)
    expect(counted.file.messages.filter((message) => message.fatal !== false && message.fatal !== true)).toEqual([])
  })

  it('still gives every message its id when a reviewer rejection must be matched', async () => {
    const input = readFixture('seed/seed.txt')
    const full = buildFileRecord(await cleanDecoded(await processorOf(), input, utf8, 'a.txt'))
    const target = full.messages.find((message) => message.id !== null)!
    const rejecting = await processorOf([target.id!])
    const run = await cleanDecoded(rejecting, input, utf8, 'a.txt')
    const counted = await cleanDecoded(rejecting, input, utf8, 'a.txt', {countOnly: true})
    expect(buildFileRecord(counted)).toEqual(buildFileRecord(run))
    expect(buildFileRecord(counted).rejected).toEqual([target.id])
  })
})
