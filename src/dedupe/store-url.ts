// What `--store` names: `memory` (the default), `sqlite:PATH`, or
// `redis://HOST:PORT[/DB][?prefix=NAME][&cluster=1]` (one batch's keys live under its prefix;
// `cluster=1` when HOST:PORT is a node of a Redis Cluster).
import {UsageError} from '../usage-error.js'
import type {RedisAddress} from './redis-store.js'

export type StoreAddress = {kind: 'memory'} | {kind: 'sqlite'; path: string} | ({kind: 'redis'} & RedisAddress)

// The prefix of a Redis batch that names none.
export const defaultRedisPrefix = 'newsclean'

export function parseStoreUrl(text: string): StoreAddress {
  if (text === 'memory') return {kind: 'memory'}
  if (text.startsWith('sqlite:')) {
    const path = text.slice('sqlite:'.length)
    if (path === '') throw new UsageError('--store sqlite:PATH needs a file path')
    return {kind: 'sqlite', path}
  }
  if (/^rediss?:\/\//.test(text)) return parseRedisUrl(text)
  throw new UsageError(`--store takes memory, sqlite:PATH or redis://HOST:PORT[/DB], not \`${text}\``)
}

function parseRedisUrl(text: string): StoreAddress {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new UsageError(`--store: \`${text}\` is not a valid redis:// URL`)
  }
  const db = url.pathname === '' || url.pathname === '/' ? 0 : Number(url.pathname.slice(1))
  if (!Number.isInteger(db) || db < 0)
    throw new UsageError(`--store: the Redis database must be a number, not \`${url.pathname.slice(1)}\``)
  const prefix = url.searchParams.get('prefix') ?? defaultRedisPrefix
  if (prefix === '' || /[{}\s]/.test(prefix)) {
    throw new UsageError(`--store: the prefix \`${prefix}\` must be non-empty, without braces or blanks`)
  }
  return {
    kind: 'redis',
    host: url.hostname || '127.0.0.1',
    port: url.port === '' ? 6379 : Number(url.port),
    db,
    prefix,
    tls: url.protocol === 'rediss:',
    cluster: url.searchParams.get('cluster') === '1',
  }
}
