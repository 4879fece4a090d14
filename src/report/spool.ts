// An append-only list of small rows kept in a temporary JSON-lines file rather than in memory, so
// a batch of a million files costs a buffer, not a million objects. Rows are written in 64 KB
// chunks (a batch that never fills one never touches the disk); reading returns the rows in the
// order they were added. The file goes on `close()`, or at the latest when the process exits;
// one a killed run left is removed by the next run (its name carries host and pid).
import {closeSync, createReadStream, openSync, rmSync, writeSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {spoolName} from '../write/temporary.js'

const chunkLength = 64 * 1024

export class RowSpool<Row> {
  private readonly path: string
  private descriptor: number | undefined
  private pending = ''
  private readonly removeOnExit = () => this.close()

  constructor(folder = tmpdir()) {
    this.path = join(folder, spoolName())
  }

  append(row: Row): void {
    this.pending += JSON.stringify(row) + '\n'
    if (this.pending.length >= chunkLength) this.flush()
  }

  async *read(): AsyncGenerator<Row> {
    if (this.descriptor === undefined) {
      for (const line of this.pending.split('\n').slice(0, -1)) yield JSON.parse(line) as Row
      return
    }
    this.flush()
    // Split on LF only: readline would also split on U+2028, which JSON leaves unescaped.
    let rest = ''
    for await (const chunk of createReadStream(this.path, {encoding: 'utf8'})) {
      const lines = (rest + (chunk as string)).split('\n')
      rest = lines.pop()!
      for (const line of lines) yield JSON.parse(line) as Row
    }
  }

  // Deletes the temporary file; the spool is empty afterwards.
  close(): void {
    this.pending = ''
    if (this.descriptor === undefined) return
    closeSync(this.descriptor)
    this.descriptor = undefined
    rmSync(this.path, {force: true})
    process.off('exit', this.removeOnExit)
  }

  private flush(): void {
    if (this.pending === '') return
    if (this.descriptor === undefined) {
      this.descriptor = openSync(this.path, 'wx', 0o600)
      process.once('exit', this.removeOnExit)
    }
    writeSync(this.descriptor, this.pending)
    this.pending = ''
  }
}
