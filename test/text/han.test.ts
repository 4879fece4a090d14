import {describe, expect, it} from 'vitest'
import {isHan} from '../../src/text/han.js'

describe('isHan', () => {
  it('agrees with \\p{Script=Han} on every code point', () => {
    const han = /\p{Script=Han}/u
    const disagreements: number[] = []
    for (let code = 0; code < 0x110000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue
      if (isHan(code) !== han.test(String.fromCodePoint(code))) disagreements.push(code)
    }
    expect(disagreements).toEqual([])
  })
})
