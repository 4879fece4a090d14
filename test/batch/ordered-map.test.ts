import {describe, expect, it} from 'vitest'
import {mapInOrder} from '../../src/batch/ordered-map.js'

async function* numbers(count: number, taken: {count: number}): AsyncGenerator<number> {
  for (let index = 0; index < count; index++) {
    taken.count++
    yield index
  }
}

describe('mapInOrder', () => {
  it('yields results in input order even when later items finish first', async () => {
    const taken = {count: 0}
    const results: number[] = []
    const delays = [30, 1, 20, 1, 5, 1]
    const work = (index: number) =>
      new Promise<number>((resolve) => setTimeout(() => resolve(index * 10), delays[index]))
    for await (const result of mapInOrder(numbers(6, taken), 3, work)) results.push(result)
    expect(results).toEqual([0, 10, 20, 30, 40, 50])
  })

  it('never takes more than `limit` items ahead of what it has handed on', async () => {
    const taken = {count: 0}
    let handedOn = 0
    let widest = 0
    const work = async (index: number) => index
    for await (const _ of mapInOrder(numbers(1000, taken), 4, work)) {
      handedOn++
      widest = Math.max(widest, taken.count - handedOn)
    }
    expect(handedOn).toBe(1000)
    expect(widest).toBeLessThanOrEqual(4)
  })
})
