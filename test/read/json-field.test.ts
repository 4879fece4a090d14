import {describe, expect, it} from 'vitest'
import {findStringField, spliceStringField} from '../../src/read/json-field.js'

const cases: Array<{line: string; field: string; value: string | undefined}> = [
  {line: '{"text":"abc"}', field: 'text', value: '"abc"'},
  {
    line: ' { "id" : 12345678901234567890 , "text" : "a\\"b\\\\" , "x":[1,{"text":"no"}]}',
    field: 'text',
    value: '"a\\"b\\\\"',
  },
  {line: '{"meta":{"text":"nested"},"text":"top"}', field: 'text', value: '"top"'},
  {line: '{"a":"}{][","text":"v"}', field: 'text', value: '"v"'},
  {line: '{"te\\u0078t":"escaped key"}', field: 'text', value: '"escaped key"'},
  {line: '{"text":42}', field: 'text', value: undefined},
  {line: '{"body":"x"}', field: 'text', value: undefined},
  {line: '["text","x"]', field: 'text', value: undefined},
  {line: '{"a":true,"b":null,"c":-1.5e3,"text":""}', field: 'text', value: '""'},
]

describe('findStringField', () => {
  it.each(cases)('finds the top-level field in $line', ({line, field, value}) => {
    const span = findStringField(line, field)
    expect(span && line.slice(span.start, span.end)).toBe(value)
  })
})

describe('spliceStringField', () => {
  it('replaces only the value: big integers and key order survive byte for byte', () => {
    const line = '{"id":12345678901234567890,"text":"old","tags":["a"],"n":1.50}'
    const span = findStringField(line, 'text')!
    const spliced = spliceStringField(line, span, 'new "quoted"\n\u4e2d')
    expect(spliced).toBe('{"id":12345678901234567890,"text":"new \\"quoted\\"\\n\u4e2d","tags":["a"],"n":1.50}')
    expect(JSON.parse(spliced).text).toBe('new "quoted"\n\u4e2d')
  })
})
