// What each character of a misaligned run could have been in the byte stream. The damage model:
// a GBK stream lost a lead byte, and the decoder read every later pair one byte off until an
// ASCII byte put it back in step; scrapers then folded full-width forms to ASCII and stripped
// private-use characters. So each character after the mark is a pair of stream bytes whose first
// byte was the trail of one true character and whose second was the lead of the next; a pair that
// did not decode (`?`) or was stripped hid two bytes, and the run ends at an ASCII byte.
import {logFrequency, modelKey} from './frequency.js'
import {gbkBytes, isPrivateUse, noCharacter, pairCharacter, privateUsePairs} from './gbk.js'

export type Reading =
  | {kind: 'pair'; first: number; second: number}
  // A pair that did not decode (`?`): like a stripped pair, two bytes hidden.
  | {kind: 'hidden'}
  // An ASCII trail byte the decoder read alone: the stream is back in step after it.
  | {kind: 'single'; byte: number}
  // A pair whose trail was an ASCII character of the true text.
  | {kind: 'swallowed'; first: number; ascii: number}
  // A byte the decoder could not pair: `lost` when it swallowed the ASCII byte after it too.
  | {kind: 'invalid'; lost: boolean}

export type Ending = Exclude<Reading, {kind: 'pair'} | {kind: 'hidden'}>

// The lead byte a character waits for: a byte, or a code for a set of bytes it could have been.
export type Dangling = number
// The lead byte the damage lost: any lead.
export const lostLead: Dangling = -2
// The trail byte of a hidden pair whose lead byte was `first` (see hiddenFirstBytes).
export function hiddenAfter(first: number): Dangling {
  return -(0x1000 + first)
}

// What the character at `index` could have been in the misaligned stream; undefined when no
// misaligned decoder could have written it (a space, a control, a character GBK lacks).
export function readingsAt(text: string, index: number, hiddenPairs: boolean): Reading[] | undefined {
  const code = text.charCodeAt(index)
  const following = index + 1 < text.length ? text.charCodeAt(index + 1) : -1
  const atEnd = following === -1
  const beforeAsciiByte = atEnd || (following < 0x40 && following !== 0x3f)
  if (code === 0x3f || code === 0xfffd) {
    const readings: Reading[] = []
    if (code === 0x3f) readings.push(pairReading(0xff1f))
    if (hiddenPairs && !atEnd) readings.push({kind: 'hidden'})
    if (!atEnd) readings.push({kind: 'invalid', lost: true})
    if (beforeAsciiByte) readings.push({kind: 'invalid', lost: false})
    return readings
  }
  if (code > 0x20 && code < 0x7f) {
    const readings: Reading[] = [pairReading(code + 0xfee0)]
    if (code >= 0x40) readings.push({kind: 'single', byte: code})
    return readings
  }
  const bytes = gbkBytes(code)
  if (bytes === noCharacter || bytes < 0x100) return undefined
  const readings: Reading[] = [{kind: 'pair', first: bytes >> 8, second: bytes & 0xff}]
  const trail = bytes & 0xff
  if (trail >= 0x40 && trail < 0x7f) readings.push({kind: 'swallowed', first: bytes >> 8, ascii: trail})
  return readings
}

function pairReading(code: number): Reading {
  const bytes = gbkBytes(code)
  return {kind: 'pair', first: bytes >> 8, second: bytes & 0xff}
}

export function isTextCharacter(code: number): boolean {
  return code !== noCharacter && !isPrivateUse(code)
}

// Characters too rare to be guessed from one byte: a guess among them is never sure.
const guessableFrequency = -7

function isGuessable(code: number): boolean {
  return isTextCharacter(code) && logFrequency(modelKey(code)) > guessableFrequency
}

// The marks a stream is cut after (a sentence stop or pause), tried for a lost lead whose trail
// was hidden too.
export const lostLeadMarks = [0x3002, 0xff0c, 0xff01, 0xff1f, 0xff1b]

export function isSentenceMark(code: number): boolean {
  return lostLeadMarks.includes(code)
}

const leadSets = new Map<number, readonly number[]>()
const emittedCache = new Map<number, readonly number[]>()

// The lead bytes a dangling code stands for.
function leadsOf(dangling: Dangling): readonly number[] {
  let leads = leadSets.get(dangling)
  if (leads) return leads
  if (dangling === lostLead) leads = Array.from({length: 0xfe - 0x81 + 1}, (_, offset) => 0x81 + offset)
  else {
    const first = -dangling - 0x1000
    leads = privateUsePairs()
      .filter((pair) => pair >> 8 === first && (pair & 0xff) >= 0x81)
      .map((pair) => pair & 0xff)
  }
  leadSets.set(dangling, leads)
  return leads
}

// The characters a dangling lead and a trail byte make (each lead of the set when the lead is
// not known).
export function emitted(dangling: Dangling, trail: number): readonly number[] {
  if (dangling >= 0) {
    const code = pairCharacter(dangling, trail)
    return isTextCharacter(code) ? [code] : []
  }
  const key = dangling * 0x100 - trail
  let codes = emittedCache.get(key)
  if (!codes) {
    codes = leadsOf(dangling)
      .map((lead) => pairCharacter(lead, trail))
      .filter(isGuessable)
    emittedCache.set(key, codes)
  }
  return codes
}

let firstBytes: readonly number[] | undefined

// The first bytes of the pairs a decoder hides (private-use, stripped or written as `?`) that a
// true trail byte can be, the next true lead byte being the second.
export function hiddenFirstBytes(): readonly number[] {
  firstBytes ??= [
    ...new Set(
      privateUsePairs()
        .filter((pair) => (pair & 0xff) >= 0x81)
        .map((pair) => pair >> 8),
    ),
  ]
  return firstBytes
}

const unknownTrailCache = new Map<number, readonly number[]>()

// The characters a known lead and any trail byte from 0x81 make (the byte an invalid pair hid:
// a byte below 0x80 would have been read alone).
export function emittedWithUnknownTrail(dangling: Dangling): readonly number[] {
  if (dangling < 0) return []
  let codes = unknownTrailCache.get(dangling)
  if (!codes) {
    codes = []
    for (let trail = 0x81; trail <= 0xfe; trail++) {
      const code = pairCharacter(dangling, trail)
      if (isGuessable(code)) (codes as number[]).push(code)
    }
    unknownTrailCache.set(dangling, codes)
  }
  return codes
}

// The characters a known lead makes with each first byte of a hidden pair as its trail, with
// that byte.
export function emittedBeforeHidden(dangling: Dangling): ReadonlyArray<readonly [number, number]> {
  if (dangling < 0) return []
  const made: Array<readonly [number, number]> = []
  for (const first of hiddenFirstBytes()) {
    const code = pairCharacter(dangling, first)
    if (isGuessable(code)) made.push([code, first])
  }
  return made
}
