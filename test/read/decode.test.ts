// Decoding: every encoding Chinese news arrives in, with and without BOM and CRLF, whole and
// streamed in chunks of any size. Chinese text comes from the shared files, encoded here.
import {randomBytes} from 'node:crypto'
import {Readable} from 'node:stream'
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {doubtAbout, lowConfidence} from '../../src/data.js'
import {createDecodeStream, DecodeError, decode, detectEncoding} from '../../src/read/decode.js'
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

  it('rejects NUL bytes without a UTF-16 BOM as binary', () => {
    const bytes = iconv.encode(seed.slice(0, 40), 'utf16le')
    expect(() => decode(bytes)).toThrow(DecodeError)
    expect(() => decode(bytes)).toThrow(/binary/)
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
