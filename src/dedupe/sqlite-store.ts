// `--store sqlite:PATH`: seen paragraphs that persist across runs, so a new day's batch drops the
// paragraphs earlier days kept. One transaction per file holds all its claims. Keys are xxh64
// values stored as signed 64-bit integers (the table's primary key); owners (see owner.ts) are
// kept once each, with the path shown in reports. For `--boilerplate`, every key also counts the
// distinct owners that ever held it (one row per key and owner, so a rerun never counts twice).
import Database from 'better-sqlite3'
import type {FirstCopy} from '../data.js'
import {type SeenStore, StoreError, StoreUnavailableError} from './store.js'

const schema = `
CREATE TABLE IF NOT EXISTS owners (id INTEGER PRIMARY KEY, owner TEXT NOT NULL UNIQUE, path TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS paragraphs (
  key INTEGER PRIMARY KEY, owner INTEGER NOT NULL, line INTEGER NOT NULL, files INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS sightings (key INTEGER NOT NULL, owner INTEGER NOT NULL, PRIMARY KEY (key, owner))
  WITHOUT ROWID;
`

interface ParagraphRow {
  owner: bigint
  line: bigint
  files: bigint
}

export class SqliteSeenStore implements SeenStore {
  readonly #database: Database.Database
  readonly #statements

  private constructor(
    readonly path: string,
    database: Database.Database,
  ) {
    this.#database = database
    this.#statements = {
      addOwner: database.prepare(
        'INSERT INTO owners (owner, path) VALUES (?, ?) ON CONFLICT (owner) DO UPDATE SET path = excluded.path RETURNING id',
      ),
      ownerPath: database.prepare('SELECT path FROM owners WHERE id = ?').pluck(),
      find: database.prepare('SELECT owner, line, files FROM paragraphs WHERE key = ?'),
      insert: database.prepare('INSERT INTO paragraphs (key, owner, line, files) VALUES (?, ?, ?, 1)'),
      sight: database.prepare('INSERT OR IGNORE INTO sightings (key, owner) VALUES (?, ?)'),
      countOne: database.prepare('UPDATE paragraphs SET files = files + 1 WHERE key = ?'),
      files: database.prepare('SELECT files FROM paragraphs WHERE key = ?').pluck(),
    }
  }

  // Opens (or creates) the store; a path that cannot hold one is reported before any work.
  static open(path: string): SqliteSeenStore {
    let database: Database.Database | undefined
    try {
      database = new Database(path)
      database.defaultSafeIntegers(true)
      database.pragma('journal_mode = WAL')
      database.pragma('synchronous = NORMAL')
      database.pragma('busy_timeout = 10000')
      database.exec(schema)
      return new SqliteSeenStore(path, database)
    } catch (error) {
      database?.close()
      throw new StoreUnavailableError(`cannot open the SQLite store ${path}: ${(error as Error).message}`)
    }
  }

  async claim(
    path: string,
    keys: BigUint64Array,
    lines: Uint32Array,
    owner = path,
  ): Promise<Array<FirstCopy | undefined>> {
    return this.#guard(() => this.#claimAll(path, keys, lines, owner))
  }

  // Per key, the number of distinct owners that held it (0 for a key never claimed).
  filesHolding(keys: BigUint64Array): number[] {
    return this.#guard(() =>
      Array.from(keys, (key) =>
        Number((this.#statements.files.get(BigInt.asIntN(64, key)) as bigint | undefined) ?? 0n),
      ),
    )
  }

  close(): void {
    this.#database.close()
  }

  #claimAll(path: string, keys: BigUint64Array, lines: Uint32Array, owner: string): Array<FirstCopy | undefined> {
    const statements = this.#statements
    const transaction = this.#database.transaction(() => {
      const me = (statements.addOwner.get(owner, path) as {id: bigint}).id
      const paths = new Map<bigint, string>()
      return Array.from(keys, (key, index): FirstCopy | undefined => {
        const stored = BigInt.asIntN(64, key)
        const row = statements.find.get(stored) as ParagraphRow | undefined
        if (!row) {
          statements.insert.run(stored, me, lines[index] ?? 0)
          statements.sight.run(stored, me)
          return undefined
        }
        if (statements.sight.run(stored, me).changes > 0) statements.countOne.run(stored)
        if (row.owner === me) return undefined
        let ownerPath = paths.get(row.owner)
        if (ownerPath === undefined) {
          ownerPath = statements.ownerPath.get(row.owner) as string
          paths.set(row.owner, ownerPath)
        }
        return {path: ownerPath, line: Number(row.line), column: 1}
      })
    })
    return transaction()
  }

  #guard<Result>(work: () => Result): Result {
    try {
      return work()
    } catch (error) {
      throw new StoreError(`the SQLite store ${this.path} failed: ${(error as Error).message}`)
    }
  }
}
