// Paths and loaders for tests: Chinese examples come from files, never typed in.
import {createHash} from 'node:crypto'
import {readdirSync, readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const fixtures = join(root, 'test', 'fixtures')
// The real damaged article and its clean form.
export const seedDir = join(fixtures, 'seed')

export function readFixture(path: string): string {
  return readFileSync(join(fixtures, path), 'utf8')
}

// The corpus sample: 500 real articles, `label<TAB>text` a line (test/fixtures/corpus/README.md).
export function corpusArticles(): string[] {
  return readFixture('corpus/thucnews-sample.tsv')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => line.slice(line.indexOf('\t') + 1))
}

// A seeded generator of floats in [0, 1) (mulberry32), so generated test cases are the same on
// every run.
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let mixed = Math.imul(state ^ (state >>> 15), state | 1)
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61)
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296
  }
}

// The sentences of a corpus article: each ends in U+3002, U+FF01 or U+FF1F and the closing marks
// after it; the text before the first stop (a title glued to it) is part of the first sentence.
export function sentencesOf(article: string): string[] {
  return article.match(/[^\u3002\uff01\uff1f]*[\u3002\uff01\uff1f]+[\u201d\u2019\u300d\u300f\uff09\u300b]*/g) ?? []
}

// The files under `folder`, each with the sha256 of its bytes: outputs compared as a whole (a
// deep equality over megabytes of buffers takes minutes).
export function digestFiles(folder: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(folder).map((path) => [
      path,
      createHash('sha256')
        .update(readFileSync(join(folder, path)))
        .digest('hex'),
    ]),
  )
}

// The files under `folder` (not its folders), as sorted paths relative to it.
export function listFiles(folder: string): string[] {
  return readdirSync(folder, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort()
}
