import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import type {FirstCopy} from '../../src/data.js'
import {MemorySeenStore, type SeenStore} from '../../src/dedupe/store.js'
import {createProcessor, type ProcessorOptions, processDocument} from '../../src/processor.js'
import {corpusArticles} from '../helpers.js'

// Paragraphs cut from a real article: a short line (under 40 code points) and two longer ones.
const article = corpusArticles()[0]!
const footer = article.slice(0, 12)
const first = article.slice(20, 80)
const second = article.slice(100, 160)
const third = article.slice(200, 260)

async function cleanFiles(options: ProcessorOptions, files: Array<[string, string[]]>): Promise<VFile[]> {
  const processor = await createProcessor({only: ['normalize-whitespace', 'dedupe-paragraphs'], ...options})
  const done: VFile[] = []
  for (const [path, paragraphs] of files) {
    const file = new VFile({path, value: paragraphs.join('\n') + '\n'})
    file.value = (await processDocument(processor, file)).text
    done.push(file)
  }
  return done
}

describe('dedupe-paragraphs', () => {
  it('keeps a short isolated repeat and removes a long one inside one file', async () => {
    const [file] = await cleanFiles({}, [['a.txt', [footer, first, footer, second, first]]])
    expect(String(file!.value)).toBe([footer, first, footer, second].join('\n') + '\n')
    expect(
      file!.messages.map((message) => [message.reason, message.line, (message.cause as VFileMessage).line]),
    ).toEqual([['Unexpected repeat of the paragraph on line 2, removed', 5, 2]])
  })

  it('leaves paragraphs seen in earlier files alone without acrossFiles', async () => {
    const files = await cleanFiles({}, [
      ['a.txt', [first, footer]],
      ['b.txt', [second, footer, first]],
    ])
    expect(String(files[1]!.value)).toBe([second, footer, first].join('\n') + '\n')
  })

  it('removes a paragraph an earlier file held, however short, naming that file and line', async () => {
    const files = await cleanFiles({acrossFiles: true}, [
      ['a.txt', [first, footer]],
      ['b.txt', [second, footer, third]],
      ['c.txt', [third, footer, footer]],
    ])
    expect(files.map((file) => String(file.value))).toEqual([
      [first, footer].join('\n') + '\n',
      [second, third].join('\n') + '\n',
      '',
    ])
    const removals = files.map((file) =>
      (file.data.removed ?? []).map((removal) => [
        removal.text === footer ? 'footer' : 'third',
        removal.place.line,
        removal.firstCopy,
      ]),
    )
    expect(removals).toEqual([
      [],
      [['footer', 2, {path: 'a.txt', line: 2, column: 1}]],
      [
        ['third', 1, {path: 'b.txt', line: 3, column: 1}],
        ['footer', 2, {path: 'a.txt', line: 2, column: 1}],
        ['footer', 3, {path: 'a.txt', line: 2, column: 1}],
      ],
    ])
    const message = files[1]!.messages[0]!
    expect([message.reason, message.ruleId, message.source, message.actual, message.expected]).toEqual([
      'Unexpected repeat of the paragraph on a.txt:2, removed',
      'dedupe-paragraphs',
      'newsclean',
      footer,
      [''],
    ])
    const cause = message.cause as VFileMessage
    expect([cause.file, cause.line, cause.column]).toEqual(['a.txt', 2, 1])
  })

  it('asks the store once per file with the keys of its first copies and their lines', async () => {
    const calls: Array<[string, number, number[]]> = []
    const memory = new MemorySeenStore()
    const store: SeenStore = {
      claim(path: string, keys: BigUint64Array, lines: Uint32Array): Promise<Array<FirstCopy | undefined>> {
        calls.push([path, keys.length, [...lines]])
        return memory.claim(path, keys, lines)
      },
    }
    await cleanFiles({acrossFiles: true, store}, [
      ['a.txt', [first, footer, first]],
      ['b.txt', ['\u2026\u2026', second]],
    ])
    expect(calls).toEqual([
      ['a.txt', 2, [1, 2]],
      ['b.txt', 1, [2]],
    ])
  })
})
