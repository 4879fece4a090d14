import {mkdir, mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {compareCodePoints, isInShard, walkInputs} from '../../src/read/walk.js'

async function makeTree(files: string[]): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'newsclean-walk-'))
  for (const file of files) {
    await mkdir(join(folder, file, '..'), {recursive: true})
    await writeFile(join(folder, file), file)
  }
  return folder
}

async function collect(paths: string[], skip?: string[]): Promise<string[]> {
  const seen: string[] = []
  for await (const entry of walkInputs(paths, {skip})) seen.push(entry.relativePath)
  return seen
}

describe('walkInputs', () => {
  it('yields files by relative path in code-point order, folders included', async () => {
    const files = ['b.txt', 'a-c.txt', 'a/b.txt', 'a/a/z.txt', 'B.txt', 'a0.txt', '\u4e2d.txt']
    const folder = await makeTree(files)
    const expected = [...files].sort(compareCodePoints)
    expect(await collect([folder])).toEqual(expected)
    expect(expected.indexOf('a-c.txt')).toBeLessThan(expected.indexOf('a/b.txt'))
  })

  it('skips dot files and keeps the order of the inputs given', async () => {
    const first = await makeTree(['z.txt', '.hidden.txt', '.git/config'])
    const second = await makeTree(['a.txt'])
    expect(await collect([first, second])).toEqual(['z.txt', 'a.txt'])
  })

  it('never walks into the folders it is told to skip', async () => {
    const folder = await makeTree(['news/a.txt', 'output/clean/news/a.txt', 'output/report/index.html', 'outputs.txt'])
    expect(await collect([folder], [join(folder, 'output', 'clean'), join(folder, 'output', 'report')])).toEqual([
      'news/a.txt',
      'outputs.txt',
    ])
  })

  it('yields a missing path so that cleaning it can fail with a reason', async () => {
    expect(await collect(['/nonexistent/news.txt'])).toEqual(['news.txt'])
  })
})

describe('isInShard', () => {
  it('puts every path in exactly one of N parts', () => {
    const paths = Array.from({length: 200}, (_, index) => `folder/${index}.txt`)
    const counts = [1, 2, 3].map((index) => paths.filter((path) => isInShard(path, {index, count: 3})).length)
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(200)
    for (const count of counts) expect(count).toBeGreaterThan(40)
  })
})

describe('compareCodePoints', () => {
  it('orders astral characters after the BMP, unlike UTF-16 order', () => {
    const astral = String.fromCodePoint(0x20000)
    expect(compareCodePoints(astral, '\uffff')).toBeGreaterThan(0)
    expect(astral < '\uffff').toBe(true)
  })
})
