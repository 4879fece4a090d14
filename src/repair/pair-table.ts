// A number per pair of BMP characters, in an open-addressing table over typed arrays: building
// a Map of 300k number keys was half of reading the dictionary (some 300 ms a thread), and every
// look-up of the repair's search goes through it. Its slots are what the build writes to the
// repair's tables file (tables.ts), and a table is made again from them without a step. Up to
// three slots in four are used: the dictionary's 300k pairs fit in 2^19 (6 MB to read, not 12).
export interface PairSlots {
  // Per slot, first << 16 | second, or `empty` (U+FFFF twice: not a character).
  readonly keys: Uint32Array
  readonly values: Float64Array
}

export class PairTable {
  #keys: Uint32Array
  #values: Float64Array
  #mask: number
  // Pairs in the table; counted on the first add to a table made from slots (a loaded table is
  // only read, and counting its half a million slots once, in the interpreter, costs 30-70 ms).
  #size: number | undefined

  // Room for `expected` pairs, or the slots of a table built before.
  constructor(from: number | PairSlots) {
    if (typeof from === 'number') {
      const slots = 2 ** Math.ceil(Math.log2(Math.max((4 * from) / 3, 16)))
      this.#keys = new Uint32Array(slots).fill(empty)
      this.#values = new Float64Array(slots)
      this.#size = 0
    } else {
      this.#keys = from.keys
      this.#values = from.values
      this.#size = undefined
    }
    this.#mask = this.#keys.length - 1
  }

  add(first: number, second: number, amount: number): void {
    const key = pairKey(first, second)
    let slot = this.#slotOf(key)
    if (this.#keys[slot] === empty) {
      this.#size ??= this.#keys.reduce((size, key) => (key === empty ? size : size + 1), 0)
      if (4 * (this.#size + 1) > 3 * this.#keys.length) {
        this.#grow()
        slot = this.#slotOf(key)
      }
      this.#keys[slot] = key
      this.#size++
    }
    this.#values[slot]! += amount
  }

  // The pair's number; 0 for a pair never added (or a character beyond the BMP, which the
  // dictionary's code units never are).
  get(first: number, second: number): number {
    if (first > 0xffff || second > 0xffff) return 0
    const slot = this.#slotOf(pairKey(first, second))
    return this.#keys[slot] === empty ? 0 : this.#values[slot]!
  }

  // Each pair's number divided by `byFirst` of its first character.
  divideByFirst(byFirst: Float64Array): void {
    for (let slot = 0; slot < this.#keys.length; slot++) {
      const key = this.#keys[slot]!
      if (key !== empty) this.#values[slot] = this.#values[slot]! / byFirst[key >>> 16]!
    }
  }

  slots(): PairSlots {
    return {keys: this.#keys, values: this.#values}
  }

  // The slot holding `key`, or the empty slot where it would go.
  // Fibonacci hashing: the product's high bits (its low bits depend on the second character
  // alone, which crowds a table this full).
  #slotOf(key: number): number {
    let slot = Math.imul(key, 0x9e3779b1) >>> Math.clz32(this.#mask)
    for (;;) {
      slot &= this.#mask
      const found = this.#keys[slot]!
      if (found === key || found === empty) return slot
      slot++
    }
  }

  #grow(): void {
    const keys = this.#keys
    const values = this.#values
    this.#keys = new Uint32Array(keys.length * 2).fill(empty)
    this.#values = new Float64Array(keys.length * 2)
    this.#mask = keys.length * 2 - 1
    for (let slot = 0; slot < keys.length; slot++) {
      if (keys[slot] === empty) continue
      const target = this.#slotOf(keys[slot]!)
      this.#keys[target] = keys[slot]!
      this.#values[target] = values[slot]!
    }
  }
}

const empty = 0xffffffff

function pairKey(first: number, second: number): number {
  return ((first << 16) | second) >>> 0
}
