import {describe, expect, it} from 'vitest'
import {type ClaimMessage, OrderedClaims} from '../../src/batch/claims.js'
import {type CompactAnswers, expandAnswers, MemorySeenStore} from '../../src/dedupe/store.js'

function claimOf(document: number, key: bigint, last = true): ClaimMessage {
  const path = `${document}.txt`
  return {type: 'claim', id: 0, document, path, keys: BigUint64Array.of(key), lines: Uint32Array.of(1), last}
}

// The order answers come in, as `document:answered path or new`.
function recorder() {
  const order: string[] = []
  const track = (document: number, answer: Promise<CompactAnswers>) =>
    answer.then((answers) => order.push(`${document}:${expandAnswers(answers)[0]?.path ?? 'new'}`))
  return {order, track}
}

describe('OrderedClaims', () => {
  it('answers claims in batch order, whatever order they arrive in', async () => {
    const claims = new OrderedClaims(new MemorySeenStore())
    const {order, track} = recorder()
    const later = [track(2, claims.claim(claimOf(2, 7n))), track(1, claims.claim(claimOf(1, 7n)))]
    await Promise.resolve()
    expect(order).toEqual([])
    await Promise.all([track(0, claims.claim(claimOf(0, 7n))), ...later])
    // The first to arrive was answered last: the key's first copy is document 0's.
    expect(order.sort()).toEqual(['0:new', '1:0.txt', '2:0.txt'])
  })

  it('waits for a document that claims many times (a JSONL file) until its result closes it', async () => {
    const claims = new OrderedClaims(new MemorySeenStore())
    const {order, track} = recorder()
    const first = track(0, claims.claim(claimOf(0, 1n, false)))
    const next = track(1, claims.claim(claimOf(1, 1n)))
    await first
    const second = track(0, claims.claim(claimOf(0, 2n, false)))
    await second
    expect(order).toEqual(['0:new', '0:new'])
    claims.close(0)
    await next
    expect(order).toEqual(['0:new', '0:new', '1:0.txt'])
  })

  it('goes past a document that never claims (it failed) once its result is in', async () => {
    const claims = new OrderedClaims(new MemorySeenStore())
    const {order, track} = recorder()
    const waiting = track(1, claims.claim(claimOf(1, 3n)))
    claims.close(0)
    await waiting
    expect(order).toEqual(['1:new'])
    claims.close(1)
    await track(2, claims.claim(claimOf(2, 3n)))
    expect(order).toEqual(['1:new', '2:1.txt'])
  })
})
