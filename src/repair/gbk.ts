// GBK as the damage saw it, byte by byte: which character a lead and trail byte make, which
// bytes a character was, and which pairs a decoder turns into private-use characters (GBK's
// user-defined rows), the ones scrapers strip. Tables come from iconv-lite's own GBK codec,
// built on first use: clean text never needs them.
import iconv from 'iconv-lite'

const firstLead = 0x81
const lastLead = 0xfe
const firstTrail = 0x40
const rowLength = 0xff - firstTrail

// A pair that is not a character of its own (an invalid trail byte, or a code two pairs share).
export const noCharacter = -1

interface Tables {
  // The code point of each (lead, trail) pair, or noCharacter.
  pairs: Int32Array
  // GBK bytes of each character that has a pair: (lead << 8) | trail.
  bytes: Map<number, number>
  // Pairs ((lead << 8) | trail) that decode to private-use characters.
  privateUse: number[]
}

let tables: Tables | undefined

function build(): Tables {
  const pairs = new Int32Array((lastLead - firstLead + 1) * rowLength).fill(noCharacter)
  const bytes = new Map<number, number>()
  const privateUse: number[] = []
  for (let lead = firstLead; lead <= lastLead; lead++) {
    const row: number[] = []
    for (let trail = firstTrail; trail <= 0xfe; trail++) if (trail !== 0x7f) row.push(lead, trail)
    const decoded = iconv.decode(Buffer.from(row), 'gbk')
    let column = 0
    for (let trail = firstTrail; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      const code = decoded.charCodeAt(column++)
      const pair = (lead << 8) | trail
      if (isPrivateUse(code)) privateUse.push(pair)
      if (bytes.has(code)) {
        resolveSharedCode(pairs, bytes, code, pair)
        continue
      }
      bytes.set(code, pair)
      pairs[index(lead, trail)] = code
    }
  }
  return {pairs, bytes, privateUse}
}

// Two pairs decode to one character: only the pair the encoder writes round-trips.
function resolveSharedCode(pairs: Int32Array, bytes: Map<number, number>, code: number, pair: number): void {
  const encoded = iconv.encode(String.fromCharCode(code), 'gbk')
  const canonical = encoded.length === 2 ? (encoded[0]! << 8) | encoded[1]! : noCharacter
  const earlier = bytes.get(code)!
  if (canonical === pair) {
    pairs[index(earlier >> 8, earlier & 0xff)] = noCharacter
    bytes.set(code, pair)
    pairs[index(pair >> 8, pair & 0xff)] = code
  }
}

function index(lead: number, trail: number): number {
  return (lead - firstLead) * rowLength + (trail - firstTrail)
}

function load(): Tables {
  tables ??= build()
  return tables
}

function isLeadByte(byte: number): boolean {
  return byte >= firstLead && byte <= lastLead
}

export function isTrailByte(byte: number): boolean {
  return byte >= firstTrail && byte <= 0xfe && byte !== 0x7f
}

// The character a lead and a trail byte make, or noCharacter.
export function pairCharacter(lead: number, trail: number): number {
  if (!isLeadByte(lead) || !isTrailByte(trail)) return noCharacter
  return load().pairs[index(lead, trail)]!
}

// The GBK bytes of a character as (lead << 8) | trail, the byte itself for ASCII, or noCharacter.
export function gbkBytes(code: number): number {
  if (code < 0x80) return code
  return load().bytes.get(code) ?? noCharacter
}

// Every pair a GBK decoder reads as a private-use character.
export function privateUsePairs(): readonly number[] {
  return load().privateUse
}

export function isPrivateUse(code: number): boolean {
  return code >= 0xe000 && code <= 0xf8ff
}
