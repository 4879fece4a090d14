// Debian's chromium through playwright-core, as the browser tests open the review pages: headless,
// from disk, with no file-access flags (a page must work from file:// as a reviewer opens it).
import {existsSync} from 'node:fs'
import {type BrowserContext, chromium} from 'playwright-core'

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
