// GBK as the damage saw it, byte by byte: which character a lead and trail byte make, which
// bytes a character was, and which pairs a decoder turns into private-use characters (GBK's
// user-defined rows), the ones scrapers strip. The tables are iconv-lite's own GBK codec's,
// computed at build time (build-tables.ts) and read on first use: clean text never needs them.
import {gbkTables, noPair} from './tables.js'

export const firstLead = 0x81
export const lastLead = 0xfe
export const firstTrail = 0x40
export const rowLength = 0xff - firstTrail

// A pair that is not a character of its own (an invalid trail byte, or a code two pairs share).
export const noCharacter = -1

// Where the (lead, trail) pair is in the table of pairs.
export function pairIndex(lead: number, trail: number): number {
  return (lead - firstLead) * rowLength + (trail - firstTrail)
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
  const code = gbkTables().pairs[pairIndex(lead, trail)]!
  return code === noPair ? noCharacter : code
}

// The GBK bytes of a character as (lead << 8) | trail, the byte itself for ASCII, or noCharacter.
export function gbkBytes(code: number): number {
  if (code < 0x80) return code
  return (code <= 0xffff && gbkTables().bytes[code]) || noCharacter
}

// Every pair a GBK decoder reads as a private-use character.
export function privateUsePairs(): readonly number[] {
  privateUse ??= Array.from(gbkTables().privateUse)
  return privateUse
}

let privateUse: readonly number[] | undefined

export function isPrivateUse(code: number): boolean {
  return code >= 0xe000 && code <= 0xf8ff
}
