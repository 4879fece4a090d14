import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import type {DocumentContext} from '../../src/batch/context.js'
import {cleanWindowedFile} from '../../src/batch/windows.js'
import {clean} from '../../src/clean.js'
import {createProcessor, type ProcessorOptions} from '../../src/processor.js'
import {fileReportPaths} from '../../src/report/write.js'
import {corpusArticles} from '../helpers.js'

function temporaryFolder(): string {
  return mkdtempSync(join(tmpdir(), 'newsclean-windows-'))
}

async function contextFor(outDir: string, processor: ProcessorOptions): Promise<DocumentContext> {
  return {processor: await createProcessor(processor), outDir, check: false, field: 'text'}
}

// Real articles, each followed by a copy of an earlier one now and then, so first copies sit
// several windows back.
function textWithRepeats(): string {
  const articles = corpusArticles().slice(0, 120)
  const lines: string[] = []
  articles.forEach((article, index) => {
    lines.push(article)
    if (index % 7 === 6) lines.push(articles[index - 6]!)
    if (index % 11 === 10) lines.push('', articles[3]!)
  })
  return lines.join('\n') + '\n'
}

describe('cleanWindowedFile', () => {
  // The plugins that work a paragraph at a time, and dedupe-paragraphs, which reaches back over
  // the whole file by key: windows give the same text and removals as the whole file at once.
  const perParagraph: ProcessorOptions = {skip: ['repair-encoding', 'dedupe-sentences', 'near-duplicates']}

  it('cleans window after window into the text the whole file gives, removing copies windows back', async () => {
    const folder = temporaryFolder()
    const text = textWithRepeats()
    writeFileSync(join(folder, 'large.txt'), text)
    const entry = {inputPath: join(folder, 'large.txt'), relativePath: 'large.txt', order: 0}
    const output = join(folder, 'clean.txt')
    const limits = {windowLength: 20_000, maxParagraphLength: 1 << 20}
    const record = await cleanWindowedFile(entry, await contextFor(folder, perParagraph), output, undefined, limits)
    const whole = await clean(text, {...perParagraph, path: entry.inputPath})
    expect(readFileSync(output, 'utf8')).toBe(whole.text)
    expect(record.paragraphs).toEqual(whole.report.paragraphs)
    expect(record.totals).toEqual(whole.report.totals)
    expect(record.totals.removed).toBeGreaterThan(20)
  })

  it('names the lines of the file, not of the window, in its messages', async () => {
    const folder = temporaryFolder()
    const articles = corpusArticles()
    const text = `${articles.slice(0, 40).join('\n')}\n${articles[1]}\n`
    writeFileSync(join(folder, 'large.txt'), text)
    const entry = {inputPath: join(folder, 'large.txt'), relativePath: 'large.txt', order: 0}
    const limits = {windowLength: 10_000, maxParagraphLength: 1 << 20}
    const context = await contextFor(folder, {only: ['dedupe-paragraphs']})
    const reportPaths = fileReportPaths(join(folder, 'report'), 'large.txt')
    await cleanWindowedFile(entry, context, join(folder, 'clean.txt'), reportPaths, limits)
    const report = JSON.parse(readFileSync(reportPaths.json, 'utf8'))
    const removal = report.records.flatMap((window: {removed: unknown[]}) => window.removed)
    expect(removal).toMatchObject([{line: 41, firstCopy: {line: 2}}])
  })

  it('fails a file with a paragraph longer than the limit, naming the line and the limit', async () => {
    const folder = temporaryFolder()
    const article = corpusArticles()[0]!
    writeFileSync(join(folder, 'large.txt'), `${article}\n${article.repeat(40)}\n`)
    const entry = {inputPath: join(folder, 'large.txt'), relativePath: 'large.txt', order: 0}
    const limits = {windowLength: 1000, maxParagraphLength: article.length * 20}
    const context = await contextFor(folder, {})
    await expect(cleanWindowedFile(entry, context, join(folder, 'clean.txt'), undefined, limits)).rejects.toThrow(
      `line 2 is longer than ${article.length * 20} characters, the most a paragraph may hold`,
    )
  })
})
