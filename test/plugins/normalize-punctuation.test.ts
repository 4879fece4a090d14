import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {hasConvertibleMark, normalizeParagraph, Workspace} from '../../src/plugins/normalize-punctuation.js'
import {createProcessor, type NewscleanProcessor, processDocument} from '../../src/processor.js'
import {applyFixes} from '../../src/punctuation/fixes.js'
import {corpusArticles, readFixture} from '../helpers.js'

interface SpecCase {
  input: string
  expected: string
  rule: string
}

interface RuleCase {
  rule: string
  behaviour: string
  input: string
  expected: string
}

interface MessageCase {
  behaviour: string
  input: string
  messages: Array<{note: string; column: number; actual: string; expected: string}>
}

const specCases = JSON.parse(readFixture('spec/cases.json')) as SpecCase[]
const ruleCases = JSON.parse(readFixture('punctuation/rules.json')) as RuleCase[]
const messageCases = JSON.parse(readFixture('punctuation/messages.json')) as MessageCase[]

const processor = await createProcessor()
const punctuationOnly = await createProcessor({only: ['normalize-punctuation']})

async function clean(text: string, using: NewscleanProcessor = processor): Promise<{text: string; file: VFile}> {
  const file = new VFile({value: text})
  const {text: output} = await processDocument(using, file)
  return {text: output, file}
}

describe('the spec cases, through the full processor', () => {
  it('holds 35 cases', () => {
    expect(specCases).toHaveLength(35)
  })

  it.each(specCases.map((specCase, index) => [index + 1, specCase.rule, specCase] as const))(
    'case %i: %s',
    async (_number, _rule, specCase) => {
      expect((await clean(specCase.input)).text).toBe(specCase.expected + '\n')
    },
  )

  it('changes nothing when cleaning the expected outputs again', async () => {
    for (const specCase of specCases) {
      expect((await clean(specCase.expected)).text).toBe(specCase.expected + '\n')
    }
  })
})

describe('each rule, must change and must not change', () => {
  it.each(ruleCases.map((ruleCase) => [ruleCase.rule, ruleCase.behaviour, ruleCase] as const))(
    '%s %s',
    async (_rule, _behaviour, ruleCase) => {
      expect((await clean(ruleCase.input, punctuationOnly)).text).toBe(ruleCase.expected + '\n')
    },
  )

  it('covers every rule with a change and a non-change', () => {
    for (const rule of ['P0', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9']) {
      const cases = ruleCases.filter((ruleCase) => ruleCase.rule === rule)
      if (rule !== 'P0' && rule !== 'R9')
        expect(cases.some((ruleCase) => ruleCase.input !== ruleCase.expected)).toBe(true)
      expect(cases.some((ruleCase) => ruleCase.input === ruleCase.expected)).toBe(true)
    }
  })

  it('settles long chains of marks that wait on each other', async () => {
    const han = ruleCases[0]!.input[0]!
    const pairs = '(a)'.repeat(5_000) + han
    expect((await clean(pairs, punctuationOnly)).text).toBe('\uFF08a\uFF09'.repeat(5_000) + han + '\n')
    const list = han + ':' + '"A",'.repeat(5_000)
    const cleanList = han + '\uFF1A' + '\u201CA\u201D\uFF0C'.repeat(5_000)
    expect((await clean(list, punctuationOnly)).text).toBe(cleanList + '\n')
  })

  it('changes nothing when cleaning the expected outputs again', async () => {
    for (const ruleCase of ruleCases) {
      expect((await clean(ruleCase.expected, punctuationOnly)).text).toBe(ruleCase.expected + '\n')
    }
  })
})

describe('messages', () => {
  it.each(messageCases.map((messageCase) => [messageCase.behaviour, messageCase] as const))(
    '%s',
    async (_behaviour, messageCase) => {
      const {file} = await clean(messageCase.input, punctuationOnly)
      const messages = file.messages.map((message) => ({
        note: message.note,
        column: message.place && 'line' in message.place ? message.place.column : undefined,
        actual: message.actual,
        expected: message.expected?.[0],
      }))
      expect(messages).toEqual(messageCase.messages)
      for (const message of file.messages) {
        expect(message.ruleId).toBe('normalize-punctuation')
        expect(message.source).toBe('newsclean')
        expect(message.fatal).toBeUndefined()
        expect(message.reason).toMatch(/^Unexpected ASCII `.+` .+, expected (\d+ \u00D7 )?U\+[0-9A-F]{4}/)
      }
    },
  )
})

describe('the shared corpus', () => {
  const articles = corpusArticles()

  it('is idempotent: cleaning an article twice changes nothing the second time', async () => {
    const unstable: string[] = []
    for (const article of articles) {
      const once = (await clean(article, punctuationOnly)).text
      const twice = (await clean(once, punctuationOnly)).text
      if (twice !== once) unstable.push(once)
    }
    expect(unstable).toEqual([])
  })

  it('leaves no convertible ASCII mark between two Han characters', async () => {
    const between = /\p{Script=Han}[!"'(),.:;?[\]]\p{Script=Han}/gu
    const left: string[] = []
    let before = 0
    for (const article of articles) {
      before += article.match(between)?.length ?? 0
      const once = (await clean(article, punctuationOnly)).text
      for (const match of once.matchAll(between)) {
        // R8 keeps a dot inside a line (a name separator), and a mark inside a P0 span stays.
        if (match[0][1] !== '.') left.push(match[0])
      }
    }
    expect(before).toBeGreaterThan(0)
    expect(left).toEqual([])
  })

  it('decides each paragraph alone: in one document of all articles, each gets the text it gets alone', async () => {
    const alone: string[] = []
    for (const article of articles) alone.push((await clean(article, punctuationOnly)).text)
    const together = (await clean(articles.join('\n'), punctuationOnly)).text
    expect(together).toBe(alone.join(''))
  })

  it('converts marks in pairs only: the balance of opening and closing marks stays', async () => {
    const balance = (text: string): number[] =>
      [
        ['\uFF08', '\uFF09'],
        ['\u3010', '\u3011'],
        ['\u201C', '\u201D'],
        ['\u2018', '\u2019'],
      ].map(([open, close]) => text.split(open!).length - text.split(close!).length)
    let converted = 0
    for (const article of articles) {
      const {text, file} = await clean(article, punctuationOnly)
      expect(balance(text)).toEqual(balance(article))
      converted += file.messages.filter((message) => message.note === 'R3' || message.note === 'R4').length
    }
    expect(converted).toBeGreaterThan(0)
  })
})

describe('the seed article', () => {
  // The three spans of GBK damage that repair-encoding (not these plugins) repairs: the line, the
  // length of what the damage becomes here (its `?!` converted and its mojibake), and the length
  // of its repair in the expected text. On line 2 the damage swallowed the opening U+201C, so the
  // quote pair after it is U+201C/U+201D here and U+2018/U+2019 once repaired (see the spec).
  const damage = new Map([
    [1, {produced: 3, expected: 3, quoteLost: false}],
    [2, {produced: 5, expected: 4, quoteLost: true}],
    [8, {produced: 6, expected: 6, quoteLost: false}],
  ])
  const plugins = ['normalize-whitespace', 'normalize-width', 'strip-pinyin', 'normalize-punctuation']

  it('matches the expected form outside the damaged spans', async () => {
    const expected = readFixture('seed/seed.expected.txt').split('\n').slice(0, 8)
    const produced = (await clean(readFixture('seed/seed.txt'), await createProcessor({only: plugins}))).text
    for (const [index, expectedLine] of expected.entries()) {
      const line = produced.split('\n')[index]!
      const span = damage.get(index + 1)
      if (span === undefined) {
        expect(line).toBe(expectedLine)
        continue
      }
      const start = commonPrefixLength(line, expectedLine)
      expect(line.slice(start, start + 2)).toBe('\uFF1F\uFF01')
      const rest = line.slice(start + span.produced)
      const expectedRest = expectedLine.slice(start + span.expected)
      expect(span.quoteLost ? rest.replace('\u201C', '\u2018').replace('\u201D', '\u2019') : rest).toBe(expectedRest)
    }
  })
})

describe('clean text', () => {
  it('changes nothing in the expected seed', async () => {
    const expected = readFixture('seed/seed.expected.txt')
    const {text, file} = await clean(
      expected,
      await createProcessor({only: ['normalize-width', 'strip-pinyin', 'normalize-punctuation']}),
    )
    expect(text).toBe(expected.endsWith('\n') ? expected : expected + '\n')
    expect(file.messages).toEqual([])
  })
})

function commonPrefixLength(a: string, b: string): number {
  let length = 0
  while (length < a.length && a[length] === b[length]) length++
  return length
}

describe("applyFixes, which a reviewer's rejections go through", () => {
  const workspace = new Workspace(1024)
  it.each(ruleCases)('makes the same text from all its fixes as the rules do: $behaviour', ({input}) => {
    const normalized = normalizeParagraph(input, workspace)
    const fixes = [...workspace.fixes.fixes]
    workspace.fixes.clear()
    expect(applyFixes(input, fixes)).toBe(normalized)
    expect(applyFixes(input, [])).toBe(input)
  })
})

describe('hasConvertibleMark', () => {
  it('finds exactly the ASCII marks some rule converts, among every BMP unit', () => {
    const found: string[] = []
    for (let code = 0; code < 0x10000; code++) {
      if (hasConvertibleMark(`a${String.fromCharCode(code)}b`)) found.push(String.fromCharCode(code))
    }
    expect(found.join('')).toBe('!"\'(),.:;?[]')
  })

  it.each([
    ['a decimal point, a thousands separator and a clock time', '13.5 1,000 10:30', false],
    ['a full stop after a number', '13.', true],
    ['a comma before a number', 'a,1', true],
    ['a colon between a digit and a letter', '1:a', true],
  ])('leaves out only separators between digits: %s', (_, text, holds) => {
    expect(hasConvertibleMark(text)).toBe(holds)
  })
})
