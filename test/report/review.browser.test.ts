// Reviewing a real batch in a real browser, as a reviewer would: a folder of files and a JSONL
// file cleaned by the batch runner, the pages opened from disk in Debian's chromium. Triage order
// and filters, the keys, a JSONL file's record diffs, and a decision exported from the page and
// honoured by the next run.
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {BrowserContext, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {run} from '../../src/batch/run.js'
import type {FileRecord} from '../../src/report/types.js'
import {corpusArticles, readFixture} from '../helpers.js'
import {launchChromium, watchedPage} from './chromium.js'

const screenshots = join(tmpdir(), 'newsclean-screenshots')
const articles = corpusArticles()
const recordCount = 130

// A record a scraper damaged: its first U+FF0C typed as ASCII `,` (every third left clean).
function jsonlRecords(): string {
  return articles
    .slice(0, recordCount)
    .map((text, index) => {
      const damaged = index % 3 === 2 ? text : text.replace('\uff0c', ',')
      return JSON.stringify({id: `doc-${index + 1}`, text: damaged})
    })
    .join('\n')
}

function cleanBatch(input: string, folder: string, rejected?: string[]) {
  return run({
    paths: [input],
    outDir: join(folder, 'clean'),
    reportDir: join(folder, 'report'),
    check: false,
    field: 'text',
    concurrency: 1,
    processor: {rejected},
  })
}

describe('reviewing a batch in chromium', () => {
  let folder: string
  let input: string
  let context: BrowserContext
  let page: Page
  const problems: string[] = []
  const requests: string[] = []

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'newsclean-review-'))
    input = join(folder, 'input')
    mkdirSync(join(input, 'news'), {recursive: true})
    writeFileSync(join(input, 'news', 'seed.txt'), readFixture('seed/seed.txt'))
    writeFileSync(join(input, 'news', 'clean.txt'), readFixture('seed/seed.expected.txt'))
    writeFileSync(join(input, 'news', 'doubled.txt'), `${articles[201]}\n${articles[202]}\n${articles[201]}\n`)
    writeFileSync(join(input, 'crawl.jsonl'), `${jsonlRecords()}\n`)
    await cleanBatch(input, join(folder, 'first'))
    context = await launchChromium(join(folder, 'profile'), join(folder, 'downloads'))
    page = await watchedPage(context, problems, requests)
  }, 120_000)

  afterAll(async () => {
    await context?.close()
    if (folder) rmSync(folder, {recursive: true, force: true})
  })

  const open = (path: string) => page.goto(pathToFileURL(join(folder, 'first', 'report', path)).href)
  const fileNames = () => page.locator('#rows tr td:first-child').allInnerTexts()
  const report = (path: string) =>
    JSON.parse(readFileSync(join(folder, 'first', 'report', 'files', `${path}.json`), 'utf8')) as FileRecord

  it('lists the files with warnings and removals first, the unchanged one behind a toggle', async () => {
    await open('index.html')
    // Walked in code-point order: crawl.jsonl, news/clean.txt, news/doubled.txt, news/seed.txt.
    expect(await fileNames()).toEqual(['crawl.jsonl', 'news/seed.txt', 'news/doubled.txt'])
    expect(await page.locator('#rows td.status').allInnerTexts()).toEqual(['warnings', 'warnings', 'removals'])
    await page.getByLabel(/Show unchanged files \(1\)/).check()
    expect(await fileNames()).toEqual(['crawl.jsonl', 'news/seed.txt', 'news/doubled.txt', 'news/clean.txt'])
    await page.screenshot({path: join(screenshots, 'review-index.png'), fullPage: true})
  })

  it('filters by status and by rule, and sorts by a column', async () => {
    await open('index.html')
    await page.locator('#status').selectOption('removals')
    expect(await fileNames()).toEqual(['news/doubled.txt'])
    await page.locator('#status').selectOption('')
    await page.locator('#rule').selectOption('R5')
    const withR5 = ['crawl.jsonl', 'news/seed.txt', 'news/doubled.txt'].filter(
      (path) => (report(path).counts.rules.R5 ?? 0) > 0,
    )
    expect(withR5).toContain('news/seed.txt')
    expect(await fileNames()).toEqual(withR5)
    await page.locator('#rule').selectOption('')
    await page.getByRole('button', {name: 'Fixes'}).click()
    expect(await page.locator('th[aria-sort="descending"]').innerText()).toBe('Fixes')
    const fixes = (await page.locator('#rows tr td:nth-child(6)').allInnerTexts()).map(Number)
    expect(fixes).toEqual([...fixes].sort((left, right) => right - left))
  })

  it('moves through files and changes with the keys, and back to the index', async () => {
    await open('index.html')
    await page.keyboard.press('j')
    await page.keyboard.press('Enter')
    await page.waitForURL(/news\/seed\.txt\.html$/)
    await page.keyboard.press('j')
    await page.keyboard.press('j')
    expect(new URL(page.url()).hash).toBe('#line-2')
    expect(await page.locator('li.para.current').getAttribute('id')).toBe('line-2')
    await page.keyboard.press('k')
    expect(new URL(page.url()).hash).toBe('#line-1')
    await page.keyboard.press('n')
    await page.waitForURL(/news\/doubled\.txt\.html$/)
    await page.keyboard.press('p')
    await page.waitForURL(/news\/seed\.txt\.html$/)
    await page.keyboard.press('p')
    await page.waitForURL(/crawl\.jsonl\.html$/)
    await page.keyboard.press('u')
    await page.waitForURL(/report\/index\.html$/)
  })

  it("shows every changed record of the JSONL file with its diff, a width fix's mark naming U+FF0C", async () => {
    await open('files/crawl.jsonl.html')
    const changed = (report('crawl.jsonl') as unknown as {records: Array<{line: number}>}).records.map(
      (record) => record.line,
    )
    expect(changed.length).toBeGreaterThan(50)
    const sections = page.locator('section.record')
    // The records come a data file at a time as the reader nears the end of those shown.
    await expect.poll(() => sections.count(), {timeout: 10_000}).toBeGreaterThanOrEqual(50)
    await expect
      .poll(
        async () => {
          await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
          return sections.count()
        },
        {timeout: 20_000},
      )
      .toBe(changed.length)
    expect(await page.locator('#more-records').isHidden()).toBe(true)
    expect(
      await sections.evaluateAll((all) => all.map((section) => Number(section.id.slice('record-'.length)))),
    ).toEqual(changed)
    expect(await page.locator('#records-shown').innerText()).toBe(String(changed.length))
    const first = sections.first()
    expect(await first.locator('h3').innerText()).toBe('Line 1 \u00b7 id: doc-1')
    const mark = first.locator('ins').first()
    expect(await mark.innerText()).toBe('\uff0c')
    expect(await mark.getAttribute('title')).toBe('U+002C -> U+FF0C, R5')
    expect(await first.locator('.sr').first().textContent()).toBe(' (U+002C -> U+FF0C, R5)')
    await page.screenshot({path: join(screenshots, 'review-jsonl.png')})
  })

  it('exports a rejected fix as decisions.json, which the next run leaves unapplied', async () => {
    await open('files/news/seed.txt.html')
    const mark = page.locator('ins[data-rule="R5"]').first()
    const id = (await mark.getAttribute('data-id'))!
    await mark.click()
    expect(await mark.getAttribute('class')).toContain('is-rejected')
    expect(await page.locator('.rejected-count').first().innerText()).toBe('1')
    await page.getByLabel('Viewed').check()
    await page.screenshot({path: join(screenshots, 'review-rejected.png')})
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', {name: /Export decisions/}).click(),
    ])
    expect(download.suggestedFilename()).toBe('decisions.json')
    const decisions = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {rejected: string[]}
    expect(decisions).toEqual({rejected: [id]})

    const second = join(folder, 'second')
    await cleanBatch(input, second, decisions.rejected)
    const json = (path: string) => JSON.parse(readFileSync(join(path, 'report/files/news/seed.txt.json'), 'utf8'))
    const before = json(join(folder, 'first')) as FileRecord
    const after = json(second) as FileRecord
    const fix = before.messages.find((message) => message.id === id)!
    expect(after.messages.find((message) => message.id === id)).toMatchObject({rejected: true})
    expect(after.totals.fixes).toBe(before.totals.fixes - 1)
    const cleanLine = (path: string) =>
      readFileSync(join(path, 'clean/news/seed.txt'), 'utf8').split('\n')[fix.line! - 1]!
    expect(cleanLine(second).split(',').length).toBe(cleanLine(join(folder, 'first')).split(',').length + 1)
    for (const path of ['clean/news/doubled.txt', 'clean/crawl.jsonl']) {
      expect(readFileSync(join(second, path), 'utf8')).toBe(readFileSync(join(folder, 'first', path), 'utf8'))
    }

    await open('index.html')
    expect(await page.locator('#rows tr.viewed').allInnerTexts()).toEqual([expect.stringContaining('news/seed.txt')])
  })

  it('loads nothing from the network and logs no errors', () => {
    expect(requests).toEqual([])
    expect(problems).toEqual([])
  })
})
