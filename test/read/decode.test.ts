// Decoding: every encoding Chinese news arrives in, with and without BOM and CRLF, whole and
// streamed in chunks of any size. Chinese text comes from the shared files, encoded here.
import {randomBytes} from 'node:crypto'
import {Readable} from 'node:stream'
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {doubtAbout, lowConfidence} from '../../src/data.js'
import {createDecodeStream, DecodeError, decode, detectEncoding, utf8TextStart} from '../../src/read/decode.js'
import {corpusArticles, readFixture} from '../helpers.js'

const seed = readFixture('seed/seed.expected.txt').replaceAll('\ufffd', '1')
const simplified = corpusArticles().slice(0, 3).join('\n') + '\n'
const crlf = (text: string) => text.replaceAll('\n', '\r\n')

const cases: Array<{name: string; text: string; encoding: string; iconvName: string; bom: boolean}> = [
  {name: 'UTF-8', text: seed, encoding: 'UTF-8', iconvName: 'utf8', bom: false},
  {name: 'UTF-8 with BOM', text: seed, encoding: 'UTF-8', iconvName: 'utf8', bom: true},
  {name: 'UTF-16LE with BOM', text: seed, encoding: 'UTF-16LE', iconvName: 'utf16le', bom: true},
  {name: 'UTF-16BE with BOM', text: seed, encoding: 'UTF-16BE', iconvName: 'utf16be', bom: true},
  {name: 'GB18030 (traditional, GBK range)', text: seed, encoding: 'GB18030', iconvName: 'gb18030', bom: false},
  {name: 'GB18030 (simplified)', text: simplified, encoding: 'GB18030', iconvName: 'gb18030', bom: false},
  {name: 'Big5', text: seed, encoding: 'Big5', iconvName: 'big5', bom: false},
]

function encoded(text: string, iconvName: string, bom: boolean): Buffer {
  return iconv.encode(text, iconvName, {addBOM: bom})
}

async function streamed(bytes: Uint8Array, chunkSize: number, encoding: string, bom: boolean): Promise<string> {
  const chunks: Buffer[] = []
  for (let offset = 0; offset < bytes.length; offset += chunkSize)
    chunks.push(Buffer.from(bytes.subarray(offset, offset + chunkSize)))
  let text = ''
  for await (const part of Readable.from(chunks).pipe(createDecodeStream({encoding, confidence: 1, bom})))
    text += part as string
  return text
}

describe('decode', () => {
  for (const {name, text, encoding, iconvName, bom} of cases) {
    for (const lineEnding of ['LF', 'CRLF'] as const) {
      it(`reads ${name} with ${lineEnding} as the same text with LF`, () => {
        const bytes = encoded(lineEnding === 'CRLF' ? crlf(text) : text, iconvName, bom)
        const decoded = decode(bytes)
        expect(decoded.text).toBe(text)
        expect(decoded.decoding.encoding).toBe(encoding)
        expect(decoded.decoding.bom).toBe(bom)
        expect(decoded.decoding.confidence).toBeGreaterThanOrEqual(lowConfidence)
      })
    }
  }

  it('strips a UTF-8 BOM and reports it', () => {
    const decoded = decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a\r\nb')]))
    expect(decoded).toEqual({text: 'a\nb', decoding: {encoding: 'UTF-8', confidence: 1, bom: true}})
  })

  it.each([
    ['ASCII', 'plain ASCII text\n'],
    ['Latin-1 letters', 'caf\u00e9 na\u00efve\n'],
    ['astral characters (surrogate pairs)', 'a\u{20000}\u{1f600}b\n'],
    ['a U+FEFF inside the text', 'x\ufeffy'],
    ['the corpus articles', corpusArticles().join('\n')],
  ])('reads valid UTF-8 with %s exactly as its characters', (_, text) => {
    expect(decode(Buffer.from(text)).text).toBe(text)
    expect(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])).text).toBe(text)
  })

  it('turns a lone CR into LF', () => {
    expect(decode(Buffer.from('a\rb\r\n\rc')).text).toBe('a\nb\n\nc')
  })

  it('reads an empty file as empty UTF-8', () => {
    expect(decode(new Uint8Array())).toEqual({text: '', decoding: {encoding: 'UTF-8', confidence: 1, bom: false}})
  })

  it('uses a forced encoding, by any common name', () => {
    const bytes = encoded(seed, 'gbk', false)
    for (const name of ['gbk', 'GB2312', 'gb18030', 'CP936']) {
      expect(decode(bytes, {encoding: name})).toEqual({
        text: seed,
        decoding: {encoding: 'GB18030', confidence: 1, bom: false},
      })
    }
    expect(decode(encoded(seed, 'big5', false), {encoding: 'big-5'}).text).toBe(seed)
  })

  it('rejects an encoding it does not know, naming it', () => {
    expect(() => decode(Buffer.from('a'), {encoding: 'klingon'})).toThrow(/unsupported encoding `klingon`/)
    try {
      decode(Buffer.from('a'), {encoding: 'klingon'})
    } catch (error) {
      expect(error).toBeInstanceOf(DecodeError)
      expect((error as DecodeError).reason).toBe('unsupported-encoding')
    }
  })

  it.each(['utf16le', 'utf16be'])('reads %s without a BOM when the text is clearly UTF-16', (encoding) => {
    const text = seed.slice(0, 200)
    const decoded = decode(iconv.encode(text, encoding))
    expect(decoded.text).toBe(text.replace(/\r\n?/g, '\n'))
    expect(decoded.decoding.encoding).toBe(encoding === 'utf16le' ? 'UTF-16LE' : 'UTF-16BE')
  })

  it('rejects NUL bytes that are not clearly UTF-16 as binary, pointing to --encoding utf-16le', () => {
    const bytes = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]),
      iconv.encode(seed.slice(0, 8), 'utf16le'),
    ])
    expect(() => decode(bytes)).toThrow(DecodeError)
    expect(() => decode(bytes)).toThrow(/binary.*--encoding utf-16le/)
  })

  it('rejects bytes that decode as nothing plausible', () => {
    const noise = randomBytes(4096).map((byte) => (byte === 0 ? 1 : byte))
    expect(() => decode(noise)).toThrow(DecodeError)
  })

  it('keeps a document whose only non-ASCII is a single GBK character', () => {
    const bytes = encoded(`id 7: ${seed.slice(0, 1)}\n`, 'gb18030', false)
    expect(decode(bytes).text).toBe(`id 7: ${seed.slice(0, 1)}\n`)
  })
})

describe('utf8TextStart', () => {
  // Where the text starts for the inputs decode() reads as UTF-8 with full confidence, and for
  // every other input (another encoding, NUL bytes, a broken sequence) none.
  it.each(
    cases.map(({name, text, iconvName, bom}) => {
      const isUtf8 = iconvName === 'utf8'
      return [name, encoded(text, iconvName, bom), isUtf8 ? (bom ? 3 : 0) : undefined] as const
    }),
  )('%s', (_, bytes, start) => {
    expect(utf8TextStart(bytes)).toBe(start)
    if (start !== undefined) expect(decode(bytes).decoding).toEqual({encoding: 'UTF-8', confidence: 1, bom: start > 0})
  })

  it.each([
    ['a NUL byte', Buffer.from('a\0b')],
    ['a broken sequence', Buffer.from([0x61, 0xe4, 0xb8])],
    ['a BOM before a broken sequence', Buffer.from([0xef, 0xbb, 0xbf, 0xe4, 0xb8])],
  ])('none for %s', (_, bytes) => {
    expect(utf8TextStart(bytes)).toBeUndefined()
  })

  it('past a BOM even with a NUL byte, as decode() reads it', () => {
    const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x00])
    expect(utf8TextStart(bytes)).toBe(3)
    expect(decode(bytes)).toEqual({text: 'a\0', decoding: {encoding: 'UTF-8', confidence: 1, bom: true}})
  })
})

describe('detectEncoding', () => {
  it('accepts a head cut inside a UTF-8 character', () => {
    const bytes = Buffer.from(seed)
    expect(detectEncoding(bytes.subarray(0, 4)).encoding).toBe('UTF-8')
    expect(detectEncoding(bytes.subarray(0, 1000)).encoding).toBe('UTF-8')
  })

  it('detects GB18030 from the first 64 KiB of a larger file', () => {
    const bytes = encoded(corpusArticles().join('\n'), 'gb18030', false)
    expect(detectEncoding(bytes.subarray(0, 65536)).encoding).toBe('GB18030')
  })

  it('names a low-confidence guess as a doubt and a sure one not', () => {
    expect(doubtAbout({encoding: 'Big5', confidence: 0.3, bom: false})).toMatch(
      /Low-confidence encoding guess `Big5` \(30%\)/,
    )
    expect(doubtAbout({encoding: 'GB18030', confidence: 0.9, bom: false})).toBeUndefined()
  })
})

describe('createDecodeStream', () => {
  for (const {name, text, encoding, iconvName, bom} of cases) {
    it(`streams ${name} with CRLF in chunks of 1, 2, 3, 7 and 4096 bytes`, async () => {
      const bytes = encoded(crlf(text), iconvName, bom)
      for (const size of [1, 2, 3, 7, 4096]) expect(await streamed(bytes, size, encoding, bom)).toBe(text)
    })
  }

  it('joins a CRLF split between two chunks into one LF', async () => {
    const chunks = [Buffer.from('a\r'), Buffer.from('\nb\r'), Buffer.from('c\r')]
    let text = ''
    for await (const part of Readable.from(chunks).pipe(
      createDecodeStream({encoding: 'UTF-8', confidence: 1, bom: false}),
    ))
      text += part as string
    expect(text).toBe('a\nb\nc\n')
  })

  it('never splits a GBK character however the chunks fall (the damage this issue repairs)', async () => {
    const bytes = encoded(seed, 'gb18030', false)
    for (const size of [1, 3, 5]) {
      const text = await streamed(bytes, size, 'GB18030', false)
      expect(text).toBe(seed)
      expect(text).not.toMatch(/[?\ufffd]/)
    }
  })
})
