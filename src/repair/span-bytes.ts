// What the bytes of a misaligned span say. After the mark (the character whose lead byte was
// lost) each character the decoder wrote is a pair of stream bytes: the trail byte of one true
// character and the lead byte of the next. So a true character is the second byte of one pair
// and the first byte of the next: a boundary between two pairs, known whole when both pairs are
// visible. A pair the decoder hid (a private-use character, stripped) sits unseen at some
// boundaries; the lattice (lattice.ts) weighs that. The span ends where an ASCII byte put the
// decoder back in step: a `?` for a lead byte it could not pair (before an ASCII byte below 0x40
// or the paragraph's end), a pair whose second byte is the ASCII byte (0x40 and up), or a trail
// byte from 0x40 read alone (an ASCII letter; inside the span such a letter is a folded
// full-width form, so both are possible), or a hidden pair that took an ASCII letter with it
// (before a letter or digit).
import {isAsciiAlphanumeric} from '../text/char-class.js'
import {gbkBytes, noCharacter} from './gbk.js'

// A byte the text does not show: the lead byte the damage lost, or a trail a `?` hid.
export const unknownByte = -1

// One true character, or more where pairs were hidden: its lead byte (the second of the pair
// before) and its trail byte (the first of the pair after).
export interface Boundary {
  left: number
  right: number
}

// A place the span may end: after its first `after` shared boundaries, one final boundary of its
// own, then `tail` (characters the true text had after it: the swallowed ASCII byte, or U+FFFD
// for one a decoder lost), then the text is in step again from index `end`.
export interface Ending {
  after: number
  last: Boundary
  tail: number[]
  end: number
}

export interface SpanBytes {
  boundaries: Boundary[]
  endings: Ending[]
}

// Longest span read (characters after the mark); a longer one is left with a warning.
export const maxSpan = 240

// The boundaries and possible endings of a span whose mark is at `start`.
export function readSpanBytes(text: string, start: number): SpanBytes {
  const boundaries: Boundary[] = []
  const endings: Ending[] = []
  let left = unknownByte
  for (let index = start + 1; index < text.length && index - start <= maxSpan; index++) {
    const code = text.charCodeAt(index)
    const next = index + 1 < text.length ? text.charCodeAt(index + 1) : -1
    // A pair whose second byte was an ASCII letter the true text had may have been hidden too
    // (GBK's user-defined rows A140-A7A0 take trail bytes from 0x40): the span ended before this
    // letter or digit, with that letter lost.
    if (index > start + 1 && isAsciiAlphanumeric(code))
      endings.push({after: boundaries.length, last: {left, right: unknownByte}, tail: [0xfffd], end: index})
    if (code === 0x3f || code === 0xfffd) {
      const last = {left, right: unknownByte}
      if (next === -1 || (next < 0x40 && next !== 0x3f)) {
        endings.push({after: boundaries.length, last, tail: [], end: index + 1})
        break
      }
      // A decoder that swallowed the ASCII byte after the unpaired lead (the seed's).
      if (next >= 0x80) endings.push({after: boundaries.length, last, tail: [0xfffd], end: index + 1})
      if (code === 0xfffd) break
    }
    const bytes = pairBytes(code)
    if (bytes === noCharacter) break
    const first = bytes >> 8
    const second = bytes & 0xff
    if (second < 0x80) {
      endings.push({after: boundaries.length, last: {left, right: first}, tail: [second], end: index + 1})
      break
    }
    if (code >= 0x40 && code < 0x7f)
      endings.push({after: boundaries.length, last: {left, right: code}, tail: [], end: index + 1})
    boundaries.push({left, right: first})
    left = second
  }
  return {boundaries, endings}
}

// The pair of stream bytes a character of the span was read from (an ASCII mark is a folded
// full-width form), or noCharacter.
function pairBytes(code: number): number {
  if (code > 0x20 && code < 0x7f) return gbkBytes(code + 0xfee0)
  if (code < 0x80) return noCharacter
  const bytes = gbkBytes(code)
  return bytes < 0x100 ? noCharacter : bytes
}
