// Bytes -> text. For now UTF-8 with or without BOM; CRLF and CR become LF. Bytes that are not
// text (NUL bytes, invalid UTF-8) are a DecodeError naming the reason.
import type {Decoding} from '../data.js'

export class DecodeError extends Error {
  code = 'decode'
}

export interface DecodeOptions {
  // Force this encoding instead of detecting one.
  encoding?: string
}

export interface Decoded {
  text: string
  decoding: Decoding
}

const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})

export function decode(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  if (options.encoding && !/^utf-?8$/i.test(options.encoding)) {
    throw new DecodeError(`unsupported encoding \`${options.encoding}\``)
  }
  if (bytes.includes(0)) throw new DecodeError('binary data (NUL bytes), not text')
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  let text: string
  try {
    text = utf8.decode(bom ? bytes.subarray(3) : bytes)
  } catch {
    throw new DecodeError('not valid UTF-8')
  }
  return {text: toLf(text), decoding: {encoding: 'UTF-8', confidence: 1, bom}}
}

export function toLf(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}
