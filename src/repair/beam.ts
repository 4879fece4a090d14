// The beam the span search keeps: readings of the span so far, each a state that the rest of the
// reading depends on (the byte waiting for its pair, the last characters, the open quotes, the
// word being built), with the characters read as a linked list so a step costs nothing per
// character already read. States alike in what follows are merged; only the best few are kept.
import type {Dangling} from './readings.js'
import type {WordTail} from './words.js'

// One character of a reading, after its parent.
export interface PathNode {
  readonly code: number
  // The characters a guessed character could have been (one of its bytes unknown), else undefined.
  readonly candidates: readonly number[] | undefined
  // log10 prior of the choice among the candidates (a sentence stop for a lost lead).
  readonly prior: (code: number) => number
  readonly parent: PathNode | undefined
}

export interface State {
  dangling: Dangling
  // The model keys of the last two characters.
  before: number
  previous: number
  // Open quotes and titles (see pairStep).
  open: number
  words: WordTail
  // Hidden pairs read so far.
  hidden: number
  score: number
  mass: number
  last: PathNode | undefined
}

// The characters of a path, first to last.
export function pathNodes(last: PathNode | undefined): PathNode[] {
  const nodes: PathNode[] = []
  for (let node = last; node; node = node.parent) nodes.push(node)
  return nodes.reverse()
}

// Beam: states kept per step, and how far (log10) behind the best one they may be.
export const beamWidth = 32
const beamDepth = 10

export class StateSet {
  private readonly states = new Map<string, State>()

  add(state: State): void {
    const key = `${state.dangling},${state.before},${state.previous},${state.open},${state.words.chars}`
    const known = this.states.get(key)
    if (!known) {
      this.states.set(key, state)
      return
    }
    const mass = logAdd(known.mass, state.mass)
    if (state.score > known.score) this.states.set(key, {...state, mass})
    else known.mass = mass
  }

  pruned(width = beamWidth): State[] {
    const ranked = [...this.states.values()].sort((a, b) => b.score - a.score)
    const floor = (ranked[0]?.score ?? 0) - beamDepth
    return ranked.filter((state, rank) => rank < width && state.score >= floor)
  }
}

// log10(10^a + 10^b) without overflow.
export function logAdd(a: number, b: number): number {
  const high = Math.max(a, b)
  if (high === -Infinity) return high
  return high + Math.log10(10 ** (a - high) + 10 ** (b - high))
}
