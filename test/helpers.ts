// Shared paths and loaders for tests: Chinese examples come from files, never typed in.
import {readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const shared = join(root, '..', 'shared')
export const fixtures = join(root, 'test', 'fixtures')

export function readShared(path: string): string {
  return readFileSync(join(shared, path), 'utf8')
}

export function readFixture(path: string): string {
  return readFileSync(join(fixtures, path), 'utf8')
}

// The shared corpus: 500 real articles, `label<TAB>text` a line.
export function corpusArticles(): string[] {
  return readShared('corpus/thucnews-sample.tsv')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => line.slice(line.indexOf('\t') + 1))
}
