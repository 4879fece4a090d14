// Words (short strings) to numbers, in an open-addressing table over typed arrays that points
// into the text the words come from. A Map of jieba's 350k words cost some 700 ms a thread to
// build, one string a word; here a word is its place in the dictionary's text, and a look-up
// takes a range of any string, so the segmentation asks for each candidate word without slicing.
// Its text and slots are what the build writes to the repair's tables file (tables.ts), and a
// table is made again from them without a step.
export interface WordSlots {
  readonly text: string
  // Per slot, an entry's index plus one (0: an empty slot).
  readonly slots: Int32Array
  // Per entry, where its word starts and ends in `text`, and its value.
  readonly starts: Int32Array
  readonly ends: Int32Array
  readonly values: Float64Array
}

export class WordTable {
  readonly #text: string
  #slots: Int32Array
  #starts: Int32Array
  #ends: Int32Array
  #values: Float64Array
  #size: number

  // `text` holds every word that will be set; room for `expected` of them. Or the slots of a
  // table built before.
  constructor(text: string, expected: number)
  constructor(slots: WordSlots)
  constructor(from: string | WordSlots, expected = 0) {
    if (typeof from === 'string') {
      this.#text = from
      this.#slots = new Int32Array(2 ** Math.ceil(Math.log2(Math.max(2 * expected, 16))))
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
    const slot = this.#slotOf(this.#text, start, end)
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
    if (2 * this.#size > this.#slots.length) this.#growSlots()
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
      if (this.#text.charCodeAt(from + index) !== text.charCodeAt(start + index)) return false
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
      this.#slots[this.#slotOf(this.#text, this.#starts[entry]!, this.#ends[entry]!)] = entry + 1
    }
  }
}

// FNV-1a over the code units.
function hashOf(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5
  for (let index = start; index < end; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193)
  return hash >>> 0
}
