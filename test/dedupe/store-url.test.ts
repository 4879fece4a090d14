import {describe, expect, it} from 'vitest'
import {parseStoreUrl} from '../../src/dedupe/store-url.js'

describe('parseStoreUrl', () => {
  it.each([
    ['memory', {kind: 'memory'}],
    ['sqlite:seen.db', {kind: 'sqlite', path: 'seen.db'}],
    ['sqlite:/var/lib/news/seen.db', {kind: 'sqlite', path: '/var/lib/news/seen.db'}],
    [
      'redis://cache:6380/2?prefix=crawl-2026-12-01',
      {kind: 'redis', host: 'cache', port: 6380, db: 2, prefix: 'crawl-2026-12-01', tls: false, cluster: false},
    ],
    [
      'redis://127.0.0.1',
      {kind: 'redis', host: '127.0.0.1', port: 6379, db: 0, prefix: 'newsclean', tls: false, cluster: false},
    ],
    [
      'rediss://node-1:7000?prefix=b&cluster=1',
      {kind: 'redis', host: 'node-1', port: 7000, db: 0, prefix: 'b', tls: true, cluster: true},
    ],
  ])('reads %s', (text, expected) => {
    expect(parseStoreUrl(text)).toEqual(expected)
  })

  it.each([
    ['sqlite:', '--store sqlite:PATH needs a file path'],
    ['postgres://db/seen', '--store takes memory, sqlite:PATH or redis://HOST:PORT[/DB], not `postgres://db/seen`'],
    ['redis://cache/x', '--store: the Redis database must be a number, not `x`'],
    ['redis://cache?prefix=a{b}', '--store: the prefix `a{b}` must be non-empty, without braces or blanks'],
  ])('refuses %s as bad usage', (text, message) => {
    expect(() => parseStoreUrl(text)).toThrow(message)
  })
})
