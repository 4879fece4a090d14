// Paths and loaders for tests: Chinese examples come from files, never typed in.
import {readFileSync} from 'node:fs'
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
