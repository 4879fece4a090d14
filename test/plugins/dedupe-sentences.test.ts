import {unified} from 'unified'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import dedupeParagraphs from '../../src/plugins/dedupe-paragraphs.js'
import dedupeSentences from '../../src/plugins/dedupe-sentences.js'
import {createProcessor, type NewscleanProcessor, processDocument} from '../../src/processor.js'
import {parse} from '../../src/syntax/parse.js'
import {stringify} from '../../src/syntax/stringify.js'
import type {Root} from '../../src/syntax/types.js'
import {corpusArticles, seededRandom, sentencesOf} from '../helpers.js'

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

// The truth for text doubled in place, found the slow way: every span that starts right after a
// sentence stop (or the line start), ends at one, holds two stops or 40 code points, and is
// immediately preceded by the same text; the leftmost, then the longest, goes, and the search
// goes on after it.
function withoutInPlaceDoubles(line: string): string | undefined {
  const stopEnds = [
    0,
    ...[...line.matchAll(/[\u3002\uff01\uff1f!?][\u201d\u2019\u300d\u300f\uff09\u300b]*/g)].map(
      (match) => match.index + match[0].length,
    ),
  ]
  let out = ''
  let from = 0
  for (const start of stopEnds) {
    if (start < from) continue
    const end = stopEnds
      .filter((end) => end > start)
      .reverse()
      .find((end) => {
        const copy = line.slice(start, end)
        const isLong = (copy.match(/[\u3002\uff01\uff1f!?]+/g)?.length ?? 0) >= 2 || [...copy].length >= 40
        return isLong && start - copy.length >= from && line.slice(start - copy.length, start) === copy
      })
    if (end === undefined) continue
    out += line.slice(from, start)
    from = end
  }
  return from === 0 ? undefined : out + line.slice(from)
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
        id: file.messages[0]!.id,
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
  it('removes exactly the second copy of every doubled body or text doubled in place, and nothing from the other articles', async () => {
    const plain = await createProcessor({skip: dedupePlugins.filter((name) => name !== 'near-duplicates' || false)})
    const full = await createProcessor()
    const doubled: number[] = []
    const wrong: string[] = []
    const articles = corpusArticles()
    for (const [index, article] of articles.entries()) {
      const cleaned = (await clean(plain, article)).text.replace(/\n$/, '')
      const deduped = (await clean(full, article)).text.replace(/\n$/, '')
      const expected = withoutDoubledBody(cleaned) ?? withoutInPlaceDoubles(cleaned)
      if (expected !== undefined) doubled.push(index + 1)
      if (deduped !== (expected ?? cleaned))
        wrong.push(`${index + 1}: ${cleaned.length} -> ${deduped.length}, expected ${(expected ?? cleaned).length}`)
    }
    expect(wrong).toEqual([])
    expect(doubled).toEqual([14, 56, 102, 103, 123, 156, 179, 292, 307, 316, 329, 341, 349, 353, 366, 382, 442, 446])
  })
})

// Articles whose sections were each captured twice, built from corpus articles: a heading (the
// opening of a sentence of another article, no stop), then a body of two or three of the
// article's sentences; `double` says which bodies come twice, `gap` what stands between copies.
interface Sections {
  headings: string[]
  bodies: string[]
}

function sectionsFrom(articles: string[], random: () => number): Sections | undefined {
  const article = articles[Math.floor(random() * articles.length)]!
  const other = articles[Math.floor(random() * articles.length)]!
  const sentences = sentencesOf(article).slice(1)
  const headingSource = sentencesOf(other).slice(1)
  const bodies: string[] = []
  for (let at = 0; at + 3 <= sentences.length && bodies.length < 4; ) {
    const size = 2 + Math.floor(random() * 2)
    bodies.push(sentences.slice(at, at + size).join(''))
    at += size
  }
  if (bodies.length < 2 || headingSource.length < bodies.length) return undefined
  const headings = bodies.map((_, index) => headingSource[index]!.slice(0, 6 + Math.floor(random() * 6)))
  if (headings.some((heading) => /[\u3002\uff01\uff1f\s]/.test(heading))) return undefined
  return {headings, bodies}
}

// The sections, each body followed by what `after` gives it.
function layOut(sections: Sections, after: (index: number) => string): string {
  return sections.headings.map((heading, index) => heading + sections.bodies[index]! + after(index)).join('')
}

describe('dedupe-sentences on sections doubled in place', () => {
  const first = sentencesOf(corpusArticles()[0]!)
  const glued = first[1]!.length >= 40 ? first[1]! : first[1]! + first[2]!

  it.each([
    ['a run of two sentences doubled mid-line', title + body + body + sentences[4]!, title + body + sentences[4]!],
    [
      'a run doubled with a blank between the copies',
      title + body + ' ' + body + sentences[4]!,
      title + body + ' ' + sentences[4]!,
    ],
    ['a run tripled', title + body + body + body + sentences[4]!, title + body + sentences[4]!],
    [
      'one sentence of 40 code points or more, its first copy glued to a heading',
      title + glued + glued + sentences[4]!,
      title + glued + sentences[4]!,
    ],
  ])('removes %s', async (_, input, output) => {
    expect((await dedupe([input])).text).toBe(output + '\n')
  })

  it('keeps one short sentence doubled in place', async () => {
    const input = title + shortSentence + shortSentence + sentences[4]!
    expect((await dedupe([input])).text).toBe(input + '\n')
  })

  it('says where the removed copy stood and where its first copy is', async () => {
    const input = title + body + body + sentences[4]!
    const {file} = await dedupe([input])
    expect(summary(file)).toEqual([
      [
        `Unexpected repeat of the sentences at 1:${title.length + 1}, removed`,
        1,
        title.length + body.length + 1,
        body,
        [''],
        1,
        title.length + 1,
      ],
    ])
  })

  it('warns when the search of a line runs out of its budget, keeping what it found before', async () => {
    const processor = unified()
      .use(function syntax() {
        this.parser = (document: string) => parse(document)
        this.compiler = (tree) => stringify(tree as Root)
      })
      .use(dedupeSentences, {comparisonsPerCharacter: 0.05})
    const middle = sentences.slice(4, 40).join('')
    const later = sentences.slice(41, 43).join('')
    const input = title + body + body + middle + later + later
    const file = new VFile({value: input + '\n'})
    const text = String(await processor.process(file))
    expect(text).toBe(title + body + middle + later + later + '\n')
    expect(file.messages.map((message) => [message.reason, message.fatal])).toEqual([
      [
        `Search for text doubled in place stopped at its budget: the rest of this ${input.length}-character line was not searched`,
        false,
      ],
      [`Unexpected repeat of the sentences at 1:${title.length + 1}, removed`, undefined],
    ])
  })
  it('finds the same repeats from the sentence forms dedupe-paragraphs leaves as from its own, and leaves none behind', async () => {
    const withParagraphs = (shareSentenceForms: boolean) =>
      unified()
        .use(function syntax() {
          this.parser = (document: string) => parse(document)
          this.compiler = (tree) => stringify(tree as Root)
        })
        .use(dedupeParagraphs, {shareSentenceForms})
        .use(dedupeSentences)
    // Articles with repeats of every kind: a paragraph again (removed by dedupe-paragraphs), a
    // body doubled in a line, sentences of one paragraph again in a later one.
    const lines = corpusArticles()
      .slice(100, 140)
      .flatMap((article, index) => {
        const [first = '', second = '', third = ''] = sentencesOf(article)
        return [article, index % 3 === 0 ? article : first + second + first + second, second + third]
      })
    const input = lines.join('\n') + '\n'
    const [shared, own] = [new VFile({value: input}), new VFile({value: input})]
    const sharedText = String(await withParagraphs(true).process(shared))
    expect(sharedText).toBe(String(await withParagraphs(false).process(own)))
    expect(shared.messages.map(String)).toEqual(own.messages.map(String))
    expect(shared.messages.filter((message) => message.ruleId === 'dedupe-sentences').length).toBeGreaterThan(20)
    expect(shared.data.sentenceForms).toBeUndefined()
  })

  it('removes exactly the doubled bodies of at least 90% of 200 generated articles, and leaves them undoubled untouched', async () => {
    const random = seededRandom(14)
    const articles = corpusArticles()
    const gaps = ['', ' ']
    let cases = 0
    let exact = 0
    const touched: string[] = []
    while (cases < 200) {
      const sections = sectionsFrom(articles, random)
      if (!sections) continue
      cases++
      const gap = gaps[cases % gaps.length]!
      const which = Math.floor(random() * 3)
      const doubled = (index: number) => which === 0 || (which === 1 ? index % 2 === 0 : index === 1)
      const last = sections.bodies.length - 1
      const plain = layOut(sections, () => '')
      if ((await dedupe([plain])).text !== plain + '\n') touched.push(plain)
      const input = layOut(sections, (index) => (doubled(index) ? gap + sections.bodies[index]! : ''))
      // A blank between two copies stays where the second copy went, unless the line ends there.
      const expected = layOut(sections, (index) => (doubled(index) && index < last ? gap : ''))
      if ((await dedupe([input])).text === expected + '\n') exact++
    }
    expect(touched).toEqual([])
    expect(exact / cases).toBeGreaterThanOrEqual(0.9)
  })
})
