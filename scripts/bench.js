#!/usr/bin/env node
// npm run bench: newsclean's throughput, memory and start-up, side by side with `mawk
// '!seen[$0]++'` (plain line dedup) and `cat` on a generated corpus of real news (the README's
// targets). Whole commands are timed with /usr/bin/time (wall seconds, peak RSS); each figure is
// the median of several runs (one for the large file); a newsclean row's "/ mawk" is the median of
// ratios of runs taken in turn with mawk's. Rows: the batch (full cleaning, without the
// repair, single plugins, cross-file dedupe against mawk deduping the whole batch), one large text
// file built from the corpus, and start-up (an undamaged article and the seed through
// `newsclean -`). Environment: BENCH_MB (corpus size, default 200), BENCH_RUNS (default 3),
// BENCH_LARGE_MB (the large file, default 100). Last, claims per second of each seen store
// (memory, SQLite, a redis-server of its own on loopback).
import {execFileSync, spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {createServer} from 'node:net'
import {availableParallelism, tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {paragraphsOf} from './damage.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const corpusSource = join(root, 'test', 'fixtures', 'corpus', 'thucnews-sample.tsv')
const megabytes = Number(process.env.BENCH_MB ?? 200)
const runs = Number(process.env.BENCH_RUNS ?? 3)
const corpusDir = join(root, 'bench', 'corpus', `${megabytes}mb`)
const cli = join(root, 'dist', 'cli.js')
const partBytes = 1024 * 1024
const largeMegabytes = Number(process.env.BENCH_LARGE_MB ?? 100)
const largeFile = join(root, 'bench', 'corpus', `large-${largeMegabytes}mb-from-${megabytes}mb.txt`)
const articleFile = join(root, 'bench', 'corpus', 'article.txt')

// A small seeded generator (mulberry32), so every run builds the same corpus.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function buildCorpus() {
  if (existsSync(join(corpusDir, 'done'))) return
  rmSync(corpusDir, {recursive: true, force: true})
  mkdirSync(corpusDir, {recursive: true})
  const articles = readFileSync(corpusSource, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => paragraphsOf(line.slice(line.indexOf('\t') + 1)))
  const next = random(20261128)
  const target = megabytes * 1024 * 1024
  let written = 0
  let part = []
  let partSize = 0
  let partIndex = 0
  const flush = () => {
    writeFileSync(join(corpusDir, `part-${String(partIndex++).padStart(4, '0')}.txt`), part.join('\n') + '\n')
    part = []
    partSize = 0
  }
  for (let replica = 1; written < target; replica++) {
    for (const paragraphs of articles) {
      // Two of every three paragraphs carry the replica number, so replicas stay distinct.
      const article = paragraphs.map((paragraph, index) =>
        index % 3 === 2 ? paragraph : `${paragraph}\uff08${replica}\uff09`,
      )
      if (next() < 0.3) article.push(...article.slice(Math.floor(article.length / 2)))
      const text = article.join('\n')
      const size = Buffer.byteLength(text) + 1
      part.push(text)
      partSize += size
      written += size
      if (partSize >= partBytes) flush()
      if (written >= target) break
    }
  }
  if (part.length > 0) flush()
  writeFileSync(join(corpusDir, 'done'), '')
}

// One text file of the corpus's parts end to end (from the first again if the corpus is smaller).
function buildLargeFile() {
  if (existsSync(largeFile)) return
  const parts = corpusFiles().map((path) => readFileSync(path))
  const chunks = []
  let size = 0
  for (let index = 0; size < largeMegabytes * 1024 * 1024; index++) {
    const part = parts[index % parts.length]
    chunks.push(part)
    size += part.length
  }
  writeFileSync(largeFile, Buffer.concat(chunks))
}

// An undamaged article: the corpus sample's first, its paragraphs one a line.
function buildArticle() {
  const line = readFileSync(corpusSource, 'utf8').split('\n')[0]
  writeFileSync(articleFile, paragraphsOf(line.slice(line.indexOf('\t') + 1)).join('\n') + '\n')
}

function corpusFiles() {
  return readdirSync(corpusDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => join(corpusDir, name))
}

function corpusSize() {
  return corpusFiles().reduce((sum, path) => sum + statSync(path).size, 0)
}

// One timed run of a shell command: wall seconds (measured here, finer than GNU time's
// hundredths), and from GNU time the peak RSS of the largest process and the CPU seconds (user
// plus system, every thread): on a machine shared with other work the CPU time is the steadier
// figure.
function timeOnce(command) {
  const start = performance.now()
  const ran = spawnSync('/usr/bin/time', ['-f', '%M %U %S', 'sh', '-c', command], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  })
  const wall = (performance.now() - start) / 1000
  if (ran.status !== 0) throw new Error(`\`${command}\` failed: ${ran.stderr.slice(-500)}`)
  const [kilobytes, user, system] = ran.stderr.trim().split('\n').at(-1).split(' ').map(Number)
  return {wall, rssMb: kilobytes / 1024, cpu: user + system}
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

function measure(command, count = runs) {
  timeOnce(command)
  const samples = Array.from({length: count}, () => timeOnce(command))
  return {
    wall: median(samples.map((s) => s.wall)),
    cpu: median(samples.map((s) => s.cpu)),
    rssMb: Math.max(...samples.map((s) => s.rssMb)),
  }
}

// A command timed in turn with a reference (A B A B ...), its "/ reference" the median of the
// pairs' ratios: the machine's speed drifts over a bench of minutes, and a ratio of two medians
// taken minutes apart moved by a tenth from one bench to the next.
function measurePaired(command, reference, count = runs) {
  timeOnce(command)
  const pairs = Array.from({length: count}, () => [timeOnce(reference), timeOnce(command)])
  const samples = pairs.map(([, sample]) => sample)
  return {
    wall: median(samples.map((s) => s.wall)),
    cpu: median(samples.map((s) => s.cpu)),
    rssMb: Math.max(...samples.map((s) => s.rssMb)),
    ratio: median(pairs.map(([before, sample]) => before.wall / sample.wall)),
  }
}

// A redis-server of the bench's own, on a free port, nothing saved to disk.
async function startRedis() {
  const port = await new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const {port} = probe.address()
      probe.close(() => resolve(port))
    })
  })
  const server = spawn('redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
  ])
  await new Promise((resolve, reject) => {
    server.once('exit', () => reject(new Error('redis-server did not start')))
    server.stdout.on('data', (chunk) => chunk.toString().includes('Ready to accept connections') && resolve())
  })
  return {port, stop: () => server.kill('SIGTERM')}
}

// Claims per second each store takes straight from its API: documents of 20 fresh keys, a
// quarter of them repeats of earlier documents' keys.
async function storeFigures(redisPort) {
  const {MemorySeenStore} = await import('../dist/dedupe/store.js')
  const {SqliteSeenStore} = await import('../dist/dedupe/sqlite-store.js')
  const {RedisClaims} = await import('../dist/dedupe/redis-store.js')
  const documents = 25000
  const perDocument = 20
  const next = random(7)
  const keyOf = () => BigInt(Math.floor(next() * 2 ** 32)) * 2n ** 32n + BigInt(Math.floor(next() * 2 ** 32))
  const batch = Array.from({length: documents}, (_, index) => ({
    path: `f${index}.txt`,
    keys: BigUint64Array.from({length: perDocument}, keyOf),
    lines: Uint32Array.from({length: perDocument}, (_, line) => line + 1),
  }))
  for (const [index, document] of batch.entries()) {
    if (index > 0) document.keys.set(batch[Math.floor(next() * index)].keys.subarray(0, perDocument / 4))
  }
  const claims = documents * perDocument
  const rate = async (claimAll) => {
    const start = performance.now()
    await claimAll()
    return claims / ((performance.now() - start) / 1000)
  }
  const memory = new MemorySeenStore()
  const folder = join(tmpdir(), `newsclean-bench-sqlite-${process.pid}`)
  rmSync(folder, {recursive: true, force: true})
  mkdirSync(folder)
  const sqlite = SqliteSeenStore.open(join(folder, 'seen.db'))
  const redis = await RedisClaims.connect(
    {host: '127.0.0.1', port: redisPort, db: 0, prefix: `bench-${process.pid}`, tls: false, cluster: false},
    {counting: false},
  )
  const rows = [
    [
      'memory (one process, batch order)',
      await rate(async () => {
        for (const d of batch) memory.claimNow(d.path, d.keys, d.lines)
      }),
    ],
    [
      'sqlite: (one transaction a document)',
      await rate(async () => {
        for (const d of batch) await sqlite.claim(d.path, d.keys, d.lines)
      }),
    ],
    [
      'redis:// phase 1 (pipelined Lua compare-and-set-minimum)',
      await rate(async () => {
        for (const [rank, d] of batch.entries()) await redis.claim({rank, path: d.path, keys: d.keys, lines: d.lines})
        await redis.flush()
      }),
    ],
    [
      'redis:// phase 2 (owner look-ups, pipelined)',
      await rate(async () => {
        for (let start = 0; start < documents; start += 64) {
          await Promise.all(batch.slice(start, start + 64).map((d) => redis.owners(d.keys)))
        }
      }),
    ],
  ]
  sqlite.close()
  redis.close()
  rmSync(folder, {recursive: true, force: true})
  console.log(`\nseen stores, ${claims} claims (${documents} documents of ${perDocument} keys):`)
  console.log('| store | claims/s |')
  console.log('|---|---|')
  for (const [name, perSecond] of rows) console.log(`| ${name} | ${Math.round(perSecond).toLocaleString('en')} |`)
}

// The corpus articles as one small file, and the same with 2% of their Han characters replaced
// by `?` (characters a GBK encoder could not map): the repair's scan must pass over those cheaply.
function buildQuestionCorpus() {
  const dir = join(root, 'bench', 'questions')
  mkdirSync(dir, {recursive: true})
  const articles = readFileSync(corpusSource, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => paragraphsOf(line.slice(line.indexOf('\t') + 1)).join('\n'))
  const text = `${articles.join('\n')}\n`
  const next = random(7)
  const questions = text.replace(/[\u4e00-\u9fff]/g, (character) => (next() < 0.02 ? '?' : character))
  writeFileSync(join(dir, 'plain.txt'), text)
  writeFileSync(join(dir, 'questions.txt'), questions)
  return dir
}

async function main(redis) {
  if (!existsSync(cli)) execFileSync('npm', ['run', 'build'], {cwd: root, stdio: 'inherit'})
  buildCorpus()
  buildLargeFile()
  buildArticle()
  const bytes = corpusSize()
  const files = corpusFiles()
    .map((path) => `'${path}'`)
    .join(' ')
  // Its own output folder: two benches at once must not delete each other's.
  const out = mkdtempSync(join(tmpdir(), 'newsclean-bench-'))
  const sqliteStore = join(tmpdir(), `newsclean-bench-${process.pid}.db`)
  const newsclean = (extra, input = corpusDir) =>
    `rm -rf '${out}' && node '${cli}' '${input}' -o '${out}' --no-report -q ${extra}`
  console.log(
    `corpus: ${(bytes / 1e6).toFixed(1)} MB in ${corpusFiles().length} files; ${availableParallelism()} cores; median of ${runs} runs`,
  )
  const mawk = `mawk '!seen[$0]++' ${files} > /dev/null`
  const rows = [
    ['cat', measure(`cat ${files} > /dev/null`)],
    ["mawk '!seen[$0]++' (the whole batch)", measure(mawk)],
    ['newsclean (full cleaning)', measurePaired(newsclean(''), mawk)],
    ['newsclean --skip repair-encoding', measurePaired(newsclean('--skip repair-encoding'), mawk)],
    ['newsclean --only dedupe-paragraphs', measurePaired(newsclean('--only dedupe-paragraphs'), mawk)],
    [
      'newsclean --only dedupe-paragraphs --across-files',
      measurePaired(newsclean('--only dedupe-paragraphs --across-files'), mawk),
    ],
    ['newsclean --only normalize-punctuation', measurePaired(newsclean('--only normalize-punctuation'), mawk)],
    [
      'newsclean --only dedupe-paragraphs --store sqlite:',
      measure(`rm -f '${sqliteStore}'* && ${newsclean(`--only dedupe-paragraphs --store 'sqlite:${sqliteStore}'`)}`),
    ],
    [
      'newsclean --only dedupe-paragraphs --store redis://',
      measure(
        `redis-cli -p ${redis.port} flushall > /dev/null && ${newsclean(`--only dedupe-paragraphs --store 'redis://127.0.0.1:${redis.port}/0?prefix=bench'`)}`,
      ),
    ],
  ]
  const questions = buildQuestionCorpus()
  const cleanQuestions = (name) =>
    `rm -rf '${out}' && node '${cli}' '${join(questions, `${name}.txt`)}' -o '${out}' --no-report -q`
  const questionRows = [
    ['newsclean, corpus articles as they are', measure(cleanQuestions('plain')), 'plain'],
    [
      'newsclean, 2% of Han characters as `?`',
      measurePaired(cleanQuestions('questions'), cleanQuestions('plain')),
      'questions',
    ],
  ].map(([name, figure, file]) => [name, figure, statSync(join(questions, `${file}.txt`)).size])
  const mawkWall = rows[1][1].wall
  console.log('| command | wall s | MB/s | / mawk | CPU s | peak RSS MB |')
  console.log('|---|---|---|---|---|---|')
  for (const [name, figure] of rows) printRow(name, figure, bytes, mawkWall)
  const largeBytes = statSync(largeFile).size
  const large = [
    [
      `mawk '!seen[$0]++', one ${(largeBytes / 1e6).toFixed(0)} MB file`,
      measure(`mawk '!seen[$0]++' '${largeFile}' > /dev/null`, 1),
    ],
    ['newsclean, the same file (full cleaning)', measure(newsclean('', largeFile), 1)],
    ['newsclean --skip repair-encoding, the same file', measure(newsclean('--skip repair-encoding', largeFile), 1)],
  ]
  for (const [name, figure] of large) printRow(name, figure, largeBytes, large[0][1].wall)
  const seed = join(root, 'test', 'fixtures', 'seed', 'seed.txt')
  const startup = [
    ['an undamaged article', measure(`node '${cli}' - < '${articleFile}' > /dev/null`, 10)],
    ['the seed (three damaged spans)', measure(`node '${cli}' - < '${seed}' > /dev/null`, 10)],
    ['node -e 0 (for scale)', measure(`node -e 0`, 10)],
  ]
  console.log('\n| `newsclean -`, start to exit | wall ms | CPU ms | peak RSS MB |')
  console.log('|---|---|---|---|')
  for (const [name, figure] of startup) {
    const {wall, cpu, rssMb} = figure
    console.log(`| ${name} | ${(wall * 1000).toFixed(0)} | ${(cpu * 1000).toFixed(0)} | ${rssMb.toFixed(0)} |`)
  }
  console.log('\n| text with lost characters | wall s | MB/s | / as they are | CPU s | peak RSS MB |')
  console.log('|---|---|---|---|---|---|')
  for (const [name, figure, size] of questionRows) printRow(name, figure, size, questionRows[0][1].wall)
  rmSync(out, {recursive: true, force: true})
  rmSync(sqliteStore, {force: true})
  await storeFigures(redis.port)
}

// A row's "/ reference": its paired ratio when it was timed in turn with the reference, else the
// ratio of the two medians.
function printRow(name, figure, bytes, reference) {
  const throughput = bytes / 1e6 / figure.wall
  const ratio = figure.ratio ?? reference / figure.wall
  console.log(
    `| ${name} | ${figure.wall.toFixed(2)} | ${throughput.toFixed(1)} | ${ratio.toFixed(2)} | ${figure.cpu.toFixed(2)} | ${figure.rssMb.toFixed(0)} |`,
  )
}

// The bench's redis-server goes whatever happens, so a failed run leaves no server behind.
const redis = await startRedis()
try {
  await main(redis)
} finally {
  redis.stop()
}
