import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {createProcessor, processDocument} from '../../src/processor.js'
import {loadReadings} from '../../src/punctuation/pinyin.js'
import {corpusArticles, readFixture} from '../helpers.js'

interface AnnotationCase {
  behaviour: string
  input: string
  expected: string
}

const cases = JSON.parse(readFixture('pinyin/annotations.json')) as AnnotationCase[]
const processor = await createProcessor({only: ['strip-pinyin']})
const readingsOf = await loadReadings()

async function clean(text: string): Promise<{text: string; file: VFile}> {
  const file = new VFile({value: text})
  return {text: (await processDocument(processor, file)).text, file}
}

describe('strip-pinyin (R1)', () => {
  it.each(cases.map((annotationCase) => [annotationCase.behaviour, annotationCase] as const))(
    '%s',
    async (_behaviour, annotationCase) => {
      expect((await clean(annotationCase.input)).text).toBe(annotationCase.expected + '\n')
    },
  )

  it('removes annotations stacked on one character in one pass, so a second pass changes nothing', async () => {
    const seed = readFixture('seed/seed.txt')
    const annotated = seed.slice(0, seed.indexOf(')') + 1)
    const han = annotated[annotated.indexOf('(') - 1]!
    const syllable = annotated.slice(annotated.indexOf('('))
    const stacked = `${han}${syllable}${syllable}`
    const once = (await clean(stacked)).text
    expect(once).toBe(`${han}\n`)
    expect((await clean(once)).text).toBe(once)
  })

  it('reports each removed annotation as an R1 fix, and a kept toned syllable as a warning', async () => {
    const removed = cases[0]!
    const {file} = await clean(removed.input)
    expect(
      file.messages.map((message) => [
        message.note,
        message.place && 'column' in message.place ? message.place.column : 0,
      ]),
    ).toEqual([
      ['R1', 2],
      ['R1', removed.input.indexOf('(', 2) + 1],
    ])
    const kept = cases.find((annotationCase) => annotationCase.behaviour.startsWith('keeps a single toned'))!
    const {file: warned} = await clean(kept.input)
    expect(warned.messages).toHaveLength(1)
    expect(warned.messages[0]!.fatal).toBe(false)
    expect(warned.messages[0]!.note).toBeUndefined()
  })

  it('knows the reading of every annotated character of the seed, traditional ones included', () => {
    const seed = readFixture('seed/seed.txt')
    const annotations = [...seed.matchAll(/(\p{Script=Han})\(([a-z\u00E0-\u01DC]+)\)/gu)]
    expect(annotations.length).toBeGreaterThan(100)
    const unknown = annotations.filter(([, han, syllable]) => {
      const toneless = syllable!.normalize('NFD').replace(/[\u0300-\u036F]/gu, '')
      return !readingsOf(han!.codePointAt(0)!).includes(toneless)
    })
    expect(unknown).toEqual([])
  })

  it('removes every annotation of the seed, and nothing else', async () => {
    const seed = readFixture('seed/seed.txt')
    const {text} = await clean(seed)
    expect(text).toBe(seed.replace(/\([a-z\u00E0-\u01DC]+\)/gu, '') + '\n')
  })

  it('keeps every bracketed Latin word after Han in the corpus: none is an annotation there', async () => {
    const bracketedLatin = /\p{Script=Han}[(\uFF08][A-Za-z]+[)\uFF09]/gu
    let kept = 0
    for (const article of corpusArticles()) {
      const found = article.match(bracketedLatin) ?? []
      const {text, file} = await clean(article)
      expect(text.match(bracketedLatin) ?? []).toEqual(found)
      expect(file.messages).toEqual([])
      kept += found.length
    }
    expect(kept).toBeGreaterThan(20)
  })
})
