// Debian's chromium through playwright-core, as the browser tests open the review pages: headless,
// from disk, with no file-access flags (a page must work from file:// as a reviewer opens it).
import {existsSync} from 'node:fs'
import {type BrowserContext, chromium, type Page} from 'playwright-core'

export const executablePath = '/usr/bin/chromium'

export async function launchChromium(profile: string, downloads?: string): Promise<BrowserContext> {
  if (!existsSync(executablePath)) {
    throw new Error(`${executablePath} is missing: install it (apt-get install -y chromium) to run the browser tests`)
  }
  return chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: {width: 1100, height: 900},
    acceptDownloads: true,
    downloadsPath: downloads,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

// The context's page, noting every console error and page error in `problems` and every request
// that leaves the disk in `requests`: a review page must log none and load nothing from a network.
export async function watchedPage(context: BrowserContext, problems: string[], requests: string[]): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage())
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) requests.push(request.url())
  })
  return page
}
