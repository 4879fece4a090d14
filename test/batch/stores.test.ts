// Cross-file dedupe on real stores, through the built CLI in real processes: a SQLite file that
// outlives the run, a real redis-server shared by two shards running at the same time, and
// boilerplate counted over the batch.
import {type ChildProcess, spawn} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {codePointLength} from '../../src/dedupe/key.js'
import {corpusArticles, root, sentencesOf} from '../helpers.js'
import {type RedisServer, startRedis} from '../redis-server.js'

const cli = join(root, 'dist', 'cli.js')
const articles = corpusArticles()

interface Ran {
  status: number | null
  stderr: string
}

function start(args: string[]): ChildProcess {
  return spawn(process.execPath, [cli, ...args], {cwd: root, stdio: ['ignore', 'ignore', 'pipe']})
}

function finished(child: ChildProcess): Promise<Ran> {
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  return new Promise((resolve) => child.once('close', (status) => resolve({status, stderr})))
}

function newsclean(args: string[]): Promise<Ran> {
  return finished(start(args))
}

function temporaryFolder(): string {
  return mkdtempSync(join(tmpdir(), 'newsclean-stores-'))
}

// Files of real sentences, one a paragraph: file `i` holds articles `first + i` and the next one,
// so each file shares an article with its neighbours.
function writeBatch(count: number, first: number, footer?: (index: number) => string | undefined): string {
  const folder = temporaryFolder()
  for (let index = 0; index < count; index++) {
    const sentences = [articles[(first + index) % articles.length]!, articles[(first + index + 1) % articles.length]!]
      .flatMap(sentencesOf)
      .map((sentence) => sentence.trim())
    const last = footer?.(index)
    if (last !== undefined) sentences.splice(Math.floor(sentences.length / 2), 0, last)
    writeFileSync(join(folder, `f${String(index).padStart(3, '0')}.txt`), sentences.join('\n') + '\n')
  }
  return folder
}

// Every visible file of a folder (temporary `.name.tmp` files of a killed write aside) and its text.
function readTree(folder: string): Record<string, string> {
  if (!existsSync(folder)) return {}
  return Object.fromEntries(
    readdirSync(folder, {recursive: true, withFileTypes: true})
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
      .map((entry) => {
        const path = join(entry.parentPath, entry.name)
        return [path.slice(folder.length + 1), readFileSync(path, 'utf8')]
      })
      .sort(([left], [right]) => (left! < right! ? -1 : 1)),
  )
}

function paragraphsOf(tree: Record<string, string>, minLength = 0): Set<string> {
  return new Set(
    Object.values(tree)
      .flatMap((text) => text.split('\n'))
      .filter((line) => line.length > 0 && codePointLength(line) >= minLength),
  )
}

describe('--store sqlite:FILE', () => {
  it('keeps, in a second batch, no paragraph of 40 or more code points the first batch kept', async () => {
    const store = join(temporaryFolder(), 'seen.db')
    const dayOne = writeBatch(6, 10)
    const dayTwo = writeBatch(6, 13)
    const [outOne, outTwo] = [temporaryFolder(), temporaryFolder()]
    expect((await newsclean([dayOne, '-o', outOne, '--no-report', '--store', `sqlite:${store}`])).status).toBe(0)
    expect((await newsclean([dayTwo, '-o', outTwo, '--no-report', '--store', `sqlite:${store}`])).status).toBe(0)
    const keptOnDayOne = paragraphsOf(readTree(outOne), 40)
    const inputTwo = paragraphsOf(readTree(dayTwo), 40)
    expect([...inputTwo].filter((paragraph) => keptOnDayOne.has(paragraph)).length).toBeGreaterThan(20)
    expect([...paragraphsOf(readTree(outTwo), 40)].filter((paragraph) => keptOnDayOne.has(paragraph))).toEqual([])
  })

  it('writes, when killed midway and run again, exactly what an uninterrupted run writes', async () => {
    const dayOne = writeBatch(40, 0)
    const dayTwo = writeBatch(400, 20)
    const [whole, killed] = [join(temporaryFolder(), 'seen.db'), join(temporaryFolder(), 'seen.db')]
    for (const store of [whole, killed]) {
      expect(
        (await newsclean([dayOne, '-o', temporaryFolder(), '--no-report', '--store', `sqlite:${store}`])).status,
      ).toBe(0)
    }
    const [outWhole, outKilled] = [temporaryFolder(), temporaryFolder()]
    await newsclean([dayTwo, '-o', outWhole, '--no-report', '--store', `sqlite:${whole}`, '--concurrency', '1'])
    const args = [dayTwo, '-o', outKilled, '--no-report', '--store', `sqlite:${killed}`, '--concurrency', '1']
    const child = start(args)
    const stopped = finished(child)
    while (Object.keys(readTree(outKilled)).length < 20) await new Promise((resolve) => setTimeout(resolve, 10))
    child.kill('SIGKILL')
    expect((await stopped).status).toBe(null)
    const writtenBeforeKill = Object.keys(readTree(outKilled)).length
    expect(writtenBeforeKill).toBeLessThan(400)
    expect((await newsclean(args)).status).toBe(0)
    expect(readTree(outKilled)).toEqual(readTree(outWhole))
  })

  it('stops as bad usage, writing nothing, when the store cannot be opened', async () => {
    const out = join(temporaryFolder(), 'out')
    const ran = await newsclean([writeBatch(2, 0), '-o', out, '--store', 'sqlite:/no/such/folder/seen.db'])
    expect([ran.status, existsSync(out)]).toEqual([2, false])
    expect(ran.stderr).toContain('cannot open the SQLite store /no/such/folder/seen.db')
  })
})

describe('--store redis:// with --shard', () => {
  let redis: RedisServer
  beforeAll(async () => {
    redis = await startRedis()
  })
  afterAll(async () => {
    await redis.stop()
  })

  it('writes, with two shards at the same time, the clean files one process writes with --across-files', async () => {
    const input = writeBatch(16, 40)
    const one = temporaryFolder()
    expect((await newsclean([input, '-o', one, '--no-report', '--across-files'])).status).toBe(0)
    const within = temporaryFolder()
    await newsclean([input, '-o', within, '--no-report'])
    expect(readTree(one)).not.toEqual(readTree(within))
    const out = temporaryFolder()
    const reports = [temporaryFolder(), temporaryFolder()]
    const shards = [1, 2].map((index) =>
      newsclean([
        input,
        '-o',
        out,
        '-r',
        reports[index - 1]!,
        '--store',
        redis.url('two-shards'),
        '--shard',
        `${index}/2`,
      ]),
    )
    expect((await Promise.all(shards)).map((ran) => ran.status)).toEqual([0, 0])
    expect(readTree(out)).toEqual(readTree(one))
    const reported = reports.map((folder) =>
      readdirSync(join(folder, 'files'))
        .filter((name) => name.endsWith('.txt.json'))
        .map((name) => name.slice(0, -5)),
    )
    expect(reported[0]!.length).toBeGreaterThan(0)
    expect(reported[1]!.length).toBeGreaterThan(0)
    expect([...reported[0]!, ...reported[1]!].sort()).toEqual(Object.keys(readTree(one)))
  })

  it('stops with the shards it waited for when the others never come, writing nothing', async () => {
    const out = join(temporaryFolder(), 'out')
    const args = [
      writeBatch(4, 60),
      '-o',
      out,
      '--store',
      redis.url('alone'),
      '--shard',
      '1/3',
      '--barrier-timeout',
      '1',
    ]
    const ran = await newsclean(args)
    expect(ran.status).toBe(1)
    expect(ran.stderr).toContain('for shards 2, 3 of batch `alone`')
    expect(readTree(out)).toEqual({})
  })

  it('stops as bad usage, writing nothing, when the server cannot be reached', async () => {
    const stopped = await startRedis()
    await stopped.stop()
    const out = join(temporaryFolder(), 'out')
    const ran = await newsclean([writeBatch(2, 0), '-o', out, '--store', stopped.url('gone')])
    expect([ran.status, existsSync(out)]).toEqual([2, false])
    expect(ran.stderr).toContain(`cannot reach the Redis store at 127.0.0.1:${stopped.port}`)
  })
})

describe('--boilerplate N', () => {
  // A real sentence from outside the batch, standing in for a source line or footer.
  const footer = sentencesOf(articles[300]!)[0]!.trim()
  const withFooter = (index: number) => (index % 2 === 0 ? footer : undefined)

  it.each([
    [5, 'removes', true],
    [6, 'removes', true],
    [7, 'keeps', false],
  ])('with --boilerplate %i %s a footer found in 6 of 12 files and changes nothing else', async (count, _, gone) => {
    const input = writeBatch(12, 80, withFooter)
    const plain = temporaryFolder()
    await newsclean([input, '-o', plain, '--no-report'])
    const out = temporaryFolder()
    expect((await newsclean([input, '-o', out, '--no-report', '--boilerplate', String(count)])).status).toBe(0)
    const expected = Object.fromEntries(
      Object.entries(readTree(plain)).map(([path, text]) => [path, gone ? text.replace(`${footer}\n`, '') : text]),
    )
    expect(Object.values(readTree(plain)).filter((text) => text.includes(footer))).toHaveLength(6)
    expect(readTree(out)).toEqual(expected)
  })

  it('counts the same over two shards sharing a Redis as in one process', async () => {
    const redis = await startRedis()
    try {
      const input = writeBatch(12, 80, withFooter)
      const one = temporaryFolder()
      await newsclean([input, '-o', one, '--no-report', '--boilerplate', '5', '--across-files'])
      const out = temporaryFolder()
      const shards = [1, 2].map((index) =>
        newsclean([
          input,
          '-o',
          out,
          '--no-report',
          '--store',
          redis.url('boilerplate'),
          '--boilerplate',
          '5',
          '--shard',
          `${index}/2`,
        ]),
      )
      expect((await Promise.all(shards)).map((ran) => ran.status)).toEqual([0, 0])
      expect(readTree(out)).toEqual(readTree(one))
      expect(paragraphsOf(readTree(out)).has(footer)).toBe(false)
    } finally {
      await redis.stop()
    }
  })
})
