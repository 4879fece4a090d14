// Words (short strings) to numbers, in an open-addressing table over typed arrays that points
// into the text the words come from. A Map of jieba's 350k words cost some 700 ms a thread to
// build, one string a word; here a word is its place in the dictionary's text, and a look-up
// takes a range of any string, so the segmentation asks for each candidate word without slicing.
// Its text and slots are what the build writes to the repair's tables file (tables.ts), and a
// table is made again from them without a step. Up to three slots in four are used.
export interface WordSlots {
  // The words' code units.
  readonly text: Uint16Array
  // Per slot, an entry's index plus one (0: an empty slot).
  readonly slots: Int32Array
  // Per entry, where its word starts and ends in `text`, and its value.
  readonly starts: Int32Array
  readonly ends: Int32Array
  readonly values: Float64Array
}

export class WordTable {
  readonly #text: Uint16Array
  #slots: Int32Array
  #starts: Int32Array
  #ends: Int32Array
  #values: Float64Array
  #size: number

  // `text` holds every word that will be set; room for `expected` of them. Or the slots of a
  // table built before.
  constructor(text: Uint16Array, expected: number)
  constructor(slots: WordSlots)
  constructor(from: Uint16Array | WordSlots, expected = 0) {
    if (from instanceof Uint16Array) {
      this.#text = from
      this.#slots = new Int32Array(2 ** Math.ceil(Math.log2(Math.max((4 * expected) / 3, 16))))
      this.#starts = new Int32Array(expected)
      this.#ends = new Int32Array(expected)
      this.#values = new Float64Array(expected)
      this.#size = 0
    } else {
      this.#text = from.text
      this.#slots = from.slots
      this.#starts = from.starts
      this.#ends = from.ends
      this.#values = from.values
      this.#size = from.starts.length
    }
  }

  // Sets the word text[start, end) (of the constructor's text) to `value`, as Map.set does.
  set(start: number, end: number, value: number): void {
    const slot = this.#slotOf(this.#word(start, end), 0, end - start)
    const entry = this.#slots[slot]! - 1
    if (entry !== -1) {
      this.#values[entry] = value
      return
    }
    if (this.#size === this.#starts.length) this.#growEntries()
    this.#starts[this.#size] = start
    this.#ends[this.#size] = end
    this.#values[this.#size] = value
    this.#slots[slot] = ++this.#size
    if (4 * this.#size > 3 * this.#slots.length) this.#growSlots()
  }

  // The value of the word text[start, end) of any string, or undefined.
  get(text: string, start: number, end: number): number | undefined {
    const entry = this.#slots[this.#slotOf(text, start, end)]! - 1
    return entry === -1 ? undefined : this.#values[entry]
  }

  slots(): WordSlots {
    return {
      text: this.#text,
      slots: this.#slots,
      starts: this.#starts.subarray(0, this.#size),
      ends: this.#ends.subarray(0, this.#size),
      values: this.#values.subarray(0, this.#size),
    }
  }

  // The slot holding the word, or the empty slot where it would go.
  #slotOf(text: string, start: number, end: number): number {
    const mask = this.#slots.length - 1
    let slot = hashOf(text, start, end) & mask
    for (;;) {
      const entry = this.#slots[slot]! - 1
      if (entry === -1 || this.#holds(entry, text, start, end)) return slot
      slot = (slot + 1) & mask
    }
  }

  #holds(entry: number, text: string, start: number, end: number): boolean {
    const from = this.#starts[entry]!
    if (this.#ends[entry]! - from !== end - start) return false
    for (let index = 0; index < end - start; index++) {
      if (this.#text[from + index] !== text.charCodeAt(start + index)) return false
    }
    return true
  }

  #growEntries(): void {
    const grown = (array: Int32Array) => {
      const larger = new Int32Array(array.length * 2)
      larger.set(array)
      return larger
    }
    this.#starts = grown(this.#starts)
    this.#ends = grown(this.#ends)
    const values = new Float64Array(this.#values.length * 2)
    values.set(this.#values)
    this.#values = values
  }

  #growSlots(): void {
    this.#slots = new Int32Array(this.#slots.length * 2)
    for (let entry = 0; entry < this.#size; entry++) {
      const word = this.#word(this.#starts[entry]!, this.#ends[entry]!)
      this.#slots[this.#slotOf(word, 0, word.length)] = entry + 1
    }
  }

  // A word of the table's own text as a string (building only: look-ups take ranges).
  #word(start: number, end: number): string {
    return String.fromCharCode(...this.#text.subarray(start, end))
  }
}

// The code units of a text, for a table's own text.
export function codeUnitsOf(text: string): Uint16Array {
  const units = new Uint16Array(text.length)
  for (let index = 0; index < text.length; index++) units[index] = text.charCodeAt(index)
  return units
}

// FNV-1a over the code units.
function hashOf(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5
  for (let index = start; index < end; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193)
  return hash >>> 0
}
