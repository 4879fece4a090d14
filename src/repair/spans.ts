// Where damage may start: a `?` or U+FFFD (what a decoder writes for the lead byte it lost at a
// chunk boundary) before Chinese text, with an independent sign that the text after it is
// misaligned. A `?` followed by ordinary Chinese text is a question and is never a start.
import {isHan} from '../text/han.js'
import {isKnownHan} from './frequency.js'
import {gbkBytes, isPrivateUse, isTrailByte, noCharacter} from './gbk.js'

export type Signal = 'exclamation' | 'private-use' | 'rare-han' | 'ascii-between-han'

// How far after the start the signals are looked for (characters).
const signalReach = 6
// How many characters after the start must include a Han character.
const chineseReach = 5

// The first damage mark at or after `from`, or -1: two indexOf calls, so clean text costs nothing.
export function nextDamageMark(text: string, from: number): number {
  const question = text.indexOf('?', from)
  const replacement = text.indexOf('\ufffd', from)
  if (question === -1) return replacement
  if (replacement === -1) return question
  return Math.min(question, replacement)
}

// Why the text after the mark at `start` looks misaligned, or undefined when it reads as text.
export function damageSignal(text: string, start: number): Signal | undefined {
  const end = Math.min(text.length, start + 1 + signalReach)
  if (!hasHanWithin(text, start + 1, Math.min(end, start + 1 + chineseReach))) return undefined
  const first = text.charCodeAt(start + 1)
  if (first === 0x21 || first === 0xff01) return 'exclamation'
  for (let index = start + 1; index < end; index++) {
    const code = text.charCodeAt(index)
    if (isPrivateUse(code)) return 'private-use'
    if (isHan(code) && !isKnownHan(code) && gbkBytes(code) !== noCharacter) return 'rare-han'
    // Right after the mark a folded full-width form can be any mark; further in, only an ASCII
    // trail byte read alone is what the misalignment makes (`(` or `/` never is one).
    const stray = index === start + 1 ? isStrayAscii(code) : code < 0x80 && isTrailByte(code)
    if (stray && isHanOrStart(text, index - 1, start) && isHan(text.charCodeAt(index + 1))) {
      return 'ascii-between-han'
    }
  }
  return undefined
}

function hasHanWithin(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (isHan(text.charCodeAt(index))) return true
  return false
}

// ASCII that Chinese text does not put between two Han characters: letters and symbols, not
// digits, spaces or the punctuation scrapers fold from full width (questions included).
function isStrayAscii(code: number): boolean {
  if (code <= 0x20 || code >= 0x7f) return false
  if (code >= 0x30 && code <= 0x39) return false
  return (
    code !== 0x2c && code !== 0x2e && code !== 0x3a && code !== 0x3b && code !== 0x22 && code !== 0x3f && code !== 0x21
  )
}

function isHanOrStart(text: string, index: number, start: number): boolean {
  return index === start || isHan(text.charCodeAt(index))
}
