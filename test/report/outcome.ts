// Real outcomes for the report tests: real inputs through the real processor, exactly as the
// runner builds a `CleanedDocument`, plus helpers to shape corpus articles into documents.
import {VFile} from 'vfile'
import {createProcessor, type NewscleanProcessor, processDocument} from '../../src/processor.js'
import type {CleanedDocument} from '../../src/report/types.js'

let processor: Promise<NewscleanProcessor> | undefined

export async function outcomeOf(relativePath: string, original: string): Promise<CleanedDocument> {
  const file = new VFile({path: relativePath, value: original})
  processor ??= createProcessor()
  const {tree, text, paragraphsIn} = await processDocument(await processor, file)
  return {
    inputPath: `input/${relativePath}`,
    relativePath,
    outputPath: `output/clean/${relativePath}`,
    decoding: {encoding: 'UTF-8', confidence: 1, bom: false},
    original,
    clean: text,
    tree,
    file,
    paragraphsIn,
  }
}

// A corpus article as a document: a new paragraph at a sentence end once one passes 80 characters.
export function paragraphsOf(article: string): string[] {
  const paragraphs: string[] = []
  let current = ''
  for (const character of article) {
    current += character
    if (character === '\u3002' && current.length > 80) {
      paragraphs.push(current)
      current = ''
    }
  }
  if (current) paragraphs.push(current)
  return paragraphs
}

// Scraping damage that the current plugins repair: indentation, trailing blanks, blank lines,
// invisible characters, and the second half of the article captured twice.
export function damage(paragraphs: string[], seed: number): string {
  const lines = paragraphs.map((paragraph, index) => {
    if ((index + seed) % 3 === 0) return '\u3000\u3000' + paragraph
    if ((index + seed) % 4 === 1) return paragraph + '  '
    if ((index + seed) % 5 === 2) return '\ufeff' + paragraph + '\u200b'
    return paragraph
  })
  const half = lines.slice(Math.floor(lines.length / 2))
  const joined = [...lines, '', ...half].join('\n')
  return seed % 2 === 0 ? joined : joined + '\n'
}
