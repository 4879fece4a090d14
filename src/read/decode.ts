// Bytes -> text, always UTF-8 semantics with LF line breaks and no BOM. Reads UTF-8 (with or
// without BOM), UTF-16 LE/BE (with BOM, or without when clearly UTF-16), GB18030 (which covers GBK and GB2312) and Big5; a BOM
// decides first, then strict UTF-8, then chardet among GB18030 and Big5, checked against how
// plausible each decoded text is. Bytes that are not text (NUL bytes without a UTF-16 BOM,
// nothing decoding plausibly) are a DecodeError naming the reason. Large inputs go through
// `createDecodeStream`, one stateful decoder for the whole stream: decoding chunk by chunk with
// a fresh decoder each time is exactly what splits a GBK character and misaligns the rest.
import {isAscii, isUtf8 as isWholeUtf8, transcode} from 'node:buffer'
import {Transform, type TransformCallback} from 'node:stream'
import chardet from 'chardet'
import iconv from 'iconv-lite'
import type {Decoding} from '../data.js'
import {hanLogFrequency} from '../repair/frequency.js'

export type DecodeErrorReason = 'binary' | 'undecodable' | 'unsupported-encoding'

export class DecodeError extends Error {
  code = 'decode'
  reason: DecodeErrorReason

  constructor(reason: DecodeErrorReason, message: string) {
    super(message)
    this.name = 'DecodeError'
    this.reason = reason
  }
}

export interface DecodeOptions {
  // Force this encoding (any name iconv-lite knows: gbk, big5, utf-16le, ...) instead of detecting one.
  encoding?: string
}

export interface DetectOptions extends DecodeOptions {
  // Whether `head` is the whole input; when false (default) a character cut at its end is no error.
  whole?: boolean
}

export interface Decoded {
  text: string
  decoding: Decoding
}

// How much of a large input `detectEncoding` needs to decide.
export const detectionHeadBytes = 64 * 1024

export function decode(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const decoding = detectEncoding(bytes, {...options, whole: true})
  return {text: toLf(stripBom(decodeWhole(bytes, decoding.encoding))), decoding}
}

// Where the text starts (past a BOM) when decode() reads the bytes as valid UTF-8, so they are
// the UTF-8 of the text it gives (line breaks aside); undefined for any other input.
export function utf8TextStart(bytes: Uint8Array): number | undefined {
  const bom = bomEncoding(bytes)
  if (bom === 'UTF-8') return isWholeUtf8(bytes) ? 3 : undefined
  if (bom !== undefined || Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(0)) return undefined
  return isWholeUtf8(bytes) ? 0 : undefined
}

// Valid UTF-8 (by far the most common) through the platform's decoders, faster than iconv-lite's;
// anything else, forced UTF-8 with broken bytes included, as iconv-lite reads it.
function decodeWhole(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'UTF-8' && isWholeUtf8(bytes)) return validUtf8Text(bytes)
  const decoder = iconv.getDecoder(iconvName(encoding), {stripBOM: false})
  return decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) + (decoder.end() ?? '')
}

// The encoding of an input from its first bytes (all of them for a small file).
export function detectEncoding(head: Uint8Array, options: DetectOptions = {}): Decoding {
  const bom = bomEncoding(head)
  if (options.encoding) return forcedDecoding(options.encoding, bom)
  if (bom) return {encoding: bom, confidence: 1, bom: true}
  const hasNul = head.includes(0)
  if (!hasNul && isUtf8(head, options.whole ?? false)) return {encoding: 'UTF-8', confidence: 1, bom: false}
  const utf16 = clearUtf16(head)
  if (utf16) return {encoding: utf16, confidence: 0.9, bom: false}
  if (hasNul) {
    throw new DecodeError(
      'binary',
      'binary data (NUL bytes without a UTF-16 BOM), not text; if it is UTF-16 without a BOM, try --encoding utf-16le (or utf-16be)',
    )
  }
  return guessLegacyEncoding(head, options.whole ?? false)
}

// A Transform from bytes to text (strings) in `decoding`: BOM stripped, CRLF and CR turned into
// LF even when a CRLF is split between two chunks.
export function createDecodeStream(decoding: Decoding): Transform {
  const decoder = iconv.getDecoder(iconvName(decoding.encoding), {stripBOM: false})
  let started = false
  let pendingCarriageReturn = false
  function emit(stream: Transform, text: string, final: boolean): void {
    let value = text
    if (!started && value.length > 0) {
      value = stripBom(value)
      started = true
    }
    if (pendingCarriageReturn) value = '\r' + value
    pendingCarriageReturn = !final && value.endsWith('\r')
    if (pendingCarriageReturn) value = value.slice(0, -1)
    if (value.length > 0) stream.push(toLf(value))
  }
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer | string, _encoding: BufferEncoding, callback: TransformCallback) {
      emit(this, decoder.write(typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk), false)
      callback()
    },
    flush(callback: TransformCallback) {
      emit(this, decoder.end() ?? '', true)
      callback()
    },
  })
}

function toLf(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}

type Canonical = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030' | 'Big5'

const iconvNames: Record<Canonical, string> = {
  'UTF-8': 'utf8',
  'UTF-16LE': 'utf16le',
  'UTF-16BE': 'utf16be',
  GB18030: 'gb18030',
  Big5: 'big5',
}

// Names people pass to --encoding, folded (lower case, no punctuation), for the five we detect.
const aliases: Record<string, Canonical> = {
  utf8: 'UTF-8',
  utf16le: 'UTF-16LE',
  utf16be: 'UTF-16BE',
  gb18030: 'GB18030',
  gbk: 'GB18030',
  gb2312: 'GB18030',
  cp936: 'GB18030',
  euccn: 'GB18030',
  big5: 'Big5',
  cp950: 'Big5',
  big5hkscs: 'Big5',
}

function iconvName(encoding: string): string {
  return iconvNames[encoding as Canonical] ?? encoding
}

function forcedDecoding(name: string, bom: Canonical | undefined): Decoding {
  const canonical = aliases[name.toLowerCase().replace(/[^a-z0-9]/g, '')]
  if (canonical) return {encoding: canonical, confidence: 1, bom: bom === canonical}
  if (!iconv.encodingExists(name)) {
    throw new DecodeError(
      'unsupported-encoding',
      `unsupported encoding \`${name}\`; try utf-8, gb18030, big5, utf-16le or utf-16be`,
    )
  }
  return {encoding: name, confidence: 1, bom: false}
}

// UTF-16 without a BOM, told only when the text is clearly UTF-16: read in one byte order nearly
// every unit is a character news is made of (ASCII, CJK, CJK and full-width punctuation), read in
// the other far fewer. GBK, Big5 and UTF-8 bytes read as UTF-16 land in Hangul, surrogates and
// private use, so they never pass.
function clearUtf16(head: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  const units = Math.floor(head.length / 2)
  if (units < 8) return undefined
  const little = textUnitShare(head, units, 0)
  const big = textUnitShare(head, units, 1)
  if (little >= 0.95 && big < 0.5) return 'UTF-16LE'
  if (big >= 0.95 && little < 0.5) return 'UTF-16BE'
  return undefined
}

function textUnitShare(head: Uint8Array, units: number, highFirst: 0 | 1): number {
  let text = 0
  for (let index = 0; index < units; index++) {
    const high = head[index * 2 + 1 - highFirst]!
    const low = head[index * 2 + highFirst]!
    if (isNewsUnit((high << 8) | low)) text++
  }
  return text / units
}

function isNewsUnit(unit: number): boolean {
  if (unit < 0x80) return unit >= 0x20 || unit === 0x09 || unit === 0x0a || unit === 0x0d
  return (
    (unit >= 0x4e00 && unit <= 0x9fff) ||
    (unit >= 0x3000 && unit <= 0x303f) ||
    (unit >= 0xff00 && unit <= 0xffef) ||
    (unit >= 0x2000 && unit <= 0x206f)
  )
}

function bomEncoding(bytes: Uint8Array): Canonical | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'UTF-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE'
  if (bytes[0] === 0x84 && bytes[1] === 0x31 && bytes[2] === 0x95 && bytes[3] === 0x33) return 'GB18030'
  return undefined
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

// Strict UTF-8 (no overlong forms, no surrogates); a sequence cut by the end of a head is fine:
// a streaming decode keeps it for a next chunk that never comes.
const utf8Decoder = new TextDecoder('utf-8', {ignoreBOM: true})

// Valid UTF-8 as text, BOM kept. A text with a byte past ASCII (all Chinese text) is a two-byte
// string whichever decoder reads it, and transcoding its bytes to UTF-16, then copying those in,
// is about 1.6 times as fast as TextDecoder (150 -> 230 MB/s on the bench corpus). ASCII stays
// with TextDecoder, which keeps it a one-byte string; a Node built without ICU has no transcode.
function validUtf8Text(bytes: Uint8Array): string {
  if (transcode === undefined || isAscii(bytes)) return utf8Decoder.decode(bytes)
  return transcode(bytes, 'utf8', 'ucs2').toString('ucs2')
}

// Whether the bytes are valid UTF-8; a character cut at the end of a head that is not the whole
// input still counts. A whole input is checked without building a string.
function isUtf8(bytes: Uint8Array, whole: boolean): boolean {
  if (whole) return isWholeUtf8(bytes)
  try {
    new TextDecoder('utf-8', {fatal: true}).decode(bytes, {stream: !whole})
    return true
  } catch {
    return false
  }
}

interface Reading {
  encoding: 'GB18030' | 'Big5'
  // chardet's confidence, 0..1 (0 when chardet did not name it).
  detector: number
  // Share of decoded characters that no text holds: U+FFFD, controls, private use.
  broken: number
  // Mean log10 frequency of the Han characters read (common text is about -3, mojibake -5).
  hanScore: number
}

// Past this share of broken characters a reading is not text.
const brokenLimit = 0.05

function guessLegacyEncoding(head: Uint8Array, whole: boolean): Decoding {
  const matches = chardet.analyse(head)
  const readings = (['GB18030', 'Big5'] as const).map((encoding): Reading => {
    const text = readHead(head, encoding, whole)
    const detector = (matches.find((match) => match.name === encoding)?.confidence ?? 0) / 100
    return {encoding, detector, ...plausibility(text)}
  })
  const plausible = readings.filter((reading) => reading.broken <= brokenLimit).sort(compareReadings)
  const best = plausible[0]
  if (!best) {
    const named = matches[0] ? ` (it looks most like ${matches[0].name}, which newsclean does not read)` : ''
    throw new DecodeError(
      'undecodable',
      `not text in UTF-8, UTF-16, GB18030 or Big5${named}; force an encoding with --encoding`,
    )
  }
  return {encoding: best.encoding, confidence: confidenceOf(best, plausible[1]), bom: false}
}

function readHead(head: Uint8Array, encoding: Reading['encoding'], whole: boolean): string {
  const decoder = iconv.getDecoder(iconvName(encoding), {stripBOM: false})
  const text = decoder.write(Buffer.from(head.buffer, head.byteOffset, head.byteLength))
  return whole ? text + (decoder.end() ?? '') : text
}

// The better reading first: the one chardet trusts more, unless the other reads far more like text.
function compareReadings(a: Reading, b: Reading): number {
  const byText = b.hanScore - b.broken * 20 - (a.hanScore - a.broken * 20)
  if (Math.abs(byText) > 0.8) return byText
  return b.detector - a.detector || byText
}

function confidenceOf(best: Reading, runnerUp: Reading | undefined): number {
  let confidence = best.detector > 0 ? best.detector : 0.5
  if (best.broken > 0) confidence *= 1 - best.broken * 10
  if (runnerUp && Math.abs(runnerUp.hanScore - best.hanScore) < 0.3 && runnerUp.detector >= best.detector - 0.1)
    confidence *= 0.7
  return Math.max(0, Math.min(1, Math.round(confidence * 100) / 100))
}

function plausibility(text: string): {broken: number; hanScore: number} {
  let characters = 0
  let broken = 0
  let han = 0
  let hanTotal = 0
  for (const character of text) {
    const code = character.codePointAt(0)!
    characters++
    if (isBroken(code)) broken++
    const frequency = hanLogFrequency(code)
    if (frequency !== undefined) {
      han++
      hanTotal += frequency
    }
  }
  return {broken: characters === 0 ? 0 : broken / characters, hanScore: han === 0 ? -7 : hanTotal / han}
}

function isBroken(code: number): boolean {
  if (code === 0xfffd) return true
  if (code < 0x20) return code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c
  if (code >= 0x7f && code < 0xa0) return true
  return code >= 0xe000 && code <= 0xf8ff
}
