// The CLI on random inputs: random bytes, real text in every encoding it reads (and some it does
// not), odd file names (bytes that are not UTF-8 included) and random options. Whatever it meets,
// it prints no stack trace, exits 0, 1 or 2, and leaves every input byte for byte as it was.
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {gzipSync} from 'node:zlib'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {corpusArticles, root} from '../helpers.js'

const cli = join(root, 'dist', 'cli.js')
const articles = corpusArticles()

const encodings = ['utf8', 'gb18030', 'big5', 'utf16le', 'utf16be', 'shift_jis'] as const

const content = fc.oneof(
  fc.uint8Array({maxLength: 2000}).map((bytes) => Buffer.from(bytes)),
  fc
    .record({
      article: fc.integer({min: 0, max: articles.length - 1}),
      length: fc.integer({min: 0, max: 400}),
      encoding: fc.constantFrom(...encodings),
      bom: fc.boolean(),
      cut: fc.integer({min: 0, max: 3}),
    })
    .map(({article, length, encoding, bom, cut}) => {
      const bytes = iconv.encode(articles[article]!.slice(0, length), encoding, {addBOM: bom})
      return bytes.subarray(0, Math.max(0, bytes.length - cut))
    }),
)

// A name's bytes: anything but NUL and `/`, after a leading `f` (never `.`, `..` or hidden).
const name = fc
  .uint8Array({minLength: 0, maxLength: 12})
  .map((bytes) => Buffer.concat([Buffer.from('f'), Buffer.from(bytes.filter((byte) => byte !== 0 && byte !== 0x2f))]))

const extension = fc.constantFrom('.txt', '.html', '.jsonl', '.jsonl.gz', '')

const file = fc.record({name, extension, content, asJsonl: fc.boolean()})

const options = fc.subarray([
  '--check',
  '--concurrency=1',
  '--concurrency=2',
  '--follow-symlinks',
  '--across-files',
  '-q',
])

function digest(folder: string): Record<string, string> {
  const entries = readdirSync(Buffer.from(folder), {recursive: true, withFileTypes: true, encoding: 'buffer'})
  return Object.fromEntries(
    entries
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = Buffer.concat([Buffer.from(entry.parentPath), Buffer.from('/'), entry.name])
        return [path.toString('hex'), createHash('sha256').update(readFileSync(path)).digest('hex')]
      }),
  )
}

describe('newsclean on random inputs', () => {
  it('never prints a stack trace, exits 0, 1 or 2 and never changes an input', () => {
    fc.assert(
      fc.property(fc.array(file, {minLength: 1, maxLength: 4}), options, (files, flags) => {
        const work = mkdtempSync(join(tmpdir(), 'newsclean-property-'))
        try {
          const input = join(work, 'in')
          mkdirSync(input)
          for (const {name, extension, content, asJsonl} of files) {
            const body = asJsonl ? Buffer.from(JSON.stringify({text: content.toString('latin1')}) + '\n') : content
            const bytes = extension === '.jsonl.gz' ? gzipSync(body) : body
            writeFileSync(Buffer.concat([Buffer.from(input + '/'), name, Buffer.from(extension)]), bytes)
          }
          const before = digest(input)
          const ran = spawnSync(process.execPath, [cli, 'in', '-o', 'out', '-r', 'report', ...flags], {
            cwd: work,
            encoding: 'utf8',
            timeout: 60_000,
          })
          expect(ran.signal).toBeNull()
          expect(ran.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$|node:internal|Unhandled/m)
          expect([0, 1, 2]).toContain(ran.status)
          expect(digest(input)).toEqual(before)
        } finally {
          rmSync(work, {recursive: true, force: true})
        }
      }),
      {numRuns: 30},
    )
    // Thirty real processes: minutes on a loaded machine, not the default minute.
  }, 300_000)
})
