// Where a document's clean text goes: the same relative path under the output folder. HTML pages
// become text, so their output takes `.txt` in place of `.html`/`.htm`.
import {join} from 'node:path'

export function cleanOutputPath(outDir: string, relativePath: string): string {
  return join(outDir, cleanRelativePath(relativePath))
}

export function cleanRelativePath(relativePath: string): string {
  return relativePath.replace(/\.html?$/i, '.txt')
}
