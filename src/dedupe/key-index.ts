// 64-bit keys (xxh64, see key.ts) to numbers, for the per-file tables of the dedupe steps: an
// open-addressing table over typed arrays, probed from the key's low word (which xxh64 mixes
// well). A key is read as its two 32-bit words through a shared BigUint64Array, so a look-up makes
// no BigInt and the table no entry object; a `Map<bigint, number>` cost several times as much.

const keyCell = new BigUint64Array(1)
const keyWords = new Uint32Array(keyCell.buffer)

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

  // The value of `key`, or -1 when it has none.
  get(key: bigint): number {
    return this.#values[this.#slotOf(key)]! - 1
  }

  // `value` must be 0 or more.
  set(key: bigint, value: number): void {
    const slot = this.#slotOf(key)
    if (this.#values[slot] === 0) {
      this.#words[2 * slot] = keyWords[0]!
      this.#words[2 * slot + 1] = keyWords[1]!
      this.#size++
    }
    this.#values[slot] = value + 1
    if (2 * this.#size > this.#values.length) this.#grow()
  }

  // The slot holding `key`, or the empty slot where it goes; leaves its words in `keyWords`.
  #slotOf(key: bigint): number {
    keyCell[0] = key
    const low = keyWords[0]!
    const high = keyWords[1]!
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
