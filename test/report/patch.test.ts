import {describe, expect, it} from 'vitest'
import {diffLines, splitLines} from '../../src/report/line-diff.js'
import {quotePath, renderPatch} from '../../src/report/patch.js'
import {corpusArticles, readFixture} from '../helpers.js'
import {applyWithGnuPatch, gnuDiff} from './gnu.js'
import {damage, outcomeOf, paragraphsOf} from './outcome.js'

const numbered = (count: number, from = 1) => Array.from({length: count}, (_, index) => `line ${index + from}`)

// [behaviour, original, clean]
const edgeCases: Array<[string, string, string]> = [
  ['changes one line in the middle', 'a\nb\nc\n', 'a\nB\nc\n'],
  ['adds a final newline', 'a\nb', 'a\nb\n'],
  ['drops a final newline', 'a\nb\n', 'a\nb'],
  ['keeps a missing final newline on a kept last line', 'x\na\nb', 'y\na\nb'],
  ['changes a last line that has no newline', 'a\nb', 'a\nc'],
  ['fills an empty input', '', 'a\nb\n'],
  ['empties an input', 'a\nb\n', ''],
  ['removes the first lines', 'a\nb\nc\nd\ne\n', 'c\nd\ne\n'],
  ['removes the last lines', 'a\nb\nc\nd\ne\n', 'a\nb\nc\n'],
  ['adds lines at the top', 'c\nd\n', 'a\nb\nc\nd\n'],
  [
    'merges changes six lines apart into one hunk',
    numbered(20).join('\n') + '\n',
    numbered(20).join('\n').replace('line 5', 'five').replace('line 11', 'eleven') + '\n',
  ],
  [
    'splits changes seven lines apart into two hunks',
    numbered(20).join('\n') + '\n',
    numbered(20).join('\n').replace('line 5', 'five').replace('line 12', 'twelve') + '\n',
  ],
  ['handles repeated identical lines', 'x\nx\nx\ny\nx\nx\n', 'x\ny\nx\n'],
  ['keeps blank lines apart from content', 'a\n\n\nb\n\n', 'a\nb\n'],
  ['keeps lines that start like patch syntax', '--- a\n+++ b\n@@ -1 +1 @@\n\\ x\n', '--- a\n@@ -1 +1 @@\n\\ y\n'],
]

describe('renderPatch', () => {
  it.each(edgeCases)('%s: GNU patch gives the clean text', (_, original, clean) => {
    const patch = renderPatch({relativePath: 'a/doc.txt', original, clean})
    expect(applyWithGnuPatch('a/doc.txt', original, patch)).toBe(clean)
  })

  // Where several minimal diffs exist (repeated lines), GNU diff may pick another one.
  const unambiguous = edgeCases.filter(([name]) => !name.includes('repeated identical'))

  it.each(unambiguous)('%s: writes what GNU diff -u writes', (_, original, clean) => {
    expect(renderPatch({relativePath: 'doc.txt', original, clean})).toBe(gnuDiff('doc.txt', original, clean))
  })

  it('gives nothing when nothing changed', () => {
    expect(renderPatch({relativePath: 'a.txt', original: 'a\nb', clean: 'a\nb'})).toBe('')
    expect(renderPatch({relativePath: 'a.txt', original: '', clean: ''})).toBe('')
  })

  it('writes for the seed what GNU diff writes, which GNU patch applies', async () => {
    const seed = readFixture('seed/seed.txt')
    const outcome = await outcomeOf('a/seed.txt', seed)
    const patch = renderPatch(outcome)
    const lastLine = seed.slice(seed.lastIndexOf('\n') + 1)
    expect(patch).toContain(`\n-${lastLine}\n\\ No newline at end of file\n`)
    expect(patch).toBe(gnuDiff('a/seed.txt', seed, outcome.clean))
    expect(applyWithGnuPatch('a/seed.txt', seed, patch)).toBe(outcome.clean)
  })

  it('applies to 40 damaged corpus articles, giving the processor output exactly', async () => {
    const articles = corpusArticles().slice(0, 40)
    for (const [index, article] of articles.entries()) {
      const original = damage(paragraphsOf(article), index)
      const outcome = await outcomeOf(`corpus/${index}.txt`, original)
      expect(outcome.clean).not.toBe(original)
      expect(applyWithGnuPatch(outcome.relativePath, original, renderPatch(outcome))).toBe(outcome.clean)
    }
  })

  it('names files with spaces, quotes and Han characters so GNU patch finds them', () => {
    const han = corpusArticles()[0]!.slice(0, 2)
    for (const name of [`my file ${han}.txt`, `say "hi".txt`, `back\\slash.txt`, `${han}/${han}.txt`]) {
      const patch = renderPatch({relativePath: name, original: 'a\nb\n', clean: 'a\nc\n'})
      expect(applyWithGnuPatch(name, 'a\nb\n', patch)).toBe('a\nc\n')
    }
  })

  it('diffs more distinct lines than there are UTF-16 units outside the surrogates', () => {
    const lines = numbered(70_000)
    const original = lines.join('\n') + '\n'
    const clean =
      lines
        .filter((_, index) => index % 997 !== 0)
        .map((line, index) => (index % 1409 === 0 ? `${line}!` : line))
        .join('\n') + '\n'
    const patch = renderPatch({relativePath: 'big.txt', original, clean})
    expect(applyWithGnuPatch('big.txt', original, patch)).toBe(clean)
  })
})

describe('diffLines', () => {
  it('splits lines keeping each LF, the last line possibly without one', () => {
    expect(splitLines('a\n\nb')).toEqual(['a\n', '\n', 'b'])
    expect(splitLines('')).toEqual([])
  })

  it('falls back to one replacement past its capacity of distinct lines', () => {
    expect(diffLines('a\nb\n', 'a\nc', 2)).toEqual([
      {kind: '-', text: 'a', newline: true},
      {kind: '-', text: 'b', newline: true},
      {kind: '+', text: 'a', newline: true},
      {kind: '+', text: 'c', newline: false},
    ])
  })
})

describe('quotePath', () => {
  it.each([
    ['a/plain.txt', 'a/plain.txt'],
    ['a/with space.txt', 'a/with space.txt\t'],
    ['a/"q".txt', '"a/\\"q\\".txt"'],
    ['a/tab\there.txt', '"a/tab\\there.txt"'],
    ['a/bell\x07.txt', '"a/bell\\007.txt"'],
  ])('%j becomes %j', (path, quoted) => {
    expect(quotePath(path)).toBe(quoted)
  })
})
