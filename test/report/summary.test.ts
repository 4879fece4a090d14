import {mkdtempSync, readdirSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {emptyIndexData, type IndexDataRow, renderIndexData, renderIndexHtml} from '../../src/report/index-page.js'
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
      ...records.map(({relativePath, input, changed, paragraphs, totals, counts}) => ({
        status: 'ok',
        relativePath,
        input,
        changed,
        paragraphs,
        totals,
        counts,
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

  it('gives every file a row of the index data, with its status, failures with their reason', async () => {
    const summary = summaryOf()
    const data = emptyIndexData()
    const files = []
    for await (const file of renderIndexData(summary, data)) files.push(file)
    expect(files.map((file) => file.path)).toEqual(['_data/index/rows-0.js'])
    const rows = JSON.parse(files[0]!.text.replace(/^newscleanRows\(/, '').replace(/\);\n$/, '')) as IndexDataRow[]
    expect(rows.map((row) => [row[0], row[1]])).toEqual([
      ['a/seed.txt', 'warnings'],
      ['b/#7 <article>.txt', 'removals'],
      ['b/empty.txt', 'unchanged'],
      ['c/binary.txt', 'failed'],
    ])
    expect(rows[0]!.slice(2, 7)).toEqual([seed.paragraphs.in, seed.paragraphs.out, 7, seed.totals.fixes, 1])
    expect(rows[0]![7][0]).toEqual(['strip-pinyin', seed.counts.plugins['strip-pinyin']])
    expect(rows[3]![9]).toBe('binary data (NUL bytes), not text')
    expect(data.statuses).toEqual({failed: 1, warnings: 1, removals: 1, changed: 0, unchanged: 1})
    const html = renderIndexHtml(summary, data)
    expect(html).toContain('<html lang="zh"')
    expect(html).toContain('<script src="_data/index/rows-0.js"></script>')
    expect(html).toContain('Show unchanged files (1)')
    expect(html).not.toContain('<article>')
    summary.close()
  })

  it('writes summary.json with the figures and the failed files', async () => {
    const summary = summaryOf()
    const json = JSON.parse(await collect(renderSummaryJson(summary)))
    expect(json).toEqual({
      ...summary.figures,
      timings: {},
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
    expect(renderIndexHtml(summary, emptyIndexData())).toContain('No files in this batch.')
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
