import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {readReused} from '../../src/read/reused.js'
import {corpusArticles} from '../helpers.js'

describe('readReused', () => {
  const folder = mkdtempSync(join(tmpdir(), 'newsclean-reused-'))
  const article = join(folder, 'article.txt')
  writeFileSync(article, corpusArticles().slice(0, 50).join('\n'))
  const empty = join(folder, 'empty.txt')
  writeFileSync(empty, '')

  it.each([
    ['a file', article],
    ['an empty file', empty],
    ['a file whose size says nothing (/proc)', '/proc/self/maps'],
  ])('reads %s as readFileSync does', (_, path) => {
    const read = readReused(path)
    const expected = readFileSync(path)
    // /proc/self/maps describes this process, whose mappings may differ from one read to the next.
    if (path.startsWith('/proc')) expect(read.bytes.length).toBeGreaterThan(0)
    else expect(read.bytes).toEqual(expected)
    read.release()
  })

  it('reads the next file into the buffer the last one gave back', () => {
    const first = readReused(article)
    const buffer = first.bytes.buffer
    first.release()
    const second = readReused(article)
    expect(second.bytes.buffer).toBe(buffer)
    second.release()
  })
})
