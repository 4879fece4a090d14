// Cleaning clean text changes nothing: checked on random damaged text made of real Chinese
// characters, ASCII and full-width marks, blanks, annotations, URLs and numbers, with repeats.
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {createProcessor, processDocument} from '../src/processor.js'
import {corpusArticles, readFixture} from './helpers.js'

// mulberry32: a seeded generator, so a failure can be replayed.
function generator(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state)
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296
  }
}

const han = [
  ...new Set([...corpusArticles().slice(0, 50).join('')].filter((character) => /\p{Script=Han}/u.test(character))),
]
const seed = readFixture('seed/seed.txt')
const annotation = seed.slice(seed.indexOf('('), seed.indexOf(')') + 1)
const pieces = [
  ...'.,;:?!()[]"\'  \t',
  '...',
  '\u3000',
  '\u00a0',
  '\u200b',
  '\ufeff',
  '\u201c',
  '\u201d',
  '\u2018',
  '\u2019',
  '\uff08',
  '\uff09',
  '\u3002',
  '\uff0c',
  '\uff1f',
  '\uff01',
  '\uff11',
  '\uff21',
  '\u2026',
  String.fromCodePoint(0x20000),
  annotation,
  'http://example.com/a,b',
  '1,000',
  '10:30',
  'a',
  'B',
  '7',
  '&amp;',
  '\n',
  '\r\n',
]

function damagedText(random: () => number): string {
  const pick = <Item>(items: Item[]): Item => items[Math.floor(random() * items.length)]!
  let text = ''
  const length = 1 + Math.floor(random() * 80)
  for (let index = 0; index < length; index++) text += random() < 0.5 ? pick(han) : pick(pieces)
  return random() < 0.3 ? `${text}\n${text}` : text
}

describe('the whole pipeline', () => {
  it('changes nothing the second time, on 500 random damaged texts', async () => {
    const processor = await createProcessor()
    const cleanText = async (text: string) => (await processDocument(processor, new VFile({value: text}))).text
    const random = generator(20261128)
    const unstable: string[] = []
    for (let round = 0; round < 500; round++) {
      const once = await cleanText(damagedText(random))
      if ((await cleanText(once)) !== once) unstable.push(once)
    }
    expect(unstable).toEqual([])
  })
})
