import {mkdir, mkdtemp, readdir, readFile, stat, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {writeFileAtomic} from '../../src/write/atomic.js'

describe('writeFileAtomic', () => {
  it('never lets a reader see a partial file', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'newsclean-write-'))
    const target = join(folder, 'big.txt')
    const content = Buffer.alloc(64 * 1024 * 1024, 0x61)
    const sizesSeen = new Set<number>()
    let writing = true
    const watching = (async () => {
      while (writing) {
        const size = await stat(target).then(
          (stats) => stats.size,
          () => -1,
        )
        sizesSeen.add(size)
        await new Promise((resolve) => setImmediate(resolve))
      }
    })()
    await writeFileAtomic(target, content)
    writing = false
    await watching
    for (const size of sizesSeen) expect([-1, content.length]).toContain(size)
    expect((await readFile(target)).equals(content)).toBe(true)
    expect(await readdir(folder)).toEqual(['big.txt'])
  })

  it('replaces an existing file whole', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'newsclean-write-'))
    const target = join(folder, 'a.txt')
    await writeFile(target, 'old content that is longer')
    await writeFileAtomic(target, 'new')
    expect(await readFile(target, 'utf8')).toBe('new')
  })

  it('leaves no temporary file behind when the rename fails', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'newsclean-write-'))
    const target = join(folder, 'taken')
    await mkdir(join(target, 'inside'), {recursive: true})
    await expect(writeFileAtomic(target, 'text')).rejects.toThrow()
    expect(await readdir(folder)).toEqual(['taken'])
  })

  it('creates missing folders', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'newsclean-write-'))
    const target = join(folder, 'a', 'b', 'c.txt')
    await writeFileAtomic(target, 'x')
    expect(await readFile(target, 'utf8')).toBe('x')
  })
})
