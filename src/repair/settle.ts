// What a repair writes for the best reading of a span: every character whose two bytes survived
// as it was read; a guessed character (one byte hidden) only when the models around it are
// clearly sure of it, else U+FFFD. And the check that the reading explains the damage exactly:
// its bytes, read one byte off as the damage read them, give the span as it is.
import {type PathNode, pathNodes} from './beam.js'
import {modelKey} from './frequency.js'
import {gbkBytes, isPrivateUse, noCharacter, pairCharacter} from './gbk.js'
import {type DocumentModel, paragraphStart} from './model.js'
import {pairStep, unclosedPenalty} from './quotes.js'
import {characterStep, formPenalty, type Weights} from './scoring.js'
import {emptyTail, extendTailWith, maxWordLength, tailScore} from './words.js'

export interface Settled {
  // The repair replaces text.slice(start, end).
  end: number
  replacement: string
  // How many U+FFFD it writes (a character no reading was sure of, or a byte lost outright).
  unsure: number
}

export interface SettleContext {
  model: DocumentModel
  weights: Weights
  quoteContinues: boolean
  // Least posterior probability of a guessed character for it to be written.
  certainty: number
}

// The repair of text.slice(start, end) a reading makes, or undefined when it does not explain
// the damage byte for byte.
export function settle(
  text: string,
  start: number,
  end: number,
  last: PathNode | undefined,
  context: SettleContext,
): Settled | undefined {
  const nodes = pathNodes(last)
  if (!roundTrips(nodes, text.slice(start + 1, end))) return undefined
  const codes = nodes.map((node) => node.code)
  const written = [...codes]
  let unsure = 0
  nodes.forEach((node, position) => {
    if (node.candidates && node.candidates.length > 0) {
      const sure = surest(text, start, end, codes, position, node, context)
      written[position] = sure ?? 0xfffd
    } else if (node.candidates) written[position] = 0xfffd
    if (written[position] === 0xfffd) unsure++
  })
  return {end, replacement: String.fromCharCode(...written), unsure}
}

// The guessed character at `position` when its posterior among its candidates, everything else
// as read, reaches the certainty; undefined otherwise.
function surest(
  text: string,
  start: number,
  end: number,
  codes: number[],
  position: number,
  node: PathNode,
  context: SettleContext,
): number | undefined {
  const {model, weights} = context
  const leftStart = Math.max(0, start - maxWordLength)
  const left = text.slice(leftStart, start)
  const right = text.slice(end, end + maxWordLength)
  const sequence = [...charCodes(left), ...codes, ...charCodes(right)]
  const at = left.length + position
  const open = openBefore(text, start, codes, position)
  const after = [...codes.slice(position + 1), ...pairingMarks(text.slice(end))]
  const scores = node.candidates!.map((code) => {
    sequence[at] = code
    let score = node.prior(code) + formPenalty(code) + pairingFrom(open, code, after, context.quoteContinues)
    for (let index = at; index <= Math.min(at + 2, sequence.length - 1); index++) {
      const before = index >= 2 ? modelKey(sequence[index - 2]!) : paragraphStart
      const previous = index >= 1 ? modelKey(sequence[index - 1]!) : paragraphStart
      score += characterStep(model, weights, before, previous, modelKey(sequence[index]!))
    }
    if (weights.words > 0) {
      const from = Math.max(0, at - maxWordLength + 1)
      const window = String.fromCharCode(...sequence.slice(from, at + maxWordLength))
      score += weights.words * tailScore(extendTailWith(emptyTail, window))
    }
    return score
  })
  sequence[at] = codes[position]!
  const best = Math.max(...scores)
  const total = scores.reduce((sum, score) => sum + 10 ** (score - best), 0)
  return 1 / total >= context.certainty ? node.candidates![scores.indexOf(best)] : undefined
}

function charCodes(text: string): number[] {
  return Array.from({length: text.length}, (_, index) => text.charCodeAt(index))
}

function pairingMarks(text: string): number[] {
  return charCodes(text).filter((code) => code === 0x201c || code === 0x201d || code === 0x300a || code === 0x300b)
}

// Which quotes and titles are open before the reading's character at `position`.
function openBefore(text: string, start: number, codes: number[], position: number): number {
  let open = 0
  for (const code of pairingMarks(text.slice(0, start))) open = pairStep(open, code)[1]
  for (const code of codes.slice(0, position)) open = pairStep(open, code)[1]
  return open
}

function pairingFrom(open: number, code: number, after: number[], quoteContinues: boolean): number {
  let [penalty, state] = pairStep(open, code)
  for (const mark of after) {
    const [step, next] = pairStep(state, mark)
    penalty += step
    state = next
  }
  return penalty + unclosedPenalty(state, quoteContinues)
}

// A byte hidden with its pair: the pair was stripped or written as `?`.
const hiddenByte = -1
const hiddenPair = -2

// Whether the reading's bytes, its lost lead dropped and read one byte off, give `observed`.
export function roundTrips(nodes: PathNode[], observed: string): boolean {
  const bytes: number[] = []
  for (const node of nodes) {
    if (node.code === 0xfffd) {
      // Both bytes hidden, or an ASCII byte a decoder swallowed with the byte before it.
      if (node.candidates) bytes.push(hiddenByte, hiddenByte)
      continue
    }
    if (node.code < 0x80) {
      bytes.push(node.code)
      continue
    }
    const pair = gbkBytes(node.code)
    if (pair === noCharacter) return false
    bytes.push(pair >> 8, pair & 0xff)
  }
  return matches(decodeOneOff(bytes.slice(1)), observed)
}

// The characters a GBK decoder writes for the bytes (hiddenPair for a private-use character or a
// pair with a hidden byte, `?` for a byte it cannot pair).
function decodeOneOff(bytes: number[]): number[] {
  const decoded: number[] = []
  let index = 0
  while (index < bytes.length) {
    const byte = bytes[index]!
    const next = bytes[index + 1]
    if (byte === hiddenByte || next === hiddenByte) {
      decoded.push(hiddenPair)
      index += 2
    } else if (byte < 0x80) {
      decoded.push(byte)
      index++
    } else if (next === undefined || next < 0x40) {
      decoded.push(0x3f)
      index++
    } else {
      const code = pairCharacter(byte, next)
      decoded.push(code === noCharacter ? 0x3f : isPrivateUse(code) ? hiddenPair : code)
      index += 2
    }
  }
  return decoded
}

function matches(decoded: number[], observed: string): boolean {
  let at = 0
  for (let index = 0; index < decoded.length; index++) {
    const code = decoded[index]!
    const seen = observed.charCodeAt(at)
    if (code === hiddenPair) {
      // Kept, written as `?`, or stripped: a `?` here that the next character does not explain.
      if (isPrivateUse(seen) || ((seen === 0x3f || seen === 0xfffd) && modelKey(decoded[index + 1] ?? -1) !== seen))
        at++
      continue
    }
    if (modelKey(code) === modelKey(seen) || (code === 0x3f && seen === 0xfffd)) at++
    else return false
  }
  return at === observed.length
}
