import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {normalizedForm} from '../../src/dedupe/key.js'
import {bandKeys, sketch} from '../../src/dedupe/minhash.js'
import {commonCharacters, describeChanges, similarityOf} from '../../src/plugins/near-duplicates.js'
import {createProcessor, type ProcessorOptions, processDocument} from '../../src/processor.js'
import {corpusArticles} from '../helpers.js'

// Paragraphs cut from real articles, and copies with one or two characters changed.
const articles = corpusArticles()
const paragraph = articles[1]!.slice(0, 60)
const other = articles[2]!.slice(0, 60)
const third = articles[3]!.slice(0, 60)
const short = articles[4]!.slice(0, 15)

function withCharacter(text: string, at: number, character: string): string {
  return text.slice(0, at) + character + text.slice(at + 1)
}

const edited = withCharacter(withCharacter(paragraph, 30, '7'), 45, '8')

async function run(paragraphs: string[], options: ProcessorOptions = {}): Promise<{text: string; file: VFile}> {
  const processor = await createProcessor({only: ['normalize-whitespace', 'near-duplicates'], ...options})
  const file = new VFile({path: 'a.txt', value: paragraphs.join('\n') + '\n'})
  const {text} = await processDocument(processor, file)
  return {text, file}
}

describe('near-duplicates', () => {
  it('warns about a paragraph that differs from an earlier one by two characters, giving both and the changes', async () => {
    const {text, file} = await run([paragraph, other, edited])
    expect(text).toBe([paragraph, other, edited].join('\n') + '\n')
    const percent = Math.floor(similarityOf(normalizedForm(paragraph), normalizedForm(edited)) * 100)
    const changes = `\`${paragraph[30]}\` -> \`7\`, \`${paragraph[45]}\` -> \`8\``
    expect(describeChanges(paragraph, edited)).toBe(changes)
    expect(
      file.messages.map((message) => [
        message.reason,
        message.line,
        message.fatal,
        message.ruleId,
        message.actual,
        message.expected,
      ]),
    ).toEqual([
      [
        `Paragraph nearly repeats line 1 (${percent}% alike): ${changes}`,
        3,
        false,
        'near-duplicates',
        edited,
        [paragraph],
      ],
    ])
  })

  it('removes the later paragraph with nearDuplicates: remove, its cause at the first', async () => {
    const {text, file} = await run([paragraph, other, edited, third], {nearDuplicates: 'remove'})
    expect(text).toBe([paragraph, other, third].join('\n') + '\n')
    const message = file.messages[0]!
    expect([message.line, message.fatal, message.actual, message.expected]).toEqual([3, undefined, edited, ['']])
    expect((message.cause as VFileMessage).line).toBe(1)
    expect(file.data.removed?.map((removal) => [removal.kind, removal.place.line, removal.firstCopy])).toEqual([
      ['paragraph', 3, {line: 1, column: 1}],
    ])
  })

  it.each([
    ['exact repeats (the business of dedupe-paragraphs)', [paragraph, other, paragraph]],
    ['paragraphs under 20 code points', [short, withCharacter(short, 5, '7')]],
    ['unrelated paragraphs', [paragraph, other, third]],
  ])('says nothing about %s', async (_, paragraphs) => {
    const {text, file} = await run(paragraphs)
    expect(text).toBe(paragraphs.join('\n') + '\n')
    expect(file.messages).toEqual([])
  })

  it('finds the two reposted articles among the 500 of the shared corpus taken as one file', async () => {
    const lines = articles.map((article) => article.trim())
    const {file} = await run(lines)
    const pairs = file.messages.map((message) => [
      message.line,
      lines.indexOf(message.expected![0]!) + 1,
      message.actual === lines[message.line! - 1],
    ])
    expect(pairs).toEqual([
      [407, 221, true],
      [469, 201, true],
    ])
  })

  it('puts a paragraph and its one-character edit into a shared band bucket', () => {
    const form = normalizedForm(paragraph)
    const keys = bandKeys(sketch(form))
    const editedKeys = bandKeys(sketch(normalizedForm(withCharacter(paragraph, 30, '7'))))
    expect(keys).toHaveLength(8)
    expect(keys.some((key, band) => key === editedKeys[band])).toBe(true)
  })
})

describe('commonCharacters', () => {
  it('counts shared characters with their repeats, in any order', () => {
    expect(commonCharacters('aabc', 'cbaa')).toBe(4)
    expect(commonCharacters('aab', 'abb')).toBe(2)
    expect(commonCharacters('abc', 'xyz')).toBe(0)
  })

  it('never counts fewer than the diff shares in order, so ruling pairs out by it loses none', () => {
    for (const [first, second] of [
      [paragraph, edited],
      [paragraph, other],
      [other, third],
    ] as const) {
      const a = normalizedForm(first)
      const b = normalizedForm(second)
      const inOrder = similarityOf(a, b) * Math.max(a.length, b.length)
      expect(commonCharacters(a, b)).toBeGreaterThanOrEqual(Math.round(inOrder))
    }
  })
})
