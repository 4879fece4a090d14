import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {BatchSummary} from '../../src/report/summary.js'
import {fileReportPaths, ReportPathError, writeBatchReports, writeFileReports} from '../../src/report/write.js'
import {readFixture} from '../helpers.js'
import {applyWithGnuPatch} from './gnu.js'
import {outcomeOf} from './outcome.js'

const folders: string[] = []
const reportFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'newsclean-write-'))
  folders.push(folder)
  return folder
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, {recursive: true, force: true})
})

// Every file under a folder, relative to it, sorted.
function filesUnder(folder: string): string[] {
  return readdirSync(folder, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort()
}

describe('writeFileReports', () => {
  it('writes the patch, the record and the page of the seed under files/, nothing else', async () => {
    const folder = reportFolder()
    const seed = readFixture('seed/seed.txt')
    const outcome = await outcomeOf('a/seed.txt', seed)
    const record = await writeFileReports(folder, outcome)
    expect(filesUnder(folder)).toEqual(['files/a/seed.txt.html', 'files/a/seed.txt.json', 'files/a/seed.txt.patch'])
    expect(JSON.parse(readFileSync(join(folder, 'files/a/seed.txt.json'), 'utf8'))).toEqual(record)
    expect(readFileSync(join(folder, 'files/a/seed.txt.html'), 'utf8')).toContain('<h1>a/seed.txt</h1>')
    const patch = readFileSync(join(folder, 'files/a/seed.txt.patch'), 'utf8')
    expect(applyWithGnuPatch('a/seed.txt', seed, patch)).toBe(outcome.clean)
  })

  it('writes no patch for an unchanged file, and removes a stale one', async () => {
    const folder = reportFolder()
    mkdirSync(join(folder, 'files'), {recursive: true})
    writeFileSync(join(folder, 'files/same.txt.patch'), 'stale')
    await writeFileReports(folder, await outcomeOf('same.txt', 'clean\n'))
    expect(filesUnder(folder)).toEqual(['files/same.txt.html', 'files/same.txt.json'])
  })
})

describe('fileReportPaths', () => {
  it('appends the suffix to the full name under files/', () => {
    expect(fileReportPaths('out', 'a/index.html')).toEqual({
      relativePath: 'a/index.html',
      patch: 'out/files/a/index.html.patch',
      json: 'out/files/a/index.html.json',
      html: 'out/files/a/index.html.html',
      records: 'out/_data/records/a/index.html',
    })
  })

  it.each(['../escape.txt', 'a/../../escape.txt', '', '.'])('refuses %j, which would leave files/', (path) => {
    expect(() => fileReportPaths('out', path)).toThrow(ReportPathError)
  })

  it('keeps a path with a leading slash, or a name starting with dots, inside files/', () => {
    expect(fileReportPaths('out', '/etc/passwd').json).toBe('out/files/etc/passwd.json')
    expect(fileReportPaths('out', '..notes.txt').json).toBe('out/files/..notes.txt.json')
  })
})

describe('writeBatchReports', () => {
  it('writes index.html and summary.json atomically, leaving no temporary file', async () => {
    const folder = reportFolder()
    const summary = new BatchSummary({tempDir: reportFolder()})
    summary.add(await writeFileReports(folder, await outcomeOf('a/seed.txt', readFixture('seed/seed.txt'))))
    summary.addFailure('b.txt', 'input/b.txt', 'not valid UTF-8')
    await writeBatchReports(folder, summary)
    summary.close()
    expect(filesUnder(folder)).toEqual([
      '_data/index/rows-0.js',
      'files/a/seed.txt.html',
      'files/a/seed.txt.json',
      'files/a/seed.txt.patch',
      'index.html',
      'summary.json',
    ])
    const json = JSON.parse(readFileSync(join(folder, 'summary.json'), 'utf8'))
    expect(json).toMatchObject({files: 2, failed: 1, failures: [{relativePath: 'b.txt', reason: 'not valid UTF-8'}]})
    expect(readFileSync(join(folder, 'index.html'), 'utf8')).toContain('<script src="_data/index/rows-0.js"></script>')
    expect(readFileSync(join(folder, '_data/index/rows-0.js'), 'utf8')).toMatch(
      /^newscleanRows\(\[\["a\/seed\.txt","warnings",15,8,7,/,
    )
    expect(existsSync(join(folder, 'summary.json'))).toBe(true)
  })
})
