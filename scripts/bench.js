#!/usr/bin/env node
// npm run bench: newsclean's throughput, memory and start-up, side by side with `mawk
// '!seen[$0]++'` (plain line dedup) and `cat` on a generated corpus of real news (design.md,
// Targets). Whole commands are timed with /usr/bin/time (wall seconds, peak RSS); each figure is
// the median of several runs. Environment: BENCH_MB (corpus size, default 200), BENCH_RUNS
// (default 3).
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {availableParallelism, tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const corpusSource = join(root, 'test', 'fixtures', 'corpus', 'thucnews-sample.tsv')
const megabytes = Number(process.env.BENCH_MB ?? 200)
const runs = Number(process.env.BENCH_RUNS ?? 3)
const corpusDir = join(root, 'bench', 'corpus', `${megabytes}mb`)
const cli = join(root, 'dist', 'cli.js')
const partBytes = 1024 * 1024

// A small seeded generator (mulberry32), so every run builds the same corpus.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// An article's paragraphs: split at sentence ends once a paragraph passes 80 characters.
function paragraphsOf(text) {
  const paragraphs = []
  let current = ''
  for (const sentence of text.split(/(?<=[\u3002\uff01\uff1f])/u)) {
    current += sentence
    if ([...current].length > 80) {
      paragraphs.push(current)
      current = ''
    }
  }
  if (current) paragraphs.push(current)
  return paragraphs
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
// hundredths) and peak RSS of the largest process, from GNU time.
function timeOnce(command) {
  const start = performance.now()
  const ran = spawnSync('/usr/bin/time', ['-f', '%M', 'sh', '-c', command], {encoding: 'utf8', maxBuffer: 1 << 26})
  const wall = (performance.now() - start) / 1000
  if (ran.status !== 0) throw new Error(`\`${command}\` failed: ${ran.stderr.slice(-500)}`)
  const kilobytes = Number(ran.stderr.trim().split('\n').at(-1))
  return {wall, rssMb: kilobytes / 1024}
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

function measure(command, count = runs) {
  timeOnce(command)
  const samples = Array.from({length: count}, () => timeOnce(command))
  return {wall: median(samples.map((s) => s.wall)), rssMb: Math.max(...samples.map((s) => s.rssMb))}
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

function main() {
  if (!existsSync(cli)) execFileSync('npm', ['run', 'build'], {cwd: root, stdio: 'inherit'})
  buildCorpus()
  const bytes = corpusSize()
  const files = corpusFiles()
    .map((path) => `'${path}'`)
    .join(' ')
  const out = join(tmpdir(), 'newsclean-bench-out')
  const newsclean = (extra) => `rm -rf '${out}' && node '${cli}' '${corpusDir}' -o '${out}' --no-report -q ${extra}`
  console.log(
    `corpus: ${(bytes / 1e6).toFixed(1)} MB in ${corpusFiles().length} files; ${availableParallelism()} cores; median of ${runs} runs`,
  )
  const rows = [
    ['cat', measure(`cat ${files} > /dev/null`)],
    ["mawk '!seen[$0]++'", measure(`mawk '!seen[$0]++' ${files} > /dev/null`)],
    ['newsclean (full cleaning)', measure(newsclean(''))],
    ['newsclean --only dedupe-paragraphs', measure(newsclean('--only dedupe-paragraphs'))],
    ['newsclean --only normalize-punctuation', measure(newsclean('--only normalize-punctuation'))],
  ]
  const questions = buildQuestionCorpus()
  const questionRows = ['plain', 'questions'].map((name) => [
    name === 'plain' ? 'newsclean, corpus articles as they are' : 'newsclean, 2% of Han characters as `?`',
    measure(`rm -rf '${out}' && node '${cli}' '${join(questions, `${name}.txt`)}' -o '${out}' --no-report -q`),
    statSync(join(questions, `${name}.txt`)).size,
  ])
  const mawk = rows[1][1].wall
  console.log('| command | wall s | MB/s | / mawk | peak RSS MB |')
  console.log('|---|---|---|---|---|')
  for (const [name, figure] of rows) {
    const throughput = bytes / 1e6 / figure.wall
    console.log(
      `| ${name} | ${figure.wall.toFixed(2)} | ${throughput.toFixed(1)} | ${(mawk / figure.wall).toFixed(2)} | ${figure.rssMb.toFixed(0)} |`,
    )
  }
  for (const [name, figure, size] of questionRows) {
    console.log(
      `| ${name} | ${figure.wall.toFixed(2)} | ${(size / 1e6 / figure.wall).toFixed(1)} | | ${figure.rssMb.toFixed(0)} |`,
    )
  }
  const seed = join(root, 'input', 'seed.txt')
  const small = measure(`node '${cli}' - < '${seed}' > /dev/null`, 10)
  console.log(`one small file (the seed through \`newsclean -\`), start to exit: ${(small.wall * 1000).toFixed(0)} ms`)
  rmSync(out, {recursive: true, force: true})
}

main()
