// ModelWindows: the text a damaged span's model learns from stays near the span, so its cost does
// not grow with the document, and suspects near each other share one model.
import {describe, expect, it} from 'vitest'
import {ModelWindows} from '../../src/repair/windows.js'

// Paragraph lengths of a document of `count` paragraphs of `length` code units.
const paragraphs = (count: number, length: number) => Array.from({length: count}, () => length)

// Suspect starts for `count` paragraphs, with one at the start of each paragraph in `damaged`.
const suspectsIn = (count: number, damaged: number[]) =>
  Array.from({length: count}, (_, index) => (damaged.includes(index) ? [0] : []))

const unitsRead = (windows: ModelWindows) =>
  windows.windows.reduce(
    (sum, _, window) => sum + windows.stretches(window).reduce((units, {from, to}) => units + to - from, 0),
    0,
  )

describe('ModelWindows', () => {
  it('learns from a whole short document', () => {
    const windows = new ModelWindows([100, 100, 100], [[10], [], [50]])
    expect(windows.windows).toEqual([{from: 0, to: 300}])
    expect(windows.stretches(0)).toEqual([
      {index: 0, from: 0, to: 100},
      {index: 1, from: 0, to: 100},
      {index: 2, from: 0, to: 100},
    ])
    expect([windows.windowOf(0, 10), windows.windowOf(2, 50)]).toEqual([0, 0])
  })

  it('reads as much text around one suspect in a long document as in a shorter one', () => {
    const short = new ModelWindows(paragraphs(100, 1000), suspectsIn(100, [50]))
    const long = new ModelWindows(paragraphs(1000, 1000), suspectsIn(1000, [500]))
    expect(unitsRead(long)).toBe(unitsRead(short))
    expect(unitsRead(long)).toBeLessThan(100 * 1000)
    expect(long.stretches(0).every(({index}) => Math.abs(index - 500) < 50)).toBe(true)
  })

  it('cuts a paragraph longer than the window to the text around the suspect', () => {
    const windows = new ModelWindows([10, 1_000_000, 10], [[], [500_000], []])
    const [stretch] = windows.stretches(0)
    expect(windows.stretches(0)).toHaveLength(1)
    expect(stretch!.index).toBe(1)
    expect(stretch!.from).toBeLessThan(500_000)
    expect(stretch!.to).toBeGreaterThan(500_000)
    expect(stretch!.to - stretch!.from).toBeLessThan(100_000)
  })

  it('gives suspects near each other one model and suspects far apart their own', () => {
    const windows = new ModelWindows(paragraphs(1000, 1000), suspectsIn(1000, [100, 101, 900]))
    expect(windows.windows).toHaveLength(2)
    expect([windows.windowOf(100, 0), windows.windowOf(101, 0), windows.windowOf(900, 0)]).toEqual([0, 0, 1])
  })

  it('reads at most a few times the text when every paragraph is a suspect', () => {
    const windows = new ModelWindows(paragraphs(1000, 1000), suspectsIn(1000, [...Array(1000).keys()]))
    expect(windows.windows.length).toBeGreaterThan(1)
    expect(unitsRead(windows)).toBeLessThanOrEqual(2 * 1000 * 1000)
  })
})
