import {unified} from 'unified'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {FormUnits, normalizedForm} from '../../src/dedupe/key.js'
import {bandKeys, sketch} from '../../src/dedupe/minhash.js'
import {findNearDuplicateSpans, nearSpanDefaults} from '../../src/dedupe/near-spans.js'
import {readSentenceForms} from '../../src/dedupe/sentence-forms.js'
import dedupeParagraphs from '../../src/plugins/dedupe-paragraphs.js'
import dedupeSentences from '../../src/plugins/dedupe-sentences.js'
import nearDuplicates, {commonCharacters, describeChanges, similarityOf} from '../../src/plugins/near-duplicates.js'
import {createProcessor, type ProcessorOptions, processDocument} from '../../src/processor.js'
import syntax from '../../src/syntax/plugin.js'
import {corpusArticles, seededRandom, sentencesOf} from '../helpers.js'

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
    const paragraphMessages = file.messages.filter((message) => message.reason.startsWith('Paragraph'))
    const pairs = paragraphMessages.map((message) => [
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
    const forms = new FormUnits()
    forms.read(paragraph)
    const keys = bandKeys(sketch(forms.units, forms.length))
    forms.read(withCharacter(paragraph, 30, '7'))
    const editedKeys = bandKeys(sketch(forms.units, forms.length))
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

  it('counts each pair of corpus sentences as a count per character does, call after call', () => {
    const sentences = corpusArticles().slice(0, 20).flatMap(sentencesOf)
    const byCounts = (a: string, b: string) => {
      const counts = new Map<string, number>()
      for (const unit of a.split('')) counts.set(unit, (counts.get(unit) ?? 0) + 1)
      return b.split('').filter((unit) => {
        const left = counts.get(unit) ?? 0
        counts.set(unit, left - 1)
        return left > 0
      }).length
    }
    const pairs = sentences.slice(1).map((sentence, index) => [sentences[index]!, sentence] as const)
    expect(pairs.length).toBeGreaterThan(100)
    expect(pairs.map(([a, b]) => commonCharacters(a, b))).toEqual(pairs.map(([a, b]) => byCounts(a, b)))
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

// Lines holding an article and then an edited version of it, built from corpus articles whose
// sentences are all distinct: each version ends with its own byline (characters of another
// article in U+FF08 U+FF09); the edits are a reworded lead (about one character in seven of the
// first sentence replaced), a dropped sentence and a sentence split in two (its first U+FF0C
// made a U+3002).
type Edit = 'lead' | 'drop' | 'split'

interface TwoVersions {
  first: string
  later: string
}

function twoVersions(random: () => number, edits: Edit[]): TwoVersions | undefined {
  const article = articles[Math.floor(random() * articles.length)]!.trim()
  const other = [...articles[Math.floor(random() * articles.length)]!.replace(/[^\u4e00-\u9fff]/g, '')]
  const sentences = sentencesOf(article)
  if (sentences.length < 6 || new Set(sentences).size < sentences.length || other.length < 40) return undefined
  const byline = (from: number) => `\uff08${other.slice(from, from + 6).join('')}\uff09`
  let edited = sentences.slice()
  if (edits.includes('lead')) {
    edited[0] = [...edited[0]!]
      .map((character, index) =>
        /[\u4e00-\u9fff]/.test(character) && random() < 0.15 ? other[index % other.length] : character,
      )
      .join('')
  }
  if (edits.includes('split')) {
    const at = edited.findIndex((sentence, index) => index > 0 && sentence.includes('\uff0c'))
    if (at < 0) return undefined
    edited[at] = edited[at]!.replace('\uff0c', '\u3002')
  }
  if (edits.includes('drop')) {
    const drop = 1 + Math.floor(random() * (edited.length - 2))
    edited = edited.filter((_, index) => index !== drop)
  }
  return {first: sentences.join('') + byline(0), later: edited.join('') + byline(10)}
}

function generated(count: number, seed: number, edits: Edit[]): TwoVersions[] {
  const random = seededRandom(seed)
  const cases: TwoVersions[] = []
  while (cases.length < count) {
    const found = twoVersions(random, edits)
    if (found) cases.push(found)
  }
  return cases
}

describe('near-duplicates inside one line', () => {
  const [example] = generated(1, 1, ['lead', 'drop'])

  it('warns about an edited second version of the article, giving both spans and what differs', async () => {
    const {first, later} = example!
    const {text, file} = await run([first + later])
    expect(text).toBe(first + later + '\n')
    expect(
      file.messages.map((message) => [message.line, message.column, message.fatal, message.actual, message.expected]),
    ).toEqual([[1, first.length + 1, false, later, [first]]])
    expect(file.messages[0]!.reason).toMatch(/^Text nearly repeats the text at 1:1 \(\d+% alike\): `/)
  })

  it('removes the later version with nearDuplicates: remove, its cause at the first', async () => {
    const {first, later} = example!
    const {text, file} = await run([first + later], {nearDuplicates: 'remove'})
    expect(text).toBe(first + '\n')
    expect(file.data.removed?.map((removal) => [removal.kind, removal.text, removal.firstCopy])).toEqual([
      ['sentence', later, {line: 1, column: 1}],
    ])
  })

  it.each([
    ['a reworded lead', ['lead'] as Edit[], 50],
    ['a dropped sentence', ['drop'] as Edit[], 50],
    ['a sentence split in two', ['split'] as Edit[], 50],
    ['another byline alone', [] as Edit[], 50],
    // A short article loses too much to all three edits at once to stay 70% alike.
    ['a reworded lead, a dropped sentence and a split', ['lead', 'drop', 'split'] as Edit[], 45],
  ])(
    'keeps only the first version of 50 articles followed by a version with %s (at least %i)',
    async (_, edits, least) => {
      let exact = 0
      for (const {first, later} of generated(50, edits.length + 20, edits)) {
        const {text} = await run([first + later], {nearDuplicates: 'remove'})
        if (text === first + '\n') exact++
      }
      expect(exact).toBeGreaterThanOrEqual(least)
    },
  )

  it('flags no line of the 500 corpus articles once cleaned (their doubled bodies removed)', async () => {
    const processor = await createProcessor()
    const flagged: number[] = []
    for (const [index, article] of articles.entries()) {
      const file = new VFile({path: 'a.txt', value: article})
      await processDocument(processor, file)
      if (file.messages.some((message) => message.reason.startsWith('Text nearly repeats'))) flagged.push(index + 1)
    }
    expect(flagged).toEqual([])
  })

  it('finds the same near spans and paragraphs from the sentence forms the dedupe steps leave as from its own', async () => {
    const lines = generated(20, 3, ['lead', 'drop']).map(({first, later}) => first + later)
    const forms = readSentenceForms(lines)
    expect(lines.map((line, index) => findNearDuplicateSpans(line, nearSpanDefaults, forms, index))).toEqual(
      lines.map((line) => findNearDuplicateSpans(line)),
    )
    // Through the plugins: dedupe-sentences removes a doubled body from some lines first, so
    // near-duplicates reads those again and takes the others' forms as they are.
    // And whole paragraphs: a short repeat dedupe-paragraphs keeps (an exact repeat, never near)
    // and a one-character edit of it (near).
    const shortRepeat = third.slice(0, 30)
    const input = [
      ...lines.map((line, index) => (index % 4 === 0 ? line + sentencesOf(line).slice(0, 2).join('').repeat(2) : line)),
      shortRepeat,
      other,
      shortRepeat,
      paragraph,
      withCharacter(shortRepeat, 12, '7'),
    ]
    const withForms = await createProcessor({only: ['dedupe-paragraphs', 'dedupe-sentences', 'near-duplicates']})
    const [shared, own] = [new VFile({value: input.join('\n')}), new VFile({value: input.join('\n')})]
    await processDocument(withForms, shared)
    const alone = unified().use(syntax).use(dedupeParagraphs).use(dedupeSentences).use(nearDuplicates)
    await alone.run(alone.parse(own), own)
    const spans = (file: VFile) => file.messages.filter((message) => message.ruleId === 'near-duplicates').map(String)
    expect(spans(shared)).toEqual(spans(own))
    expect(spans(shared).length).toBeGreaterThanOrEqual(15)
    // The edit nearly repeats the first copy of the short repeat; the second copy, exact, is never near.
    const nearParagraphs = spans(shared).filter((message) => message.includes('Paragraph nearly repeats line'))
    expect(nearParagraphs.filter((message) => message.startsWith(`${input.length - 2}:`))).toEqual([])
    expect(nearParagraphs.filter((message) => message.startsWith(`${input.length}:`))).toEqual([
      expect.stringContaining(`Paragraph nearly repeats line ${input.length - 4} `),
    ])
    expect(shared.messages.some((message) => message.ruleId === 'dedupe-sentences')).toBe(true)
  })

  it('counts a gap too long to diff as all changed and says so', () => {
    const {first, later} = example!
    const line = first + later
    expect(findNearDuplicateSpans(line).overBudget).toBe(false)
    const tight = findNearDuplicateSpans(line, {...nearSpanDefaults, maxGapLength: 4})
    expect(tight.overBudget).toBe(true)
  })
})
