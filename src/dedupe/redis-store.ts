// `--store redis://...`: the claims of one batch shared by every machine cleaning a shard of it.
// Claims arrive in any order, so each key keeps the least owner rank (its file's place in the
// batch order) by a Lua compare-and-set-minimum: whatever the order the shards claim in, the
// earliest file in the batch ends up holding every key, as one process would decide.
//
// Keys are spread over buckets (the key's low bits) of one Redis hash each, named with a hash tag
// so that a Redis Cluster puts each bucket in one slot; a script call touches one bucket only.
// Commands are auto-pipelined: claims travel in batches, never one round trip per paragraph.
// Everything lives under the batch's prefix: `{PREFIX:B}:claims` (key -> rank and line),
// `{PREFIX:B}:seen` and `{PREFIX:B}:files` (with `--boilerplate`: key and rank pairs, and the
// count of distinct files per key), `{PREFIX}:paths` (rank -> path), `{PREFIX}:shards` and
// `{PREFIX}:done` (the barrier).
import {Cluster, Redis} from 'ioredis'
import {StoreError, StoreUnavailableError} from './store.js'

export interface RedisAddress {
  host: string
  port: number
  db: number
  prefix: string
  tls: boolean
  cluster: boolean
}

// A document's claims: its first copies' keys and lines, under its place in the batch.
export interface RankedClaim {
  rank: number
  path: string
  keys: BigUint64Array
  lines: Uint32Array
}

// What phase 2 learns of one key.
export interface KeyOwner {
  rank: number
  line: number
  // Distinct files holding the key (counted with `--boilerplate` only; 0 otherwise).
  files: number
}

// Few buckets, so one script call carries hundreds of claims; enough for a Cluster's nodes.
const bucketCount = 64
const rankDigits = 12
const lineDigits = 8
// Claims buffered before they are sent.
const batchKeys = 16384

// KEYS: the bucket's claims hash, and with counting its seen and files hashes. ARGV: `1` to
// count, then pairs of key field and value (rank and line, fixed-width hex, so that the lesser
// string is the earlier owner).
const claimScript = `
local counting = ARGV[1] == '1'
for i = 2, #ARGV, 2 do
  local field, value = ARGV[i], ARGV[i + 1]
  local current = redis.call('HGET', KEYS[1], field)
  if not current or value < current then redis.call('HSET', KEYS[1], field, value) end
  if counting and redis.call('HSETNX', KEYS[2], field .. string.sub(value, 1, ${rankDigits}), '') == 1 then
    redis.call('HINCRBY', KEYS[3], field, 1)
  end
end
return 0`

interface Lookup {
  keys: BigUint64Array
  resolve: (owners: KeyOwner[]) => void
  reject: (error: unknown) => void
}

type Client = (Redis | Cluster) & {claimMinimum: (...keysAndArgs: string[]) => Promise<number>}

export class RedisClaims {
  readonly #client: Client
  readonly #prefix: string
  readonly #counting: boolean
  readonly #address: string
  #pending = new Map<number, string[]>()
  #pendingKeys = 0
  readonly #sending: Array<Promise<unknown>> = []
  readonly #paths = new Map<number, string>()
  readonly #lookups: Lookup[] = []

  private constructor(client: Client, address: RedisAddress, counting: boolean) {
    this.#client = client
    this.#prefix = address.prefix
    this.#counting = counting
    this.#address = `redis://${address.host}:${address.port}`
  }

  // Connects and checks the server answers; one that does not is reported before any work.
  static async connect(address: RedisAddress, options: {counting: boolean}): Promise<RedisClaims> {
    const common = {
      lazyConnect: true,
      enableAutoPipelining: true,
      maxRetriesPerRequest: 2,
      // A lost server is retried for a few seconds, then every command fails and the run stops.
      retryStrategy: (times: number) => (times > 10 ? null : Math.min(times * 100, 1000)),
    }
    const client = (
      address.cluster
        ? new Cluster([{host: address.host, port: address.port}], {
            enableAutoPipelining: true,
            lazyConnect: true,
            redisOptions: {tls: address.tls ? {} : undefined},
          })
        : new Redis({
            ...common,
            host: address.host,
            port: address.port,
            db: address.db,
            tls: address.tls ? {} : undefined,
          })
    ) as Client
    client.on('error', () => {})
    client.defineCommand('claimMinimum', {lua: claimScript})
    try {
      await client.connect()
      await client.ping()
    } catch (error) {
      client.disconnect()
      throw new StoreUnavailableError(
        `cannot reach the Redis store at ${address.host}:${address.port}: ${(error as Error).message}`,
      )
    }
    return new RedisClaims(client, address, options.counting)
  }

  // Phase 1: a document's claims, buffered and sent in batches.
  async claim(claim: RankedClaim): Promise<void> {
    const rank = claim.rank.toString(16).padStart(rankDigits, '0')
    this.#sending.push(this.#guard(this.#client.hset(`{${this.#prefix}}:paths`, rank, claim.path)))
    claim.keys.forEach((key, index) => {
      const line = (claim.lines[index] ?? 0).toString(16).padStart(lineDigits, '0')
      const bucket = Number(key % BigInt(bucketCount))
      const pairs = this.#pending.get(bucket) ?? []
      if (pairs.length === 0) this.#pending.set(bucket, pairs)
      pairs.push(fieldOf(key), rank + line)
    })
    this.#pendingKeys += claim.keys.length
    if (this.#pendingKeys >= batchKeys) this.#sendPending()
    if (this.#sending.length > 64) await this.#settle()
  }

  // Every claim sent and stored.
  async flush(): Promise<void> {
    this.#sendPending()
    await this.#settle()
  }

  // Marks shard `index` of `count` done and waits for all of them, at most `timeoutMs`.
  async barrier(index: number, count: number, timeoutMs: number): Promise<void> {
    const shardsKey = `{${this.#prefix}}:shards`
    const doneKey = `{${this.#prefix}}:done`
    await this.#guard(this.#client.set(shardsKey, String(count), 'NX'))
    const agreed = await this.#guard(this.#client.get(shardsKey))
    if (agreed !== String(count)) {
      throw new StoreError(
        `the batch \`${this.#prefix}\` on ${this.#address} was started with ${agreed} shards, not ${count}; give this run another prefix`,
      )
    }
    await this.#guard(this.#client.sadd(doneKey, String(index)))
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const done = await this.#guard(this.#client.smembers(doneKey))
      if (done.length >= count) return
      if (Date.now() >= deadline) {
        const missing = Array.from({length: count}, (_, shard) => shard + 1).filter(
          (shard) => !done.includes(String(shard)),
        )
        throw new StoreError(
          `shard ${index}/${count} waited ${Math.round(timeoutMs / 1000)} s for shards ${missing.join(', ')} of batch \`${this.#prefix}\` to finish their claims; start every shard at the same time, or raise --barrier-timeout`,
        )
      }
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }

  // Phase 2: per key, the owner that holds it. Look-ups asked in the same tick go together, one
  // HMGET a bucket.
  owners(keys: BigUint64Array): Promise<KeyOwner[]> {
    return new Promise((resolve, reject) => {
      if (this.#lookups.length === 0) setImmediate(() => this.#lookUp(this.#lookups.splice(0)))
      this.#lookups.push({keys, resolve, reject})
    })
  }

  // The path of the file at `rank`, as its shard named it.
  async pathOf(rank: number): Promise<string> {
    const known = this.#paths.get(rank)
    if (known !== undefined) return known
    const path = await this.#guard(
      this.#client.hget(`{${this.#prefix}}:paths`, rank.toString(16).padStart(rankDigits, '0')),
    )
    if (this.#paths.size >= 4096) this.#paths.clear()
    this.#paths.set(rank, path ?? '')
    return path ?? ''
  }

  close(): void {
    this.#client.disconnect()
  }

  async #lookUp(lookups: Lookup[]): Promise<void> {
    try {
      const byBucket = new Map<number, string[]>()
      for (const {keys} of lookups) {
        for (const key of keys) {
          const bucket = Number(key % BigInt(bucketCount))
          const fields = byBucket.get(bucket) ?? []
          if (fields.length === 0) byBucket.set(bucket, fields)
          fields.push(fieldOf(key))
        }
      }
      const found = new Map<string, KeyOwner>()
      await Promise.all([...byBucket].map(([bucket, fields]) => this.#lookUpBucket(bucket, fields, found)))
      for (const {keys, resolve} of lookups) resolve(Array.from(keys, (key) => this.#owned(found, key)))
    } catch (error) {
      for (const {reject} of lookups) reject(error)
    }
  }

  async #lookUpBucket(bucket: number, fields: string[], found: Map<string, KeyOwner>): Promise<void> {
    const bucketKey = this.#bucketKey(bucket)
    const [values, files] = await Promise.all([
      this.#guard(this.#client.hmget(`${bucketKey}:claims`, ...fields)),
      this.#counting ? this.#guard(this.#client.hmget(`${bucketKey}:files`, ...fields)) : undefined,
    ])
    fields.forEach((field, index) => {
      const value = values[index]
      if (value === null || value === undefined) return
      found.set(field, {
        rank: Number.parseInt(value.slice(0, rankDigits), 16),
        line: Number.parseInt(value.slice(rankDigits), 16),
        files: Number(files?.[index] ?? 0),
      })
    })
  }

  #owned(found: Map<string, KeyOwner>, key: bigint): KeyOwner {
    const owner = found.get(fieldOf(key))
    if (!owner) throw new StoreError(`the Redis store lost the claim of a paragraph of batch \`${this.#prefix}\``)
    return owner
  }

  #sendPending(): void {
    for (const [bucket, pairs] of this.#pending) {
      const bucketKey = this.#bucketKey(bucket)
      const keys = this.#counting
        ? [`${bucketKey}:claims`, `${bucketKey}:seen`, `${bucketKey}:files`]
        : [`${bucketKey}:claims`]
      this.#sending.push(
        this.#guard(this.#client.claimMinimum(String(keys.length), ...keys, this.#counting ? '1' : '0', ...pairs)),
      )
    }
    this.#pending = new Map()
    this.#pendingKeys = 0
  }

  async #settle(): Promise<void> {
    await Promise.all(this.#sending.splice(0))
  }

  #bucketKey(bucket: number): string {
    return `{${this.#prefix}:${bucket}}`
  }

  async #guard<Result>(reply: Promise<Result>): Promise<Result> {
    try {
      return await reply
    } catch (error) {
      if (error instanceof StoreError) throw error
      throw new StoreError(`the Redis store at ${this.#address} failed: ${(error as Error).message}`)
    }
  }
}

function fieldOf(key: bigint): string {
  return key.toString(16).padStart(16, '0')
}
