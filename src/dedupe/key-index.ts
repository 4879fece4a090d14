// 64-bit keys (FormHasher's, key.ts) to numbers, for the per-file tables of the dedupe steps: an
// open-addressing table over typed arrays, probed from the key's low word (which the hash mixes
// well). A key is its two 32-bit words, read from a typed array (`words[at]`, `words[at + 1]`),
// so a look-up makes no BigInt nor boxed number and the table no entry object; a
// `Map<bigint, number>` cost several times as much.

export class KeyIndex {
  // Per slot, the key's low and high words.
  #words: Uint32Array
  // Per slot, its value plus one (0: an empty slot).
  #values: Int32Array
  #size = 0

  // Room for `expected` keys before the table first grows.
  constructor(expected = 512) {
    const slots = 2 ** Math.ceil(Math.log2(Math.max(2 * expected, 16)))
    this.#words = new Uint32Array(2 * slots)
    this.#values = new Int32Array(slots)
  }

  // The value of the key in `words` at `at`, or -1 when it has none.
  get(words: Uint32Array, at = 0): number {
    return this.#values[this.#slotOf(words, at)]! - 1
  }

  // `value` must be 0 or more.
  set(words: Uint32Array, at: number, value: number): void {
    const slot = this.#slotOf(words, at)
    if (this.#values[slot] === 0) {
      this.#words[2 * slot] = words[at]!
      this.#words[2 * slot + 1] = words[at + 1]!
      this.#size++
    }
    this.#values[slot] = value + 1
    if (2 * this.#size > this.#values.length) this.#grow()
  }

  // The slot holding the key, or the empty slot where it goes.
  #slotOf(words: Uint32Array, at: number): number {
    const low = words[at]!
    const high = words[at + 1]!
    const mask = this.#values.length - 1
    let slot = low & mask
    while (this.#values[slot] !== 0 && (this.#words[2 * slot] !== low || this.#words[2 * slot + 1] !== high)) {
      slot = (slot + 1) & mask
    }
    return slot
  }

  #grow(): void {
    const words = this.#words
    const values = this.#values
    this.#words = new Uint32Array(2 * words.length)
    this.#values = new Int32Array(2 * values.length)
    const mask = this.#values.length - 1
    for (let old = 0; old < values.length; old++) {
      if (values[old] === 0) continue
      let slot = words[2 * old]! & mask
      while (this.#values[slot] !== 0) slot = (slot + 1) & mask
      this.#words[2 * slot] = words[2 * old]!
      this.#words[2 * slot + 1] = words[2 * old + 1]!
      this.#values[slot] = values[old]!
    }
  }
}
