// Which flow a batch with cross-file dedupe takes, given `--store`, `--shard` and
// `--boilerplate`: one pass in batch order (memory, SQLite), or two phases (shards sharing a
// Redis, or boilerplate, whose counts need every file first). The store is opened here, before
// any output, so an unreachable one stops the run as bad usage. The Redis and SQLite clients
// load only when asked for: a run in memory does not pay their start-up.
import type {SqliteSeenStore} from '../dedupe/sqlite-store.js'
import type {SeenStore} from '../dedupe/store.js'
import {MemorySeenStore} from '../dedupe/store.js'
import type {StoreAddress} from '../dedupe/store-url.js'
import type {Shard} from '../read/walk.js'
import {UsageError} from '../usage-error.js'
import {InOrderClaims, MemoryFileCounts, type PhaseClaims, SharedClaims, sqliteFileCounts} from './phase-claims.js'
import {type RunOptions, type RunResult, run} from './run.js'
import {runTwoPhase} from './two-phase.js'

export interface CrossFileOptions {
  store: StoreAddress
  // `--across-files` (implied by a store other than memory).
  acrossFiles: boolean
  boilerplate?: number
  shard?: Shard
  // How long a shard waits for the others between the phases.
  barrierTimeoutMs: number
}

export interface CrossFileRun {
  run: (options: RunOptions) => Promise<RunResult>
  close: () => void
}

export async function openCrossFileRun(options: CrossFileOptions): Promise<CrossFileRun> {
  const {store, boilerplate} = options
  const acrossFiles = options.acrossFiles || store.kind !== 'memory'
  if (store.kind === 'sqlite' && options.shard) {
    throw new UsageError(
      "--shard with a sqlite: store would claim in each shard's own order; share a redis:// store between shards",
    )
  }
  if (store.kind === 'redis') {
    const {RedisClaims} = await import('../dedupe/redis-store.js')
    const redis = await RedisClaims.connect(store, {counting: boilerplate !== undefined})
    const claims = new SharedClaims(
      redis,
      options.shard ?? {index: 1, count: 1},
      options.barrierTimeoutMs,
      boilerplate !== undefined,
    )
    return twoPhaseRun(claims, acrossFiles, boilerplate)
  }
  const sqlite = store.kind === 'sqlite' ? await openSqlite(store.path) : undefined
  if (boilerplate !== undefined) {
    const claims = sqlite ? sqliteClaims(sqlite) : new InOrderClaims(new MemorySeenStore(), new MemoryFileCounts())
    return twoPhaseRun(claims, acrossFiles, boilerplate)
  }
  const seen: (SeenStore & {close?: () => void}) | undefined = sqlite
  return {
    run: (runOptions) => run({...runOptions, processor: {...runOptions.processor, acrossFiles, store: seen}}),
    close: () => seen?.close?.(),
  }
}

async function openSqlite(path: string): Promise<SqliteSeenStore> {
  const {SqliteSeenStore} = await import('../dedupe/sqlite-store.js')
  return SqliteSeenStore.open(path)
}

function sqliteClaims(store: SqliteSeenStore): PhaseClaims {
  return new InOrderClaims(store, sqliteFileCounts(store))
}

function twoPhaseRun(claims: PhaseClaims, acrossFiles: boolean, boilerplate: number | undefined): CrossFileRun {
  return {
    run: (runOptions) => runTwoPhase(runOptions, {claims, acrossFiles, boilerplate}),
    close: () => claims.close(),
  }
}
