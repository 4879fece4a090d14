// JSONL inputs (`.jsonl`, `.jsonl.gz`) read as a stream of lines, so a file of several GB is never
// held: the encoding told from the first bytes, the (decompressed) bytes decoded by one stateful
// decoder, the text cut at LF. Which field of a line holds the text is json-field.ts's business.
import {createReadStream} from 'node:fs'
import {pipeline, type Readable, type Transform} from 'node:stream'
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

export interface LinesOptions extends DecodeOptions {
  gzip: boolean
  // Longest line read, in code units; default no limit.
  maxLineLength?: number
}

// The encoding from the first bytes, then the lines of the whole input in it (JSONL records, or
// the paragraphs of a large text file).
export async function openJsonl(path: string | Buffer, options: LinesOptions): Promise<JsonlInput> {
  const decoding = detectEncoding(await readHead(path, options.gzip), {encoding: options.encoding})
  return {decoding, lines: readLines(openInput(path, options.gzip, decoding), options.maxLineLength)}
}

// The bytes of the (decompressed) input, at a stateful decoder: a character split across two
// chunks is joined, never mangled.
function openInput(path: string | Buffer, gzip: boolean, decoding: Decoding): Readable {
  return chain(openBytes(path, gzip), createDecodeStream(decoding))
}

function openBytes(path: string | Buffer, gzip: boolean): Readable {
  const file = createReadStream(path)
  return gzip ? chain(file, createGunzip()) : file
}

// `source` piped into `target`, an error of either (a read error, truncated gzip data) ending
// `target` with it, so whoever reads `target` sees every error, never an uncaught one.
function chain(source: Readable, target: Transform): Transform {
  return pipeline(source, target, () => undefined)
}

// Enough of the start of the input to tell its encoding.
async function readHead(path: string | Buffer, gzip: boolean): Promise<Uint8Array> {
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

// Lines of LF-only text (the decode stream turned CRLF and CR into LF). Each chunk is searched
// once, so a long line costs its length, not its length times its chunks. A line longer than
// `maxLength` code units stops the reading with an error naming it and the limit.
export async function* readLines(
  source: AsyncIterable<string>,
  maxLength = Number.POSITIVE_INFINITY,
): AsyncGenerator<Line> {
  let parts: string[] = []
  let length = 0
  let number = 0
  const take = (piece: string) => {
    length += piece.length
    if (length > maxLength)
      throw new Error(`line ${number + 1} is longer than ${maxLength} characters, the most a paragraph may hold`)
    parts.push(piece)
  }
  const finish = () => {
    const line = parts.length === 1 ? parts[0]! : parts.join('')
    parts = []
    length = 0
    return line
  }
  for await (const chunk of source) {
    let start = 0
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
      take(chunk.slice(start, end))
      yield {line: finish(), ending: '\n', number: ++number}
      start = end + 1
    }
    if (start < chunk.length) take(chunk.slice(start))
  }
  if (length > 0) yield {line: finish(), ending: '', number: ++number}
}
