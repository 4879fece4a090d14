// JSONL inputs (`.jsonl`, `.jsonl.gz`) read as a stream of lines, so a file of several GB is never
// held: the encoding told from the first bytes, the (decompressed) bytes decoded by one stateful
// decoder, the text cut at LF. Which field of a line holds the text is json-field.ts's business.
import {createReadStream} from 'node:fs'
import type {Readable} from 'node:stream'
import {createGunzip} from 'node:zlib'
import type {Decoding} from '../data.js'
import {createDecodeStream, type DecodeOptions, detectEncoding, detectionHeadBytes} from './decode.js'

export function isJsonl(relativePath: string): boolean {
  return /\.jsonl(\.gz)?$/i.test(relativePath)
}

export interface JsonlInput {
  decoding: Decoding
  lines: AsyncGenerator<Line>
}

// The encoding from the first bytes, then the lines of the whole input in it.
export async function openJsonl(path: string, options: DecodeOptions & {gzip: boolean}): Promise<JsonlInput> {
  const decoding = detectEncoding(await readHead(path, options.gzip), {encoding: options.encoding})
  return {decoding, lines: readLines(openInput(path, options.gzip, decoding))}
}

// The bytes of the (decompressed) input, at a stateful decoder: a character split across two
// chunks is joined, never mangled.
function openInput(path: string, gzip: boolean, decoding: Decoding): Readable {
  return openBytes(path, gzip).pipe(createDecodeStream(decoding))
}

function openBytes(path: string, gzip: boolean): Readable {
  const file = createReadStream(path)
  if (!gzip) return file
  const source = file.pipe(createGunzip())
  file.on('error', (error) => source.destroy(error))
  return source
}

// Enough of the start of the input to tell its encoding.
async function readHead(path: string, gzip: boolean): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let size = 0
  const source = openBytes(path, gzip)
  for await (const chunk of source as AsyncIterable<Buffer>) {
    chunks.push(chunk)
    size += chunk.length
    if (size >= detectionHeadBytes) break
  }
  source.destroy()
  return Buffer.concat(chunks).subarray(0, detectionHeadBytes)
}

export interface Line {
  line: string
  // `\n`, or nothing for a last line without a break.
  ending: string
  number: number
}

// Lines of LF-only text (the decode stream turned CRLF and CR into LF).
export async function* readLines(source: AsyncIterable<string>): AsyncGenerator<Line> {
  let rest = ''
  let number = 0
  for await (const chunk of source) {
    rest += chunk
    let start = 0
    for (let end = rest.indexOf('\n', start); end !== -1; end = rest.indexOf('\n', start)) {
      yield {line: rest.slice(start, end), ending: '\n', number: ++number}
      start = end + 1
    }
    rest = rest.slice(start)
  }
  if (rest.length > 0) yield {line: rest, ending: '', number: ++number}
}
