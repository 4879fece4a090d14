// The command as users run it: the built CLI in a real process, on real files on disk.
import {execFileSync, spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {type PluginRow, pluginTable} from '../src/processor.js'
import type {FileRecord} from '../src/report/types.js'
import {corpusArticles, digestFiles, fixtures, listFiles, readFixture, root, seedDir} from './helpers.js'

const cli = join(root, 'dist', 'cli.js')

interface Ran {
  status: number | null
  stdout: string
  stderr: string
}

function newsclean(args: string[], input?: string | Buffer): Ran {
  const ran = spawnSync(process.execPath, [cli, ...args], {input, encoding: 'utf8', cwd: root})
  return {status: ran.status, stdout: ran.stdout, stderr: ran.stderr}
}

function temporaryFolder(): string {
  return mkdtempSync(join(tmpdir(), 'newsclean-cli-'))
}

// An input tree of real text: the seed and two corpus articles, one of them nested.
function makeInputTree(): string {
  const input = temporaryFolder()
  mkdirSync(join(input, 'a'))
  mkdirSync(join(input, 'b', 'c'), {recursive: true})
  cpSync(join(seedDir, 'seed.txt'), join(input, 'a', 'seed.txt'))
  const articles = corpusArticles()
  writeFileSync(join(input, 'b', 'c', 'article.txt'), articles[0] + '\n')
  writeFileSync(join(input, 'top.txt'), articles[1] + '\n')
  return input
}

describe('newsclean on a folder', () => {
  it('mirrors the folder structure, writes every report and never touches the input', () => {
    const input = makeInputTree()
    const before = digestFiles(input)
    const work = temporaryFolder()
    const ran = newsclean([input, '-o', join(work, 'clean'), '-r', join(work, 'report')])
    expect(ran.status).toBe(0)
    expect(listFiles(join(work, 'clean'))).toEqual(['a/seed.txt', 'b/c/article.txt', 'top.txt'])
    const reports = listFiles(join(work, 'report'))
    for (const name of [
      'index.html',
      'summary.json',
      'files/a/seed.txt.patch',
      'files/a/seed.txt.json',
      'files/a/seed.txt.html',
    ]) {
      expect(reports).toContain(name)
    }
    expect(digestFiles(input)).toEqual(before)
    expect(ran.stderr).toMatch(/3 files/)
  })

  it('cleans the seed into exactly its expected form', () => {
    const input = makeInputTree()
    const work = temporaryFolder()
    newsclean([join(input, 'a', 'seed.txt'), '-o', work, '--no-report'])
    expect(readFileSync(join(work, 'seed.txt'), 'utf8')).toBe(readFixture('seed/seed.expected.txt'))
  })

  it('writes patches that turn each input into its output with GNU patch', () => {
    const input = makeInputTree()
    writeFileSync(join(input, 'crlf.txt'), '\u3000\u3000a  \r\nb\r\n\r\nb\r\nno final break')
    const work = temporaryFolder()
    newsclean([input, '-o', join(work, 'clean'), '-r', join(work, 'report')])
    for (const path of ['a/seed.txt', 'b/c/article.txt', 'crlf.txt', 'top.txt']) {
      const target = join(work, 'patched.txt')
      // The patch is against the decoded text: UTF-8 with LF line ends.
      writeFileSync(target, readFileSync(join(input, path), 'utf8').replace(/\r\n?/g, '\n'))
      // No change, no patch.
      const patchPath = join(work, 'report', 'files', path + '.patch')
      if (existsSync(patchPath)) execFileSync('patch', ['--quiet', '--force', target], {input: readFileSync(patchPath)})
      expect(readFileSync(target, 'utf8')).toBe(readFileSync(join(work, 'clean', path), 'utf8'))
    }
  })

  it('changes nothing when cleaning its own output again', () => {
    const input = makeInputTree()
    const work = temporaryFolder()
    newsclean([input, '-o', join(work, 'clean'), '--no-report'])
    const again = newsclean([join(work, 'clean'), '--check'])
    expect(again.stderr).not.toMatch(/error/)
    expect(again.status).toBe(0)
  })

  it('reports a file that is not text, names it and the reason, and finishes the others', () => {
    const input = makeInputTree()
    writeFileSync(
      join(input, 'b', 'broken.txt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    )
    const work = temporaryFolder()
    const ran = newsclean([input, '-o', join(work, 'clean'), '-r', join(work, 'report')])
    expect(ran.status).toBe(1)
    expect(ran.stderr).toMatch(/broken\.txt[\s\S]*binary/)
    expect(listFiles(join(work, 'clean'))).toEqual(['a/seed.txt', 'b/c/article.txt', 'top.txt'])
    const summary = JSON.parse(readFileSync(join(work, 'report', 'summary.json'), 'utf8')) as object
    expect(JSON.stringify(summary)).toMatch(/broken\.txt/)
  })

  it('exits 1 with --check when a file would change, and writes nothing', () => {
    const input = makeInputTree()
    const work = temporaryFolder()
    const ran = newsclean([input, '--check', '-o', join(work, 'clean'), '-r', join(work, 'report')])
    expect(ran.status).toBe(1)
    expect(existsSync(join(work, 'clean'))).toBe(false)
    expect(existsSync(join(work, 'report'))).toBe(false)
  })

  it('names with --check exactly the files that would change, one path a line on stdout', () => {
    const input = makeInputTree()
    const work = temporaryFolder()
    newsclean([input, '-o', join(work, 'clean'), '--no-report'])
    // The cleaned seed comes back as it is; the damaged one and the articles as they were.
    cpSync(join(work, 'clean', 'a', 'seed.txt'), join(input, 'a', 'clean-seed.txt'))
    const full = newsclean([input, '-o', join(work, 'clean'), '--no-report'])
    expect(full.status).toBe(0)
    const changed = listFiles(input).filter(
      (path) => readFileSync(join(input, path), 'utf8') !== readFileSync(join(work, 'clean', path), 'utf8'),
    )
    expect(changed).toContain('a/seed.txt')
    expect(changed).not.toContain('a/clean-seed.txt')
    const ran = newsclean([input, '--check'])
    expect(ran.status).toBe(1)
    expect(ran.stdout).toBe(changed.map((path) => `${join(input, path)}\n`).join(''))
    expect(ran.stderr.trim().split('\n').at(-1)).toMatch(
      new RegExp(
        `^4 files, ${changed.length} would change: 7 repeats would be removed, \\d+ fixes would be made, 1 warning$`,
      ),
    )
  })

  it('ends by naming the report to open', () => {
    const input = makeInputTree()
    const work = temporaryFolder()
    const ran = newsclean([input, '-o', join(work, 'clean'), '-r', join(work, 'report')])
    expect(ran.stderr.trim().split('\n').at(-1)).toBe(`Review the changes: ${join(work, 'report', 'index.html')}`)
  })

  it('leaves a fix rejected through --decisions unapplied, applies every other, and warns of unknown ids', () => {
    const input = makeInputTree()
    const work = temporaryFolder()
    newsclean([input, '-o', join(work, 'clean'), '-r', join(work, 'report')])
    const report = JSON.parse(readFileSync(join(work, 'report', 'files', 'a', 'seed.txt.json'), 'utf8')) as FileRecord
    const fix = report.messages.find((message) => message.note === 'R5')!
    const decisions = join(work, 'decisions.json')
    writeFileSync(decisions, JSON.stringify({rejected: [fix.id, 'no-such-id']}))
    const ran = newsclean([
      input,
      '-o',
      join(work, 'again'),
      '-r',
      join(work, 'report-again'),
      '--decisions',
      decisions,
    ])
    expect(ran.stderr).toContain('newsclean: warning: 1 rejected id matched no fix or removal: no-such-id')
    const again = JSON.parse(
      readFileSync(join(work, 'report-again', 'files', 'a', 'seed.txt.json'), 'utf8'),
    ) as FileRecord
    expect(again.rejected).toEqual([fix.id])
    expect(again.totals.fixes).toBe(report.totals.fixes - 1)
    const before = readFileSync(join(work, 'clean', 'a', 'seed.txt'), 'utf8').split('\n')[fix.line! - 1]!
    const after = readFileSync(join(work, 'again', 'a', 'seed.txt'), 'utf8').split('\n')[fix.line! - 1]!
    expect(after.split(',').length).toBe(before.split(',').length + 1)
    for (const path of ['b/c/article.txt', 'top.txt']) {
      expect(readFileSync(join(work, 'again', path), 'utf8')).toBe(readFileSync(join(work, 'clean', path), 'utf8'))
    }
  })

  it('names the plugin of a spec rule given to --only', () => {
    const ran = newsclean(['--only', 'R5', '-'], 'a\n')
    expect(ran.status).toBe(2)
    expect(ran.stderr).toContain('`R5` is a rule of the plugin `normalize-punctuation`')
  })

  it('leaves its own output alone when run on the folder that holds it, again and again', () => {
    const work = makeInputTree()
    const run = () => spawnSync(process.execPath, [cli, '.'], {cwd: work, encoding: 'utf8'})
    expect(run().status).toBe(0)
    expect(run().status).toBe(0)
    expect(listFiles(join(work, 'output', 'clean'))).toEqual(['a/seed.txt', 'b/c/article.txt', 'top.txt'])
  })

  it('rejects bad usage with exit code 2', () => {
    expect(newsclean(['--concurrency', 'zero']).status).toBe(2)
    expect(newsclean(['--only', 'no-such-plugin', '-']).status).toBe(2)
    expect(newsclean(['--only', 'no-such-plugin', makeInputTree()]).status).toBe(2)
    expect(newsclean(['--encoding', 'no-such-encoding', makeInputTree()]).status).toBe(2)
    expect(newsclean(['--bogus']).status).toBe(2)
  })
})

describe('newsclean --help', () => {
  it('lists every plugin of the table, one line each with its summary and spec rules, in the order they run', () => {
    const ran = newsclean(['--help'])
    expect(ran.status).toBe(0)
    const lines = ran.stdout.split('\n')
    const listed = lines.filter((line) => pluginTable.some(({name}) => line.trimStart().startsWith(name + ' ')))
    expect(listed.map((line) => line.trim().split(/\s{2,}/))).toEqual(
      pluginTable.map((plugin: Pick<PluginRow, 'name' | 'summary' | 'rules'>) => [
        plugin.name,
        plugin.rules ? `${plugin.summary} (${plugin.rules.join(' ')})` : plugin.summary,
      ]),
    )
  })
})

describe('newsclean --across-files', () => {
  it('removes a paragraph already seen in an earlier file, and only with the flag', () => {
    const articles = corpusArticles()
    const footer = articles[2]!.slice(0, articles[2]!.indexOf('\u3002') + 1)
    const input = temporaryFolder()
    // The earlier file is much the longer, so it is the slower to clean: the order of the batch,
    // not of finishing, must decide which copy is the first.
    writeFileSync(join(input, 'a.txt'), `${articles.slice(3, 60).join('\n')}\n${footer}\n`)
    writeFileSync(join(input, 'b.txt'), `${articles[1]}\n${footer}\n`)
    const across = temporaryFolder()
    newsclean([input, '-o', across, '--no-report', '--across-files'])
    expect(readFileSync(join(across, 'a.txt'), 'utf8').endsWith(`${footer}\n`)).toBe(true)
    expect(readFileSync(join(across, 'b.txt'), 'utf8')).not.toContain(footer)
    const within = temporaryFolder()
    newsclean([input, '-o', within, '--no-report'])
    expect(readFileSync(join(within, 'b.txt'), 'utf8')).toContain(footer)
  })
  it('gives the same clean files and reports with one thread and with two', () => {
    const articles = corpusArticles()
    const input = temporaryFolder()
    // Ten files sharing paragraphs in both directions, and a JSONL file whose records claim too.
    for (let index = 0; index < 10; index++) {
      const shared = articles.slice(index % 4, (index % 4) + 3)
      writeFileSync(
        join(input, `${index}.txt`),
        [...articles.slice(10 + 5 * index, 15 + 5 * index), ...shared].join('\n'),
      )
    }
    const records = articles.slice(0, 6).map((text, index) => JSON.stringify({id: index, text}))
    writeFileSync(join(input, 'records.jsonl'), records.join('\n') + '\n')
    const ranWith = (threads: string) => {
      const work = temporaryFolder()
      const args = [cli, input, '-o', 'clean', '-r', 'report', '--across-files', '--concurrency', threads]
      expect(spawnSync(process.execPath, args, {cwd: work}).status).toBe(0)
      const summary = JSON.parse(readFileSync(join(work, 'report', 'summary.json'), 'utf8'))
      expect(summary.timings['dedupe-paragraphs'].count).toBe(16)
      delete summary.timings
      return {files: digestFiles(join(work, 'clean')), reports: digestFiles(join(work, 'report', 'files')), summary}
    }
    const one = ranWith('1')
    expect(one.summary.totals.removed).toBeGreaterThan(20)
    expect(ranWith('2')).toEqual(one)
  })
})

describe('newsclean -', () => {
  it('reads stdin and writes the clean text to stdout, messages to stderr', () => {
    const seed = readFileSync(join(seedDir, 'seed.txt'))
    const ran = newsclean(['-'], seed)
    expect(ran.status).toBe(0)
    expect(ran.stdout.split('\n').filter(Boolean)).toHaveLength(8)
    expect(ran.stdout.endsWith('\n')).toBe(true)
    expect(ran.stderr).not.toContain(ran.stdout.split('\n')[0])
  })

  const cases = JSON.parse(readFixture('spec/cases.json')) as Array<{
    input: string
    expected: string
    rule: string
  }>

  it.each(cases)('holds the spec case $rule', ({input, expected}) => {
    expect(newsclean(['-'], input).stdout).toBe(expected + '\n')
  })

  it('writes nothing to stdout with --check, and exits 1 when the text would change', () => {
    const seed = readFileSync(join(seedDir, 'seed.txt'))
    const changed = newsclean(['-', '--check'], seed)
    expect([changed.status, changed.stdout]).toEqual([1, ''])
    const clean = newsclean(['-', '--check'], readFileSync(join(seedDir, 'seed.expected.txt')))
    expect([clean.status, clean.stdout]).toEqual([0, ''])
  })

  it('reports input that is not text with the reason, and exits 1', () => {
    const ran = newsclean(['-'], Buffer.from([0x00, 0x01, 0x02, 0x62, 0x69, 0x6e]))
    expect(ran.status).toBe(1)
    expect(ran.stdout).toBe('')
    expect(ran.stderr).toMatch(/binary data/)
  })

  it('writes no report unless asked', () => {
    const work = temporaryFolder()
    const ran = spawnSync(process.execPath, [cli, '-'], {input: 'a\n', cwd: work, encoding: 'utf8'})
    expect(ran.stdout).toBe('a\n')
    expect(readdirSync(work)).toEqual([])
  })
})

describe('newsclean on JSONL and HTML', () => {
  it('cleans the text field of each record, keeps every other byte, and passes a broken line through', () => {
    const input = temporaryFolder()
    const source = readFileSync(join(fixtures, 'cli', 'records.jsonl'), 'utf8')
    writeFileSync(join(input, 'records.jsonl'), source)
    const work = temporaryFolder()
    const ran = newsclean([input, '-o', join(work, 'clean'), '-r', join(work, 'report')])
    expect(ran.status).toBe(1)
    expect(ran.stderr).toMatch(/line 3 is not valid JSON/i)
    const output = readFileSync(join(work, 'clean', 'records.jsonl'), 'utf8')
    expect(output).toBe(readFileSync(join(fixtures, 'cli', 'records.expected.jsonl'), 'utf8'))
    const report = JSON.parse(readFileSync(join(work, 'report', 'files', 'records.jsonl.json'), 'utf8')) as {
      records: Array<{line: number}>
    }
    expect(report.records.map((record) => record.line)).toEqual([1, 4])
    const page = readFileSync(join(work, 'report', 'files', 'records.jsonl.html'), 'utf8')
    expect(page).toMatch(/Line 3 is not valid JSON/)
    expect(page).toContain('<div id="records" data-base="../_data/records/records.jsonl/" data-files="1"></div>')
    const sections = readFileSync(join(work, 'report', '_data', 'records', 'records.jsonl', '0.js'), 'utf8')
    expect(
      [...sections.matchAll(/<section class=\\"record\\" id=\\"record-(\d+)\\">/g)].map((match) => Number(match[1])),
    ).toEqual([1, 4])
    expect(readFileSync(join(work, 'report', '_data', 'index', 'rows-0.js'), 'utf8')).toContain('["records.jsonl",')
  })

  it('reads a GB18030 JSONL file and writes its records as UTF-8', () => {
    const input = temporaryFolder()
    const source = readFileSync(join(fixtures, 'cli', 'records.jsonl'), 'utf8')
    writeFileSync(join(input, 'records.jsonl'), iconv.encode(source, 'gb18030'))
    const work = temporaryFolder()
    newsclean([input, '-o', work, '--no-report', '--encoding', 'gb18030'])
    expect(readFileSync(join(work, 'records.jsonl'), 'utf8')).toBe(
      readFileSync(join(fixtures, 'cli', 'records.expected.jsonl'), 'utf8'),
    )
  })

  it('keeps gzip compression and the records of a .jsonl.gz', () => {
    const input = temporaryFolder()
    const source = readFileSync(join(fixtures, 'cli', 'records.jsonl'))
    writeFileSync(join(input, 'records.jsonl.gz'), execFileSync('gzip', ['-c'], {input: source}))
    const work = temporaryFolder()
    newsclean([input, '-o', work, '--no-report'])
    const output = execFileSync('gzip', ['-dc', join(work, 'records.jsonl.gz')], {encoding: 'utf8'})
    expect(output).toBe(readFileSync(join(fixtures, 'cli', 'records.expected.jsonl'), 'utf8'))
  })

  it('turns an HTML page into clean text beside the same relative path', () => {
    const input = temporaryFolder()
    cpSync(join(fixtures, 'html', 'article.html'), join(input, 'page.html'))
    const work = temporaryFolder()
    const ran = newsclean([input, '-o', work, '--no-report'])
    expect(ran.status).toBe(0)
    expect(listFiles(work)).toEqual(['page.html.txt'])
    expect(readFileSync(join(work, 'page.html.txt'), 'utf8')).not.toMatch(/tracker|Home|Copyright|Site header/)
  })
})
