// The review pages in a real browser (Debian's chromium through playwright-core), opened from
// disk as an editor would: what is visible, what is marked, where the links go.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {BrowserContext, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {BatchSummary} from '../../src/report/summary.js'
import {writeBatchReports, writeFileReports} from '../../src/report/write.js'
import {corpusArticles, readFixture} from '../helpers.js'
import {launchChromium, watchedPage} from './chromium.js'
import {damage, outcomeOf, paragraphsOf} from './outcome.js'

const screenshots = join(tmpdir(), 'newsclean-screenshots')

describe('review pages in chromium', () => {
  let folder: string
  let context: BrowserContext
  let page: Page
  const problems: string[] = []
  const requests: string[] = []

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'newsclean-browser-'))
    const summary = new BatchSummary()
    summary.add(
      await writeFileReports(join(folder, 'report'), await outcomeOf('a/seed.txt', readFixture('seed/seed.txt'))),
    )
    const article = damage(paragraphsOf(corpusArticles()[7]!), 3)
    summary.add(await writeFileReports(join(folder, 'report'), await outcomeOf('b/#7 article.txt', article)))
    summary.addFailure('c/binary.txt', 'input/c/binary.txt', 'binary data (NUL bytes), not text')
    await writeBatchReports(join(folder, 'report'), summary)
    summary.close()
    context = await launchChromium(join(folder, 'profile'))
    page = await watchedPage(context, problems, requests)
  })

  afterAll(async () => {
    await context?.close()
    if (folder) rmSync(folder, {recursive: true, force: true})
  })

  const open = (path: string) => page.goto(pathToFileURL(join(folder, 'report', path)).href)

  it('shows the 7 removed paragraphs of the seed beside their first copies, not struck through', async () => {
    await open('files/a/seed.txt.html')
    const removed = page.locator('li.para.removed')
    await expect.poll(() => removed.count()).toBe(7)
    for (const item of await removed.all()) {
      expect(await item.isVisible()).toBe(true)
      expect(await item.locator('.label').first().innerText()).toMatch(/^Removed: repeats line [2-8] Reject$/)
      const style = await item.evaluate((element) => {
        const [first, repeat] = [...element.querySelectorAll('.pair > .copy')].map((copy) =>
          copy.getBoundingClientRect(),
        )
        return {
          border: getComputedStyle(element).borderLeftColor,
          decoration: getComputedStyle(element.querySelector('.copy.removed .text')!).textDecorationLine,
          sideBySide: first!.top === repeat!.top && first!.right <= repeat!.left,
        }
      })
      expect(style).toEqual({border: 'rgb(207, 34, 46)', decoration: 'none', sideBySide: true})
    }
  })

  it('follows a removed paragraph to its first copy, which exists and is targeted on screen', async () => {
    await open('files/a/seed.txt.html')
    await page.locator('#line-9 .label a').click()
    expect(new URL(page.url()).hash).toBe('#line-2')
    const target = page.locator('#line-2')
    expect(await target.count()).toBe(1)
    expect(await target.evaluate((element) => element.matches(':target'))).toBe(true)
    expect(await target.locator('.label').innerText()).toContain('First copy')
    const box = (await target.boundingBox())!
    expect(box.y).toBeGreaterThanOrEqual(0)
    expect(box.y).toBeLessThan(900)
    const hrefs = await page
      .locator('a[href^="#line-"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')!))
    for (const href of new Set(hrefs)) expect(await page.locator(href).count(), href).toBe(1)
    await page.screenshot({path: join(screenshots, 'seed-target.png')})
  })

  it('marks insertions and deletions inside a changed paragraph', async () => {
    await open('files/a/seed.txt.html')
    const changed = page.locator('li.para.changed').first()
    expect(await changed.isVisible()).toBe(true)
    expect(await changed.locator('ins').count()).toBeGreaterThan(0)
    expect(await changed.locator('del').count()).toBeGreaterThan(0)
    const colours = await changed.evaluate((element) => ({
      ins: getComputedStyle(element.querySelector('ins')!).backgroundColor,
      del: getComputedStyle(element.querySelector('del')!).backgroundColor,
    }))
    expect(colours).toEqual({ins: 'rgb(210, 244, 217)', del: 'rgb(255, 220, 215)'})
    await page.screenshot({path: join(screenshots, 'seed.png'), fullPage: true})
  })

  it('wraps long lines instead of scrolling sideways', async () => {
    await page.setViewportSize({width: 420, height: 800})
    await open('files/a/seed.txt.html')
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow).toBe(0)
    await page.screenshot({path: join(screenshots, 'seed-narrow.png')})
    await page.setViewportSize({width: 1100, height: 900})
  })

  it('lists every file in the index and links to its page', async () => {
    await open('index.html')
    const rows = page.locator('table.files tbody tr')
    expect(await rows.count()).toBe(3)
    expect(await rows.nth(0).innerText()).toContain('binary data (NUL bytes), not text')
    await page.screenshot({path: join(screenshots, 'index.png'), fullPage: true})
    await page.getByRole('link', {name: 'b/#7 article.txt'}).click()
    expect(await page.locator('h1').innerText()).toBe('b/#7 article.txt')
    expect(await page.locator('li.para.removed').count()).toBeGreaterThan(0)
    await page.screenshot({path: join(screenshots, 'article.png'), fullPage: true})
    await page.getByRole('link', {name: /All files/}).click()
    await page.waitForURL(/index\.html$/)
    expect(await page.locator('h1').innerText()).toBe('Batch report')
  })

  it('loads nothing from the network and logs no errors', () => {
    expect(requests).toEqual([])
    expect(problems).toEqual([])
  })
})
