// Each exported plugin on its own, as a unified user composes it: `unified().use(syntax).use(plugin)`
// with default options, on real text, doing its job.
import {type Plugin, unified} from 'unified'
import type {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {
  dedupeParagraphs,
  dedupeSentences,
  lostCharacters,
  nearDuplicates,
  normalizePunctuation,
  normalizeWhitespace,
  normalizeWidth,
  pluginTable,
  type Root,
  repairEncoding,
  stripPinyin,
  syntax,
} from '../../src/index.js'
import {clauseStart, hasQuestionWord} from '../../src/plugins/lost-characters.js'
import {corpusArticles, readFixture} from '../helpers.js'

const seed = readFixture('seed/seed.txt')
const articles = corpusArticles()
const article = articles[0]!
const withTrailingBlank = articles.find((text) => /\s$/.test(text))!
const withFullWidthPoint = articles.find((text) => /\d\uFF0E\d/.test(text))!

const hanComma = /\p{Script=Han}(?=,\p{Script=Han})/gu
const hanFullWidthComma = /\p{Script=Han}(?=\uFF0C\p{Script=Han})/gu
// A bracketed lowercase pinyin syllable right after a Han character or after another such one.
const annotation =
  /(?<=\p{Script=Han}(?:[(\uFF08][a-z\u00e0-\u01dc]+[)\uFF09])*)[(\uFF08][a-z\u00e0-\u01dc]+[)\uFF09]/gu

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0
}

function paragraphs(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trim().length > 0)
}

// The article with its middle character changed: a copy edited by hand.
function edited(text: string): string {
  const middle = Math.floor(text.length / 2)
  return text.slice(0, middle) + (text[middle] === '7' ? '8' : '7') + text.slice(middle + 1)
}

// The article with its first Han character that stands between two Han characters, in a clause
// with no question word, replaced by `?`: a character the scrape lost.
function withLostCharacter(text: string): {text: string; column: number} {
  const han = /\p{Script=Han}/u
  for (let index = 1; index + 1 < text.length; index++) {
    const around = [text[index - 1], text[index], text[index + 1]]
    if (!around.every((character) => han.test(character!))) continue
    if (hasQuestionWord(text, clauseStart(text, index), index)) continue
    return {text: text.slice(0, index) + '?' + text.slice(index + 1), column: index + 1}
  }
  throw new Error('no Han character between two others')
}

const lost = withLostCharacter(article)

interface Case {
  name: string
  plugin: Plugin<[], Root>
  // Real text the plugin has work on.
  input: string
  // Asserts the plugin did its job, from its input, output and messages.
  did: (input: string, output: string, messages: VFileMessage[]) => void
}

const cases: Case[] = [
  {
    name: 'repair-encoding',
    plugin: repairEncoding,
    input: seed,
    did(input, output, messages) {
      expect(messages.length).toBeGreaterThan(0)
      for (const {actual, expected} of messages) {
        expect(input).toContain(actual)
        expect(output).not.toContain(actual)
        expect(output).toContain((expected as string[])[0])
      }
      expect(paragraphs(output)).toHaveLength(paragraphs(input).length)
    },
  },
  {
    name: 'normalize-whitespace',
    plugin: normalizeWhitespace,
    input: withTrailingBlank + '\n',
    did(input, output) {
      expect(output).toBe(input.trim() + '\n')
    },
  },
  {
    name: 'normalize-width',
    plugin: normalizeWidth,
    input: withFullWidthPoint + '\n',
    did(input, output) {
      expect(output).toBe(input.replace(/(\d)\uFF0E(?=\d)/g, '$1.'))
    },
  },
  {
    name: 'strip-pinyin',
    plugin: stripPinyin,
    input: seed,
    did(input, output) {
      expect(count(input, annotation)).toBeGreaterThan(0)
      expect(output).toBe(input.replace(annotation, '') + '\n')
    },
  },
  {
    name: 'lost-characters',
    plugin: lostCharacters,
    input: lost.text + '\n',
    did(input, output, messages) {
      expect(output).toBe(input)
      expect(messages.map(({line, column, fatal}) => [line, column, fatal])).toEqual([[1, lost.column, false]])
    },
  },
  {
    name: 'normalize-punctuation',
    plugin: normalizePunctuation,
    input: seed,
    did(input, output) {
      expect(count(input, hanComma)).toBeGreaterThan(0)
      expect(count(output, hanComma)).toBe(0)
      expect(count(output, hanFullWidthComma)).toBe(count(input, hanComma) + count(input, hanFullWidthComma))
    },
  },
  {
    name: 'dedupe-paragraphs',
    plugin: dedupeParagraphs,
    input: seed,
    did(input, output) {
      const unique = [...new Set(paragraphs(input))]
      expect(unique.length).toBeLessThan(paragraphs(input).length)
      expect(output).toBe(unique.join('\n') + '\n')
    },
  },
  {
    name: 'dedupe-sentences',
    plugin: dedupeSentences,
    input: article + article + '\n',
    did(_, output) {
      expect(output).toBe(article + '\n')
    },
  },
  {
    name: 'near-duplicates',
    plugin: nearDuplicates,
    input: [article, edited(article)].join('\n') + '\n',
    did(input, output, messages) {
      expect(output).toBe(input)
      expect(messages.map(({line, fatal, actual}) => [line, fatal, actual])).toEqual([[2, false, edited(article)]])
    },
  },
]

describe('every plugin on its own', () => {
  it('covers every plugin of the table, in its order', () => {
    expect(cases.map(({name}) => name)).toEqual(pluginTable.map(({name}) => name))
    expect(cases.map(({plugin}) => plugin)).toEqual(pluginTable.map(({plugin}) => plugin))
  })

  it.each(cases)('$name does its job with default options after syntax alone', async ({name, plugin, input, did}) => {
    const file = await unified().use(syntax).use(plugin).process(input)
    expect(file.messages.map(({ruleId}) => ruleId)).toEqual(file.messages.map(() => name))
    did(input, String(file), file.messages)
  })
})
