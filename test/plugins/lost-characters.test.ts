import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {clauseStart, hasQuestionWord} from '../../src/plugins/lost-characters.js'
import {createProcessor, processDocument} from '../../src/processor.js'
import {isHan} from '../../src/text/char-class.js'
import {corpusArticles, seededRandom} from '../helpers.js'

const reason = 'Unexpected `?` between Han characters with no question word in its clause: probably a lost character'
const articles = corpusArticles()

// The columns of the lost-character warnings on a one-line text.
async function warnedColumns(line: string, only = ['lost-characters']): Promise<number[]> {
  const processor = await createProcessor({only})
  const file = new VFile({path: 'a.txt', value: line + '\n'})
  await processDocument(processor, file)
  return file.messages.filter((message) => message.ruleId === 'lost-characters').map((message) => message.column!)
}

function isHanAt(text: string, index: number): boolean {
  return isHan(text.codePointAt(index) ?? -1)
}

function isBetweenHan(text: string, index: number): boolean {
  return isHanAt(text, index - 1) && isHanAt(text, index + 1)
}

// A `?` put in place of a random Han character (between two others) of a random article: a
// character the scrape lost. The window around it keeps the clause and the article's text.
function lostCharacterCases(count: number, random: () => number): Array<[string, number]> {
  const cases: Array<[string, number]> = []
  while (cases.length < count) {
    const article = articles[Math.floor(random() * articles.length)]!
    const index = 1 + Math.floor(random() * (article.length - 2))
    if (!isHanAt(article, index) || !isBetweenHan(article, index)) continue
    cases.push([`${article.slice(0, index)}?${article.slice(index + 1)}`, index])
  }
  return cases
}

// Every U+FF1F between Han characters in the corpus, made ASCII as a scrape may leave it.
function realQuestionCases(): Array<[string, number]> {
  const cases: Array<[string, number]> = []
  for (const article of articles) {
    for (let index = article.indexOf('\uff1f'); index >= 0; index = article.indexOf('\uff1f', index + 1)) {
      if (isBetweenHan(article, index)) cases.push([`${article.slice(0, index)}?${article.slice(index + 1)}`, index])
    }
  }
  return cases
}

describe('lost-characters', () => {
  const [line, at] = lostCharacterCases(1, seededRandom(1))[0]!
  const clause = line.slice(clauseStart(line, at), at)

  it('warns at a `?` between Han characters in a clause without a question word, changing nothing', async () => {
    const processor = await createProcessor({only: ['lost-characters']})
    const file = new VFile({path: 'a.txt', value: line + '\n'})
    const {text} = await processDocument(processor, file)
    expect(hasQuestionWord(clause, 0, clause.length)).toBe(false)
    expect(text).toBe(line + '\n')
    expect(file.messages.map((message) => [message.reason, message.line, message.column, message.fatal])).toEqual([
      [reason, 1, at + 1, false],
    ])
  })

  it('warns once per `?`, and normalize-punctuation still converts it (R5)', async () => {
    const processor = await createProcessor({only: ['lost-characters', 'normalize-punctuation']})
    const file = new VFile({path: 'a.txt', value: line + '\n'})
    const {text} = await processDocument(processor, file)
    expect(text.slice(0, at + 1)).toBe(`${line.slice(0, at)}\uff1f`)
    const atMark = file.messages.filter((message) => message.column === at + 1)
    expect(atMark.map((message) => [message.ruleId, message.note])).toEqual([
      ['lost-characters', undefined],
      ['normalize-punctuation', 'R5'],
    ])
  })

  it.each([
    ['a question particle ends the clause (U+5417)', '\u5417'],
    ['the clause asks how many (U+51E0)', '\u51e0'],
    ['the clause asks how (U+5982 U+4F55)', '\u5982\u4f55'],
    ['the clause asks whether (U+662F U+5426), traditional (U+96E3 U+9053)', '\u96e3\u9053'],
  ])('keeps quiet when %s', async (_, word) => {
    expect(await warnedColumns(`${clause}${word}?${line.slice(at + 1)}`)).toEqual([])
  })

  it.each([
    ['almost (U+51E0 U+4E4E) is no question word', '\u51e0\u4e4e'],
    ['U+591A alone is no question word', '\u591a'],
    ['a question word before the last comma belongs to another clause', '\u5417\uff0c'],
  ])('warns when %s', async (_, word) => {
    expect(await warnedColumns(`${word}${clause}?${line.slice(at + 1)}`)).toEqual([word.length + clause.length + 1])
  })

  it.each([
    ['after Latin letters', `ab?${clause}`],
    ['before a digit', `${clause}?2012`],
    ['at the end of the line', `${clause}?`],
    ['doubled', `${clause}??${clause}`],
  ])('says nothing of a `?` %s', async (_, text) => {
    expect(await warnedColumns(text)).toEqual([])
  })

  it('warns at 80% or more of 300 Han characters of real articles replaced by `?`', async () => {
    let warned = 0
    const cases = lostCharacterCases(300, seededRandom(14))
    for (const [text, index] of cases) if ((await warnedColumns(text)).includes(index + 1)) warned++
    expect(warned / cases.length).toBeGreaterThanOrEqual(0.8)
  })

  it('warns at 10% or fewer of the real question marks between Han characters of the corpus', async () => {
    let warned = 0
    const cases = realQuestionCases()
    for (const [text, index] of cases) if ((await warnedColumns(text)).includes(index + 1)) warned++
    expect(cases.length).toBeGreaterThan(300)
    expect(warned / cases.length).toBeLessThanOrEqual(0.1)
  })
})
