// Where a document's clean text goes: the same relative path under the output folder. HTML pages
// become text, so their output takes `.txt` after the page's full name (`a.html` -> `a.html.txt`):
// it never meets the output of a text file `a.txt` beside the page.
import {join} from 'node:path'

export function cleanOutputPath(outDir: string, relativePath: string): string {
  return join(outDir, cleanRelativePath(relativePath))
}

export function cleanRelativePath(relativePath: string): string {
  return /\.html?$/i.test(relativePath) ? `${relativePath}.txt` : relativePath
}
