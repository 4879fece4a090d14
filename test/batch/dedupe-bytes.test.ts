// dedupe-paragraphs on bytes against the tree path, on real files: the same clean bytes, the same
// figures, the same doubts, for every input the byte path takes and beside one it does not.
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import type {ResultMessages} from '../../src/batch/context.js'
import {run} from '../../src/batch/run.js'
import type {FileRecord} from '../../src/report/types.js'
import {corpusArticles, digestFiles, listFiles, root} from '../helpers.js'
import {paragraphsOf} from '../report/outcome.js'

const cli = join(root, 'dist', 'cli.js')
const articles = corpusArticles().map(paragraphsOf)

// Articles 0-5 as files that repeat one another and themselves: runs of repeats, isolated short
// and long repeats, every line break, blank and white-space lines, a BOM, no final line break, a
// character off the key's fast path (Hangul jamo) and full-width letters in repeated paragraphs.
// `gb18030.txt` holds repeats too but takes the tree path, claiming in the same store; g, h and i
// are clean already.
function writeInputs(folder: string): void {
  const [a, b, c, d] = articles
  const jamo = `${a![0]}\u1100\u1161`
  const wide = `\uff21\uff22${b![1]}`
  const files: Record<string, string | Buffer> = {
    'a.txt': [...a!, jamo, wide, ...a!.slice(2)].join('\n') + '\n',
    'b.txt': ['\u3000\u3000', ...b!, '', ' \t', a![1], b![0], '\u7b2c', 'x', '\u7b2c', jamo].join('\r\n'),
    'c.txt': `\ufeff${[...c!, ...d!.slice(0, 2), wide, 'AB' + b![1]].join('\r')}\r\n\n${c![0]}\n`,
    'd/e.txt': [...d!, ...a!.slice(0, 3), '', ...d!].join('\n') + '\n\n',
    'empty.txt': '',
    'blank.txt': '\n \u3000\n\r\n',
    'gb18030.txt': iconv.encode([...c!.slice(0, 2), ...articles[5]!, articles[5]![0]].join('\n') + '\n', 'gb18030'),
    'f.txt': [...articles[4]!, ...b!, ...articles[4]!].join('\n') + '\n',
    // Clean already: unchanged, whatever their line breaks.
    'g.txt': articles[6]!.join('\r\n') + '\r\n',
    'h.txt': articles[7]!.join('\r') + '\r',
    'i.txt': articles[8]!.join('\n') + '\n',
  }
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(folder, path, '..'), {recursive: true})
    writeFileSync(join(folder, path), content)
  }
}

function contents(folder: string): Record<string, Buffer> {
  return Object.fromEntries(listFiles(folder).map((path) => [path, readFileSync(join(folder, path))]))
}

// What a summary record keeps of a full one: every figure, and the doubts among the messages.
function figures(record: FileRecord) {
  const {relativePath, input, decoding, changed, paragraphs, totals, counts, rejected} = record
  const doubts = record.messages.filter((message) => message.severity !== 'info')
  return {relativePath, input, decoding, changed, paragraphs, totals, counts, rejected, doubts}
}

async function cleanWith(input: string, acrossFiles: boolean, resultMessages: ResultMessages) {
  const outDir = mkdtempSync(join(tmpdir(), 'newsclean-bytes-out-'))
  const records: FileRecord[] = []
  const result = await run({
    paths: [input],
    outDir,
    check: false,
    field: 'text',
    concurrency: 1,
    processor: {only: ['dedupe-paragraphs'], acrossFiles},
    resultMessages,
    onResult: (fileResult) => {
      if (fileResult.status === 'done') records.push(fileResult.record)
    },
  })
  const parsed = result.summary.timings.stats().parse?.count ?? 0
  return {files: contents(outDir), records: records.map(figures), figures: result.summary.figures, parsed}
}

describe('dedupe-paragraphs on bytes', () => {
  const input = mkdtempSync(join(tmpdir(), 'newsclean-bytes-in-'))
  writeInputs(input)

  it.each([true, false])('cleans as the tree path does, with --across-files %s', async (acrossFiles) => {
    const onBytes = await cleanWith(input, acrossFiles, 'doubts')
    const onTree = await cleanWith(input, acrossFiles, 'all')
    // Only the GB18030 file was parsed on the byte run; every file on the tree run.
    expect(onBytes.parsed).toBe(1)
    expect(onTree.parsed).toBe(11)
    expect(onTree.figures.totals.removed).toBeGreaterThan(acrossFiles ? 40 : 20)
    expect(onBytes.figures.changed).toBe(7)
    expect(onBytes.files).toEqual(onTree.files)
    expect(onBytes.records).toEqual(onTree.records)
    expect(onBytes.figures).toEqual(onTree.figures)
  })

  it.each([
    ['--concurrency 1', ['--across-files', '--concurrency', '1']],
    ['--concurrency 2', ['--across-files', '--concurrency', '2']],
    ['a sqlite: store', ['--store', 'sqlite:']],
  ])('writes the same files as the tree path with %s', (_, options) => {
    const cleanBy = (flags: string[]) => {
      const work = mkdtempSync(join(tmpdir(), 'newsclean-bytes-cli-'))
      const outDir = join(work, 'out')
      const stored = options.map((option) => (option === 'sqlite:' ? `sqlite:${join(work, 'seen.db')}` : option))
      const args = [cli, input, '-o', outDir, '--no-report', '--only', 'dedupe-paragraphs', ...stored]
      const ran = spawnSync(process.execPath, [...args, ...flags], {encoding: 'utf8'})
      expect(ran.status).toBe(0)
      return {files: contents(outDir), totals: ran.stderr.split('\n').at(-2)}
    }
    const onBytes = cleanBy([])
    expect(onBytes.totals).toMatch(/^11 files: \d+ repeats removed/)
    expect(onBytes).toEqual(cleanBy(['--verbose']))
  })
})

describe('dedupe-paragraphs on bytes in worker threads', () => {
  // Enough megabytes for a worker a thread (run.ts: one for each 16 MB of the first files): five
  // files of about 7 MB, each the articles numbered apart and a share of another file's lines.
  const input = mkdtempSync(join(tmpdir(), 'newsclean-bytes-threads-'))
  writeInputs(input)
  const lines = articles.flat()
  for (let file = 0; file < 5; file++) {
    const own: string[] = []
    for (let copy = 0; own.length < 16_000; copy++) own.push(...lines.map((line) => `${line}${file}-${copy}`))
    const borrowed = own.slice(0, 2000).map((line) => line.replace(/(\d)-(\d+)$/, `${(file + 1) % 5}-$2`))
    writeFileSync(join(input, `large-${file}.txt`), [...own, ...borrowed, ...own.slice(0, 500)].join('\n') + '\n')
  }

  it('writes the same files and totals with --concurrency 2 as in one thread', () => {
    const cleanWith = (threads: string) => {
      const outDir = join(mkdtempSync(join(tmpdir(), 'newsclean-bytes-threads-out-')), 'out')
      const args = [cli, input, '-o', outDir, '--no-report', '--only', 'dedupe-paragraphs', '--across-files']
      const ran = spawnSync(process.execPath, [...args, '--concurrency', threads], {encoding: 'utf8'})
      expect(ran.status).toBe(0)
      return {files: digestFiles(outDir), totals: ran.stderr.split('\n').at(-2)}
    }
    const oneThread = cleanWith('1')
    expect(oneThread.totals).toMatch(/^16 files: \d{5} repeats removed/)
    expect(cleanWith('2')).toEqual(oneThread)
  })
})
