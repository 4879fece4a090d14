// How the two-phase batch claims paragraph keys and learns their owners. In one process (memory,
// SQLite) claims are made in batch order, so phase 1 already knows each answer; only the counts
// for `--boilerplate` wait for phase 2. Shards sharing a Redis claim in any order: answers are
// known once every shard has claimed (the barrier).
import type {FirstCopy} from '../data.js'
import type {RedisClaims} from '../dedupe/redis-store.js'
import type {SqliteSeenStore} from '../dedupe/sqlite-store.js'
import type {SeenStore} from '../dedupe/store.js'
import type {Shard} from '../read/walk.js'

export type Answer = FirstCopy | undefined

// One document's claims.
export interface DocumentClaim {
  // Its place in the whole batch.
  order: number
  path: string
  owner: string
  keys: BigUint64Array
  lines: Uint32Array
}

export interface Resolved {
  // Per key, the first copy in an earlier file, if any.
  answers: Answer[]
  // Per key, the distinct files holding it (with counting only).
  files?: number[]
}

export interface PhaseClaims {
  // Phase 1, in batch order: the answers when the store knows them already.
  claim(document: DocumentClaim): Promise<Answer[] | undefined>
  // Between the phases: every claim stored, every shard's included.
  settle(): Promise<void>
  // Phase 2.
  resolve(document: DocumentClaim, answered: Answer[] | undefined): Promise<Resolved>
  close(): void
}

// Distinct files per key, for `--boilerplate` in one process: each document claims a key once.
export interface FileCounts {
  add(keys: BigUint64Array): void
  filesHolding(keys: BigUint64Array): number[]
}

export class MemoryFileCounts implements FileCounts {
  readonly #counts = new Map<bigint, number>()

  add(keys: BigUint64Array): void {
    for (const key of keys) this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1)
  }

  filesHolding(keys: BigUint64Array): number[] {
    return Array.from(keys, (key) => this.#counts.get(key) ?? 0)
  }
}

// The SQLite store counts as it claims, over its whole history.
export function sqliteFileCounts(store: SqliteSeenStore): FileCounts {
  return {add: () => {}, filesHolding: (keys) => store.filesHolding(keys)}
}

export class InOrderClaims implements PhaseClaims {
  constructor(
    private readonly store: SeenStore & {close?: () => void},
    private readonly counts?: FileCounts,
  ) {}

  async claim(document: DocumentClaim): Promise<Answer[]> {
    const answers = await this.store.claim(document.path, document.keys, document.lines, document.owner)
    this.counts?.add(document.keys)
    return answers
  }

  async settle(): Promise<void> {}

  async resolve(document: DocumentClaim, answered: Answer[] | undefined): Promise<Resolved> {
    return {answers: answered ?? [], files: this.counts?.filesHolding(document.keys)}
  }

  close(): void {
    this.store.close?.()
  }
}

export class SharedClaims implements PhaseClaims {
  constructor(
    private readonly redis: RedisClaims,
    private readonly shard: Shard,
    private readonly barrierTimeoutMs: number,
    private readonly counting: boolean,
  ) {}

  async claim(document: DocumentClaim): Promise<undefined> {
    await this.redis.claim({rank: document.order, path: document.path, keys: document.keys, lines: document.lines})
    return undefined
  }

  async settle(): Promise<void> {
    await this.redis.flush()
    await this.redis.barrier(this.shard.index, this.shard.count, this.barrierTimeoutMs)
  }

  async resolve(document: DocumentClaim): Promise<Resolved> {
    const owners = await this.redis.owners(document.keys)
    const answers = await Promise.all(
      owners.map(async (owner): Promise<Answer> => {
        if (owner.rank >= document.order) return undefined
        return {path: await this.redis.pathOf(owner.rank), line: owner.line, column: 1}
      }),
    )
    return {answers, files: this.counting ? owners.map((owner) => owner.files) : undefined}
  }

  close(): void {
    this.redis.close()
  }
}
