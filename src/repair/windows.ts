// Which text a damaged span's model learns from: the text within `contextUnits` on each side of
// the span, not the whole document, so one suspect in a file of many articles costs what an
// article does. Suspects whose windows overlap share one model while it stays within
// `modelUnits`, so however many suspects a document has, its models read a few times its text.

// Code units on each side of a suspect that its model learns from: an article's worth (nine in
// ten corpus articles are shorter than twice this).
const contextUnits = 6000
// Most code units one shared model learns from.
const modelUnits = 32 * 1024

// A stretch of the document, as offsets into its paragraphs joined end to end.
export interface TextWindow {
  from: number
  to: number
}

// One paragraph's part of a window: paragraph `index`, code units [from, to).
export interface Stretch {
  index: number
  from: number
  to: number
}

export class ModelWindows {
  readonly windows: TextWindow[] = []
  // Where each paragraph starts in the joined text.
  private readonly offsets: number[] = []
  // The window of each suspect, by its offset in the joined text.
  private readonly windowAt = new Map<number, number>()

  // `suspects[index]`: the starts of paragraph `index`'s suspects, in order.
  constructor(lengths: readonly number[], suspects: ReadonlyArray<readonly number[]>) {
    let length = 0
    for (const paragraphLength of lengths) {
      this.offsets.push(length)
      length += paragraphLength
    }
    let current: TextWindow | undefined
    suspects.forEach((starts, index) => {
      for (const start of starts) {
        const at = this.offsets[index]! + start
        const from = Math.max(0, at - contextUnits)
        const to = Math.min(length, at + contextUnits)
        if (!current || from > current.to || to - current.from > modelUnits) {
          current = {from, to}
          this.windows.push(current)
        } else current.to = Math.max(current.to, to)
        this.windowAt.set(at, this.windows.length - 1)
      }
    })
  }

  // The window of the suspect at `start` of paragraph `index`.
  windowOf(index: number, start: number): number {
    return this.windowAt.get(this.offsets[index]! + start)!
  }

  // The paragraphs' parts inside window `window`, in order.
  stretches(window: number): Stretch[] {
    const {from, to} = this.windows[window]!
    const stretches: Stretch[] = []
    for (let index = this.paragraphAt(from); index < this.offsets.length; index++) {
      const offset = this.offsets[index]!
      if (offset >= to && offset > from) break
      const next = this.offsets[index + 1] ?? Number.POSITIVE_INFINITY
      stretches.push({index, from: Math.max(0, from - offset), to: Math.min(next, to) - offset})
    }
    return stretches
  }

  // The last paragraph that starts at or before `offset` (binary search).
  private paragraphAt(offset: number): number {
    let low = 0
    let high = this.offsets.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (this.offsets[middle]! <= offset) low = middle
      else high = middle - 1
    }
    return low
  }
}
