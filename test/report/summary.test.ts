import {mkdtempSync, readdirSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {renderIndexHtml} from '../../src/report/index-page.js'
import {buildFileRecord} from '../../src/report/record.js'
import {BatchSummary, type IndexRow, renderSummaryJson} from '../../src/report/summary.js'
import {formatTotals} from '../../src/report/terminal.js'
import type {FileRecord} from '../../src/report/types.js'
import {corpusArticles, readFixture} from '../helpers.js'
import {damage, outcomeOf, paragraphsOf} from './outcome.js'

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = ''
  for await (const chunk of chunks) text += chunk
  return text
}

async function rowsOf(summary: BatchSummary): Promise<IndexRow[]> {
  const rows: IndexRow[] = []
  for await (const row of summary.rows()) rows.push(row)
  return rows
}

const folders: string[] = []
const temporaryFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'newsclean-summary-'))
  folders.push(folder)
  return folder
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, {recursive: true, force: true})
})

describe('BatchSummary of real files', async () => {
  const seed = buildFileRecord(await outcomeOf('a/seed.txt', readFixture('seed/seed.txt')))
  const article = buildFileRecord(await outcomeOf('b/#7 <article>.txt', damage(paragraphsOf(corpusArticles()[7]!), 3)))
  const unchanged = buildFileRecord(await outcomeOf('b/empty.txt', ''))
  const records: FileRecord[] = [seed, article, unchanged]

  function summaryOf(): BatchSummary {
    const summary = new BatchSummary({tempDir: temporaryFolder()})
    for (const record of records) summary.add(record)
    summary.addFailure('c/binary.txt', 'input/c/binary.txt', 'binary data (NUL bytes), not text')
    return summary
  }

  const sum = (pick: (record: FileRecord) => number) => records.reduce((total, record) => total + pick(record), 0)

  it('adds up the files, paragraphs, totals and plugin counts', () => {
    const summary = summaryOf()
    expect(summary.figures).toMatchObject({
      files: 4,
      failed: 1,
      changed: 2,
      paragraphs: {in: sum((record) => record.paragraphs.in), out: sum((record) => record.paragraphs.out)},
      totals: {
        removed: sum((record) => record.totals.removed),
        fixes: sum((record) => record.totals.fixes),
        warnings: sum((record) => record.totals.warnings),
        errors: 0,
      },
    })
    expect(summary.figures.counts.plugins['dedupe-paragraphs']).toBe(
      sum((record) => record.counts.plugins['dedupe-paragraphs'] ?? 0),
    )
    summary.close()
  })

  it('says it in one terminal line', () => {
    const summary = summaryOf()
    const {removed, fixes, warnings} = summary.figures.totals
    expect(formatTotals(summary)).toBe(
      `4 files, 1 failed: ${removed} repeats removed, ${fixes} fixes, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`,
    )
    summary.close()
  })

  it('keeps one small row per file, in the order added, in memory while they are few', async () => {
    const summary = summaryOf()
    expect(readdirSync(folders.at(-1)!)).toEqual([])
    expect(await rowsOf(summary)).toEqual([
      ...records.map(({relativePath, input, changed, paragraphs, totals}) => ({
        status: 'ok',
        relativePath,
        input,
        changed,
        paragraphs,
        totals,
      })),
      {
        status: 'failed',
        relativePath: 'c/binary.txt',
        input: 'input/c/binary.txt',
        reason: 'binary data (NUL bytes), not text',
      },
    ])
    summary.close()
  })

  it('lists every file in index.html, linked by an encoded path, failures with their reason', async () => {
    const summary = summaryOf()
    const html = await collect(renderIndexHtml(summary))
    expect(html).toContain('<html lang="zh">')
    expect(html).toContain('<a href="files/a/seed.txt.html">a/seed.txt</a>')
    expect(html).toContain('<a href="files/b/%237%20%3Carticle%3E.txt.html">b/#7 &lt;article&gt;.txt</a>')
    expect(html).toContain(
      `<td class="num">${seed.paragraphs.in}</td><td class="num">${seed.paragraphs.out}</td><td class="num">7</td>`,
    )
    expect(html).toContain(
      '<td>c/binary.txt</td><td class="status failed">failed</td><td colspan="5">binary data (NUL bytes), not text</td>',
    )
    expect(html).not.toContain('<article>')
    expect(html.match(/<tr/g)).toHaveLength(5)
    summary.close()
  })

  it('writes summary.json with the figures and the failed files', async () => {
    const summary = summaryOf()
    const json = JSON.parse(await collect(renderSummaryJson(summary)))
    expect(json).toEqual({
      ...summary.figures,
      failures: [
        {relativePath: 'c/binary.txt', input: 'input/c/binary.txt', reason: 'binary data (NUL bytes), not text'},
      ],
    })
    summary.close()
  })
})

describe('BatchSummary of many files', () => {
  it('spools rows to a temporary file and deletes it on close', async () => {
    const folder = temporaryFolder()
    const summary = new BatchSummary({tempDir: folder})
    const totals = {removed: 1, fixes: 2, warnings: 0, errors: 0}
    const counts = {plugins: {'dedupe-paragraphs': 1}, rules: {}}
    for (let index = 0; index < 20_000; index++) {
      const relativePath = `d/${index}\u2028\u00e9.txt`
      summary.add({relativePath, input: relativePath, changed: true, paragraphs: {in: 3, out: 2}, totals, counts})
    }
    expect(readdirSync(folder)).toHaveLength(1)
    const rows = await rowsOf(summary)
    expect(rows).toHaveLength(20_000)
    expect(rows[19_999]!.relativePath).toBe('d/19999\u2028\u00e9.txt')
    expect(summary.figures.totals).toEqual({removed: 20_000, fixes: 40_000, warnings: 0, errors: 0})
    const json = JSON.parse(await collect(renderSummaryJson(summary)))
    expect(json.failures).toEqual([])
    summary.close()
    expect(readdirSync(folder)).toEqual([])
  })

  it('renders an empty batch', async () => {
    const summary = new BatchSummary({tempDir: temporaryFolder()})
    expect(await collect(renderIndexHtml(summary))).toContain('No files in this batch.')
    expect(JSON.parse(await collect(renderSummaryJson(summary))).files).toBe(0)
    expect(formatTotals(summary)).toBe('0 files: 0 repeats removed, 0 fixes, 0 warnings')
    summary.close()
  })
})

describe('formatTotals', () => {
  const figures = (
    files: number,
    failed: number,
    removed: number,
    fixes: number,
    warnings: number,
    errors: number,
  ) => ({
    figures: {
      files,
      failed,
      changed: 0,
      paragraphs: {in: 0, out: 0},
      totals: {removed, fixes, warnings, errors},
      counts: {plugins: {}, rules: {}},
    },
  })

  it.each([
    [figures(3, 1, 7, 42, 2, 0), '3 files, 1 failed: 7 repeats removed, 42 fixes, 2 warnings'],
    [figures(1, 0, 1, 1, 1, 0), '1 file: 1 repeat removed, 1 fix, 1 warning'],
    [figures(2, 0, 0, 0, 0, 1), '2 files: 0 repeats removed, 0 fixes, 0 warnings, 1 error'],
  ])('%#: %s', (summary, line) => {
    expect(formatTotals(summary)).toBe(line)
  })
})
