#!/usr/bin/env node
// The command line: arguments -> options -> run() or the stdin filter. No cleaning logic here.
import {readFileSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import {join} from 'node:path'
import {parseArgs} from 'node:util'
import {type CrossFileRun, openCrossFileRun} from './batch/cross-files.js'
import {Interrupted, type RunOptions, type RunResult} from './batch/run.js'
import {cleanStdin} from './batch/stdin.js'
import {StoreUnavailableError} from './dedupe/store.js'
import {parseStoreUrl} from './dedupe/store-url.js'
import {type PluginRow, type ProcessorOptions, pluginTable, selectPlugins} from './processor.js'
import {detectEncoding} from './read/decode.js'
import {describeError} from './read/errors.js'
import {type Shard, type WalkOptions, walkInputs} from './read/walk.js'
import {plural} from './report/page.js'
import {createProgress, type Progress} from './report/progress.js'
import {formatFileMessages, type Verbosity} from './report/reporter.js'
import {formatTotals} from './report/terminal.js'
import {UsageError} from './usage-error.js'
import {removeLiveTemporaries} from './write/temporary.js'

const usage = `Usage: newsclean [options] [paths...]
       newsclean [options] -          (stdin to stdout)

Clean scraped Chinese news: encoding repair, whitespace, pinyin annotations,
full-width punctuation by context, repeated paragraphs; writes diff reports.

Options:
  -o, --out DIR             clean files, same relative paths (default output/clean)
  -r, --report DIR          reports (default output/report; none for stdin)
      --no-report           write no reports
      --check               write nothing; list the files that would change
                            (one path a line on stdout), exit 1 if any would
  -q, --quiet               show failures only
      --verbose             show every fix (one line each), not only warnings
      --only RULES          run only these plugins (comma-separated)
      --skip RULES          run all plugins but these
      --encoding NAME       force the input encoding
      --field NAME          the text field of JSONL records (default text)
      --across-files        also remove paragraphs seen in an earlier file
      --near-duplicates M   warn (default) or remove near-duplicate paragraphs
      --store URL           where seen paragraphs live: memory (default),
                            sqlite:PATH (kept across runs), or
                            redis://HOST:PORT[/DB][?prefix=BATCH] (shared by shards);
                            implies --across-files
      --boilerplate N       remove a paragraph found in N or more files from all
      --barrier-timeout S   seconds a shard waits for the others (default 3600)
      --decisions FILE      clean again honouring a reviewer's decisions.json:
                            the fixes and removals it rejects are not applied
      --shard K/N           process only the K-th of N parts of the batch
      --concurrency N       worker threads (default: the number of cores)
      --follow-symlinks     follow symlinks inside input folders (never out of them)
  -h, --help                show this help
  -v, --version             show the version

Plugins, in the order they run (the names --only and --skip take):
${pluginList()}

Exit codes: 0 done, 1 --check found changes or an input failed, 2 bad usage,
130 interrupted (SIGINT), 143 terminated (SIGTERM), 141 stdout closed early.`

// One line a plugin, its summary aligned after the longest name, then the spec rules it applies.
function pluginList(): string {
  const width = Math.max(...pluginTable.map(({name}) => name.length)) + 2
  return pluginTable
    .map((plugin: Pick<PluginRow, 'name' | 'summary' | 'rules'>) => {
      const rules = plugin.rules ? ` (${plugin.rules.join(' ')})` : ''
      return `  ${plugin.name.padEnd(width)}${plugin.summary}${rules}`
    })
    .join('\n')
}

const argumentOptions = {
  out: {type: 'string', short: 'o', default: 'output/clean'},
  report: {type: 'string', short: 'r'},
  'no-report': {type: 'boolean', default: false},
  check: {type: 'boolean', default: false},
  quiet: {type: 'boolean', short: 'q', default: false},
  verbose: {type: 'boolean', default: false},
  only: {type: 'string'},
  skip: {type: 'string'},
  encoding: {type: 'string'},
  field: {type: 'string', default: 'text'},
  'across-files': {type: 'boolean', default: false},
  'near-duplicates': {type: 'string', default: 'warn'},
  store: {type: 'string', default: 'memory'},
  boilerplate: {type: 'string'},
  'barrier-timeout': {type: 'string', default: '3600'},
  decisions: {type: 'string'},
  shard: {type: 'string'},
  concurrency: {type: 'string'},
  'follow-symlinks': {type: 'boolean', default: false},
  help: {type: 'boolean', short: 'h', default: false},
  version: {type: 'boolean', short: 'v', default: false},
} as const

type Values = ReturnType<typeof parseArgs<{options: typeof argumentOptions; allowPositionals: true}>>['values']

async function main(argv: string[]): Promise<number> {
  const {values, positionals} = parseArgs({args: argv, options: argumentOptions, allowPositionals: true})
  if (values.help) return print(usage)
  if (values.version) return print(readVersion())
  const processor = processorOptions(values)
  checkEncoding(values.encoding)
  const verbosity: Verbosity = values.quiet ? 'quiet' : values.verbose ? 'verbose' : 'normal'
  const color = process.stderr.isTTY === true
  if (positionals.includes('-')) {
    if (positionals.length > 1) throw new UsageError('`-` (stdin) cannot be combined with paths')
    const reportDir = values['no-report'] ? undefined : values.report
    stopOnSignal((signal) => {
      removeLiveTemporaries()
      process.exit(signalCodes[signal])
    })
    const result = await cleanStdin({processor, encoding: values.encoding, reportDir, check: values.check})
    process.stderr.write(formatFileMessages(result, verbosity, color))
    warnUnmatchedDecisions(processor.rejected, result.status === 'done' ? result.record.rejected : [])
    if (result.status === 'failed') return 1
    return values.check && result.record.changed ? 1 : 0
  }
  const shard = values.shard === undefined ? undefined : parseShard(values.shard)
  const crossFiles = await openCrossFileRun({
    store: parseStoreUrl(values.store),
    acrossFiles: values['across-files'],
    boilerplate: parseCount('--boilerplate', values.boilerplate),
    shard,
    barrierTimeoutMs: parseCount('--barrier-timeout', values['barrier-timeout'])! * 1000,
  })
  const progress = process.stderr.isTTY && verbosity !== 'quiet' ? createProgress(process.stderr) : undefined
  const interruption = new AbortController()
  const signalled = stopOnSignal(() => interruption.abort())
  const honoured = new Set<string>()
  const paths = positionals.length > 0 ? positionals : ['input']
  const reportDir = values['no-report'] ? undefined : (values.report ?? 'output/report')
  if (progress) {
    const skip = reportDir ? [values.out, reportDir] : [values.out]
    const walk = {shard, skip, nameInputs: paths.length > 1, followSymlinks: values['follow-symlinks']}
    countInputs(paths, walk, progress)
  }
  const result = await runWithProgress(progress, crossFiles, signalled, {
    paths,
    outDir: values.out,
    reportDir,
    encoding: values.encoding,
    check: values.check,
    concurrency: parseConcurrency(values.concurrency),
    shard,
    processor,
    // The terminal shows fixes and removals only with --verbose.
    resultMessages: verbosity === 'verbose' ? 'all' : 'doubts',
    field: values.field,
    followSymlinks: values['follow-symlinks'],
    signal: interruption.signal,
    onSkip: (path, reason) => {
      if (verbosity === 'quiet') return
      const line = `newsclean: ${path}: ${reason}\n`
      if (progress) progress.log(line)
      else process.stderr.write(line)
    },
    onResult: (fileResult) => {
      if (fileResult.status === 'done') for (const id of fileResult.record.rejected) honoured.add(id)
      // As `prettier --list-different` does: the paths of the files that would change, on stdout.
      if (values.check && fileResult.status === 'done' && fileResult.record.changed) {
        process.stdout.write(`${fileResult.record.input}\n`)
      }
      const messages = formatFileMessages(fileResult, verbosity, color)
      if (!progress) process.stderr.write(messages)
      else if (messages) progress.log(messages)
      progress?.tick(fileResult.status === 'failed')
    },
  })
  warnUnmatchedDecisions(processor.rejected, honoured)
  if (verbosity !== 'quiet') {
    process.stderr.write(formatTotals(result.summary, {check: values.check}) + '\n')
    if (reportDir && !values.check) process.stderr.write(`Review the changes: ${join(reportDir, 'index.html')}\n`)
  }
  return result.failed > 0 || result.withErrors > 0 || (values.check && result.changed > 0) ? 1 : 0
}

// Walks the inputs a second time, ahead of the batch, only to count them, so the status line
// can say `N of M files`. The count is a courtesy: a walk that fails leaves the line without it.
function countInputs(paths: string[], options: WalkOptions, progress: Progress): void {
  const count = async () => {
    let total = 0
    for await (const _ of walkInputs(paths, options)) total++
    progress.setTotal(total)
  }
  count().catch(() => {})
}

// The status line always goes, even when the batch stops on an error, so the terminal's cursor
// comes back. An interrupted batch (its temporary files already removed) says how far it got and
// exits at once, with the shell's code for the signal.
async function runWithProgress(
  progress: Progress | undefined,
  crossFiles: CrossFileRun,
  signalled: () => NodeJS.Signals | undefined,
  options: RunOptions,
): Promise<RunResult> {
  try {
    return await crossFiles.run(options)
  } catch (error) {
    if (!(error instanceof Interrupted)) throw error
    progress?.stop()
    crossFiles.close()
    const signal = signalled() ?? 'SIGINT'
    process.stderr.write(
      `newsclean: ${signal === 'SIGTERM' ? 'terminated' : 'interrupted'}; ${error.done} ${error.done === 1 ? 'file' : 'files'} done\n`,
    )
    return process.exit(signalCodes[signal])
  } finally {
    progress?.stop()
    crossFiles.close()
  }
}

const signalCodes: Record<string, number> = {SIGINT: 130, SIGTERM: 143}

// On the first SIGINT or SIGTERM, `stop` runs (a second one kills at once); returns which came.
function stopOnSignal(stop: (signal: NodeJS.Signals) => void): () => NodeJS.Signals | undefined {
  let received: NodeJS.Signals | undefined
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (received) return
      received = signal
      stop(signal)
    })
  }
  return () => received
}

function processorOptions(values: Values): ProcessorOptions {
  const nearDuplicates = values['near-duplicates']
  if (nearDuplicates !== 'warn' && nearDuplicates !== 'remove') {
    throw new UsageError(`--near-duplicates takes \`warn\` or \`remove\`, not \`${nearDuplicates}\``)
  }
  const options: ProcessorOptions = {
    only: splitList(values.only),
    skip: splitList(values.skip),
    acrossFiles: values['across-files'],
    nearDuplicates,
    rejected: values.decisions === undefined ? undefined : readDecisions(values.decisions),
  }
  // Before any thread starts: an unknown plugin name is bad usage, not a failure of every file.
  selectPlugins(options)
  return options
}

// The ids a reviewer rejected, from the `decisions.json` the review pages export:
// `{"rejected": ["id", ...]}`.
function readDecisions(path: string): string[] {
  let decisions: unknown
  try {
    decisions = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new UsageError(`--decisions: cannot read ${path}: ${describeError(error)}`)
  }
  const rejected = (decisions as {rejected?: unknown} | null)?.rejected
  if (!Array.isArray(rejected) || !rejected.every((id) => typeof id === 'string')) {
    throw new UsageError(`--decisions: ${path} is not {"rejected": [ids]} as the review pages export it`)
  }
  return rejected
}

// A decision that matched no fix or removal is said once, listing its ids: the input changed,
// or the decisions are from another batch.
function warnUnmatchedDecisions(rejected: string[] | undefined, honoured: Iterable<string>): void {
  const matched = new Set(honoured)
  const unmatched = (rejected ?? []).filter((id) => !matched.has(id))
  if (unmatched.length === 0) return
  const ids = plural(unmatched.length, 'id', 'ids')
  process.stderr.write(
    `newsclean: warning: ${unmatched.length} rejected ${ids} matched no fix or removal: ${unmatched.join(', ')}\n`,
  )
}

// An encoding no file can be read in is bad usage, not a failure of every file.
function checkEncoding(name: string | undefined): void {
  if (name === undefined) return
  try {
    detectEncoding(new Uint8Array(0), {encoding: name})
  } catch (error) {
    throw new UsageError(`--encoding: ${describeError(error)}`)
  }
}

function splitList(value: string | undefined): string[] | undefined {
  return value
    ?.split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0)
}

// More threads than a few per core only cost memory: a larger count is clamped, with a warning.
function parseConcurrency(value: string | undefined): number {
  if (value === undefined) return availableParallelism()
  const count = Number(value)
  if (!Number.isSafeInteger(count) || count < 1)
    throw new UsageError(`--concurrency takes a whole number from 1, not \`${value}\``)
  const cap = 4 * availableParallelism()
  if (count <= cap) return count
  process.stderr.write(`newsclean: --concurrency ${value} is more than 4 threads a core; using ${cap}\n`)
  return cap
}

function parseCount(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const count = Number(value)
  if (!Number.isSafeInteger(count) || count < 1)
    throw new UsageError(`${flag} takes a whole number from 1, not \`${value}\``)
  return count
}

function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value)
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (!match || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard takes K/N, whole numbers with 1 <= K <= N < 2^53, not \`${value}\``)
  }
  return {index, count}
}

function readVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}
  return manifest.version
}

function print(text: string): number {
  process.stdout.write(text + '\n')
  return 0
}

// Closing stdout early (`newsclean - < a.txt | head -c 10`) ends the run quietly, with the code a
// filter killed by SIGPIPE gives; any other stdout error is reported by the write that met it.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') {
    removeLiveTemporaries()
    process.exit(141)
  }
  process.exitCode = 1
})

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    const isUsage = error instanceof UsageError || (error as {code?: string}).code?.startsWith('ERR_PARSE_ARGS')
    process.stderr.write(`newsclean: ${error instanceof Error ? error.message : String(error)}\n`)
    if (isUsage) process.stderr.write('Try `newsclean --help`.\n')
    process.exitCode = isUsage || error instanceof StoreUnavailableError ? 2 : 1
  },
)
