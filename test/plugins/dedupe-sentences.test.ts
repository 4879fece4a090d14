import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {createProcessor, type NewscleanProcessor, processDocument} from '../../src/processor.js'
import {corpusArticles} from '../helpers.js'

const dedupePlugins = ['dedupe-paragraphs', 'dedupe-sentences', 'near-duplicates']

// Material cut from a real article (the corpus' first): its sentences, each ending in U+3002 and
// the closing marks after it, and a title-like opening with no stop. Sentences 1-3 hold 51, 26 and 21 code points.
const article = corpusArticles()[0]!
const sentences = article.match(/[^\u3002]*\u3002[\u201d\u2019\u300d\u300f\uff09\u300b]*/g)!
const title = sentences[0]!.slice(0, 12)
const body = sentences.slice(1, 4).join('')
const openBody = body.slice(0, -1)
const shortSentence = sentences[3]!
const stopless = sentences[0]!.slice(0, 45)

async function dedupe(paragraphs: string[]): Promise<{text: string; file: VFile}> {
  const processor = await createProcessor({only: ['normalize-whitespace', 'dedupe-paragraphs', 'dedupe-sentences']})
  return clean(processor, paragraphs.join('\n') + '\n')
}

function summary(file: VFile): Array<[string, number, number, unknown, unknown, number?, number?]> {
  return file.messages.map((message) => {
    const cause = message.cause as VFileMessage | undefined
    return [
      message.reason,
      message.line!,
      message.column!,
      message.actual,
      message.expected,
      cause?.line ?? undefined,
      cause?.column ?? undefined,
    ]
  })
}

async function clean(processor: NewscleanProcessor, text: string): Promise<{text: string; file: VFile}> {
  const file = new VFile({path: 'article.txt', value: text})
  const {text: out} = await processDocument(processor, file)
  return {text: out, file}
}

// The truth, found the slow way: the line is P X X R, where the two copies of X agree but for
// blanks, X has at least 40 other code units and the tail R at most 30, with no sentence stop.
// The clean line is the line without its second X (and the blanks that would end the line).
function withoutDoubledBody(line: string): string | undefined {
  const at: number[] = []
  let compact = ''
  for (let index = 0; index < line.length; index++) {
    if (/\s/.test(line[index]!)) continue
    at.push(index)
    compact += line[index]
  }
  at.push(line.length)
  const m = compact.length
  for (let tail = 0; tail <= 30 && tail < m; tail++) {
    if (/[\u3002\uff01\uff1f!?]/.test(compact.slice(m - tail))) break
    for (let length = Math.floor((m - tail) / 2); length >= 40; length--) {
      const second = compact.slice(m - tail - length, m - tail)
      if (compact.slice(m - tail - 2 * length, m - tail - length) !== second) continue
      const start = at[m - tail - length]!
      const end = at[m - tail - 1]! + 1
      return tail === 0 ? line.slice(0, start).trimEnd() : line.slice(0, start) + line.slice(end)
    }
  }
  return undefined
}

describe('dedupe-sentences', () => {
  it('removes the second copy of a body captured twice, its title glued to the first sentence', async () => {
    const {text, file} = await dedupe([title + body + body])
    expect(text).toBe(title + body + '\n')
    const at = title.length + body.length + 1
    expect(summary(file)).toEqual([
      [`Unexpected repeat of the sentences at 1:${title.length + 1}, removed`, 1, at, body, [''], 1, title.length + 1],
    ])
    expect(file.data.removed).toEqual([
      {
        kind: 'sentence',
        ruleId: 'dedupe-sentences',
        text: body,
        place: {line: 1, column: at, offset: at - 1},
        firstCopy: {line: 1, column: title.length + 1},
      },
    ])
  })

  it.each([
    [
      'a body that ends without a stop, so the copy begins mid-sentence',
      [title + openBody + openBody],
      [title + openBody],
    ],
    ['the blank between the two copies with the second', [title + body + ' ' + body], [title + body]],
    ['a page captured again from its title', [title + body + title + body], [title + body]],
    ['a second copy cut short at the end of the line', [title + body + sentences[1]! + sentences[2]!], [title + body]],
    [
      'a line without stops that ends in its own 45 code points twice',
      [title + stopless + stopless],
      [title + stopless],
    ],
    [
      'a paragraph made of sentences that earlier paragraphs hold',
      [sentences[0]! + sentences[1]!, sentences[2]! + sentences[4]!, sentences[1]! + sentences[2]!],
      [sentences[0]! + sentences[1]!, sentences[2]! + sentences[4]!],
    ],
  ])('removes %s', async (_, input, output) => {
    expect((await dedupe(input)).text).toBe(output.join('\n') + '\n')
  })

  it.each([
    ['a single repeated sentence under 40 code points', [title + shortSentence + sentences[1]! + shortSentence]],
    [
      'a line without stops that ends in its own 30 code points twice',
      [title + stopless.slice(0, 30) + stopless.slice(0, 30)],
    ],
    [
      'a paragraph that repeats an earlier one: that is the call of dedupe-paragraphs',
      ['ab\u3002cd\u3002', title, 'ab\u3002cd\u3002'],
    ],
  ])('keeps %s, silently', async (_, input) => {
    const {text, file} = await dedupe(input)
    expect(text).toBe(input.join('\n') + '\n')
    expect(file.messages).toEqual([])
  })

  it('keeps a lead that the body quotes further on, with a warning', async () => {
    const lead = sentences[1]! + sentences[2]!
    const rest = sentences.slice(4, 8).join('')
    const input = sentences[0]! + lead + rest + lead + sentences.slice(8, 12).join('')
    const {text, file} = await dedupe([input])
    expect(text).toBe(input + '\n')
    const at = sentences[0]!.length + lead.length + rest.length + 1
    expect(summary(file)).toEqual([
      [
        `Repeated sentences (first at 1:${sentences[0]!.length + 1}) kept: neither a body captured twice nor a whole paragraph`,
        1,
        at,
        lead,
        undefined,
        undefined,
        undefined,
      ],
    ])
    expect(file.messages[0]!.fatal).toBe(false)
  })
})

describe('dedupe-sentences on the shared corpus', () => {
  it('removes exactly the second copy of every doubled body and nothing from the other articles', async () => {
    const plain = await createProcessor({skip: dedupePlugins.filter((name) => name !== 'near-duplicates' || false)})
    const full = await createProcessor()
    const doubled: number[] = []
    const wrong: string[] = []
    const articles = corpusArticles()
    for (const [index, article] of articles.entries()) {
      const cleaned = (await clean(plain, article)).text.replace(/\n$/, '')
      const deduped = (await clean(full, article)).text.replace(/\n$/, '')
      const expected = withoutDoubledBody(cleaned)
      if (expected !== undefined) doubled.push(index + 1)
      if (deduped !== (expected ?? cleaned))
        wrong.push(`${index + 1}: ${cleaned.length} -> ${deduped.length}, expected ${(expected ?? cleaned).length}`)
    }
    expect(wrong).toEqual([])
    // The articles the README and the corpus' README count and name as carrying their body twice.
    expect(doubled).toHaveLength(17)
    expect(doubled).toEqual(expect.arrayContaining([14, 56, 102]))
  })
})
