import {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {
  buildFileRecord,
  buildSummaryRecord,
  countsOf,
  severityOf,
  toMessageRecord,
  totalsOf,
} from '../../src/report/record.js'
import type {FileRecord, MessageRecord} from '../../src/report/types.js'
import {readFixture} from '../helpers.js'
import {outcomeOf} from './outcome.js'

describe('buildFileRecord on the seed', async () => {
  const seed = readFixture('seed/seed.txt')
  const outcome = await outcomeOf('a/seed.txt', seed)
  // Lines 1-8 are kept, so clean line N is input line N.
  const cleanLines = outcome.clean.split('\n')
  const record = buildFileRecord(outcome)

  it('names the input, the output and the decoding', () => {
    expect(record).toMatchObject({
      relativePath: 'a/seed.txt',
      input: 'input/a/seed.txt',
      output: 'output/clean/a/seed.txt',
      decoding: {encoding: 'UTF-8', confidence: 1, bom: false},
      changed: true,
      paragraphs: {in: 15, out: 8},
    })
  })

  it('points each of the 7 removed paragraphs (lines 9-15) at its first copy (lines 2-8)', () => {
    const paragraphs = record.removed.filter((removal) => removal.kind === 'paragraph')
    expect(paragraphs.map((removal) => [removal.line, removal.firstCopy])).toEqual([
      [9, {line: 2, column: 1}],
      [10, {line: 3, column: 1}],
      [11, {line: 4, column: 1}],
      [12, {line: 5, column: 1}],
      [13, {line: 6, column: 1}],
      [14, {line: 7, column: 1}],
      [15, {line: 8, column: 1}],
    ])
    for (const removal of paragraphs) {
      expect(removal).toMatchObject({ruleId: 'dedupe-paragraphs', column: 1})
      expect(removal.text).toBe(cleanLines[removal.firstCopy.line - 1])
    }
  })

  it('keeps the clean text of each first copy for the review page', () => {
    expect(record.firstCopies).toEqual([2, 3, 4, 5, 6, 7, 8].map((line) => ({line, text: cleanLines[line - 1]})))
  })

  it('lists each changed paragraph of the kept lines with its original and clean text', () => {
    const inputLines = seed.split('\n')
    for (const change of record.changes) {
      expect(change.original).toBe(inputLines[change.line - 1])
      expect(change.clean).toBe(cleanLines[change.line - 1])
    }
    const changedLines = cleanLines
      .slice(0, 8)
      .flatMap((line, index) => (line === inputLines[index] ? [] : [index + 1]))
    expect(record.changes.map((change) => change.line)).toEqual(changedLines)
  })

  it('keeps every message, a removal with its cause placed at the first copy', () => {
    expect(record.messages).toHaveLength(outcome.file.messages.length)
    const removal = record.messages.find((message) => message.ruleId === 'dedupe-paragraphs')
    expect(removal).toEqual({
      id: expect.stringMatching(/^[\w-]{16}$/),
      severity: 'info',
      reason: 'Unexpected repeat of the paragraph on line 2, removed',
      line: 9,
      column: 1,
      ruleId: 'dedupe-paragraphs',
      source: 'newsclean',
      actual: record.removed[0]!.text,
      expected: [''],
      note: null,
      cause: {reason: 'First copy of the repeated paragraph', file: 'a/seed.txt', line: 2, column: 1},
    })
  })

  it('warns where a fix wrote U+FFFD for a lost character, right after that fix', () => {
    const index = record.messages.findIndex((message) => message.expected?.[0]?.includes('\uFFFD'))
    expect(index).toBeGreaterThan(-1)
    const fix = record.messages[index]!
    expect(record.messages[index + 1]).toMatchObject({
      severity: 'warning',
      reason: expect.stringContaining('U+FFFD'),
      line: fix.line,
      column: fix.column,
      ruleId: fix.ruleId,
      actual: fix.actual,
      expected: fix.expected,
    })
    expect(record.totals.warnings).toBe(1)
  })

  it('counts removals apart from fixes, per plugin and per spec rule', () => {
    expect(record.totals.removed).toBe(7)
    expect(record.counts.plugins['dedupe-paragraphs']).toBe(7)
    expect(record.totals).toEqual(totalsOf(record.messages, 7))
    expect(record.counts).toEqual(countsOf(record.messages))
    expect(record.counts.rules.R5).toBeGreaterThan(0)
  })

  it('survives JSON as it is', () => {
    expect(JSON.parse(JSON.stringify(record))).toEqual(record)
  })
})

describe('buildSummaryRecord on the seed', async () => {
  const outcome = await outcomeOf('a/seed.txt', readFixture('seed/seed.txt'))
  const full = buildFileRecord(outcome)
  const summary = buildSummaryRecord(outcome)

  it('has every figure of the full record', () => {
    // Everything but the lists a summary record leaves out.
    const figures = ({removed, firstCopies, changes, messages, ...rest}: FileRecord) => rest
    expect(full.totals.removed).toBeGreaterThan(0)
    expect(figures(summary)).toEqual(figures(full))
  })

  it('keeps only the warnings and errors, and no removed paragraphs, first copies or changes', () => {
    const doubts = full.messages.filter((message) => message.severity !== 'info')
    expect(doubts.length).toBeGreaterThan(0)
    expect(summary.messages).toEqual(doubts)
    expect(summary).toMatchObject({removed: [], firstCopies: [], changes: []})
  })
})

describe('buildFileRecord on synthetic inputs', () => {
  it('lists paragraphs whose blanks were cleaned', async () => {
    const original = '\u3000\u3000' + 'a b\n' + 'x y  \n\n' + 'plain\n'
    const record = buildFileRecord(await outcomeOf('w.txt', original))
    expect(record.changes).toEqual([
      {line: 1, original: '\u3000\u3000a b', clean: 'a b'},
      {line: 2, original: 'x y  ', clean: 'x y'},
    ])
    expect(record.totals).toEqual({removed: 0, fixes: 2, warnings: 0, errors: 0})
    expect(record.counts).toEqual({plugins: {'normalize-whitespace': 2}, rules: {W: 2}})
    expect(record.paragraphs).toEqual({in: 3, out: 3})
  })

  it('records an empty input as empty', async () => {
    const record = buildFileRecord(await outcomeOf('empty.txt', ''))
    expect(record).toMatchObject({changed: false, paragraphs: {in: 0, out: 0}, removed: [], changes: [], messages: []})
  })
})

const message = (fields: Partial<MessageRecord>): MessageRecord => ({
  id: null,
  severity: 'info',
  reason: 'r',
  line: 1,
  column: 1,
  ruleId: null,
  source: 'newsclean',
  actual: null,
  expected: null,
  note: null,
  cause: null,
  ...fields,
})

describe('totalsOf and countsOf', () => {
  const messages = [
    message({ruleId: 'normalize-punctuation', note: 'R5'}),
    message({ruleId: 'normalize-punctuation', note: 'R5'}),
    message({ruleId: 'normalize-punctuation', note: 'R3', severity: 'warning'}),
    message({ruleId: 'normalize-whitespace', note: 'W'}),
    message({ruleId: 'dedupe-paragraphs', cause: {reason: 'first', file: null, line: 1, column: 1}}),
    message({ruleId: 'repair-encoding', severity: 'error'}),
  ]

  it('counts an info with a cause as a removal, not a fix', () => {
    expect(totalsOf(messages, 1)).toEqual({removed: 1, fixes: 3, warnings: 1, errors: 1})
  })

  it('counts messages per plugin and per spec rule', () => {
    expect(countsOf(messages)).toEqual({
      plugins: {'normalize-punctuation': 3, 'normalize-whitespace': 1, 'dedupe-paragraphs': 1, 'repair-encoding': 1},
      rules: {R5: 2, R3: 1, W: 1},
    })
  })
})

describe('severityOf', () => {
  it.each([
    [undefined, 'info'],
    [null, 'info'],
    [false, 'warning'],
    [true, 'error'],
  ] as const)('fatal %s is %s', (fatal, severity) => {
    expect(severityOf(fatal)).toBe(severity)
    const vfileMessage = new VFileMessage('reason', {ruleId: 'r', source: 'newsclean'})
    vfileMessage.fatal = fatal
    expect(toMessageRecord(vfileMessage).severity).toBe(severity)
  })
})
