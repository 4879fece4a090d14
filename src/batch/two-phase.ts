// The batch in two phases, for shards sharing a Redis store and for `--boilerplate`, whose
// answers need every file's claims first. Phase 1 cleans each file up to dedupe-paragraphs,
// claims its paragraph keys and spools it (document-spool.ts); between the phases every claim is
// stored (and, with shards, every shard has claimed: the barrier); phase 2 runs dedupe-paragraphs
// and the steps after it on each spooled document with the final answers, writes its outputs and
// reports in batch order, and removes the spool. The steps before dedupe-paragraphs see one file
// alone, so the keys phase 1 claims are the ones a one-pass run claims, and phase 2 decides as it
// would: the result is byte for byte that of one process with `--across-files`.
import {tmpdir} from 'node:os'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {cleanDecoded} from '../clean.js'
import type {FirstCopy} from '../data.js'
import {loadKeyOf} from '../dedupe/key.js'
import {ownerOf} from '../dedupe/owner.js'
import type {SeenStore} from '../dedupe/store.js'
import {claimsOf, findFirstCopiesOfKeys, lineOf, paragraphKeys} from '../plugins/dedupe-paragraphs.js'
import {createProcessor, type NewscleanProcessor, type PluginName, pluginNames, selectPlugins} from '../processor.js'
import {isJsonl} from '../read/jsonl.js'
import type {InputEntry, Shard} from '../read/walk.js'
import {BatchSummary} from '../report/summary.js'
import type {CleanedDocument, FileResult} from '../report/types.js'
import {writeBatchReports} from '../report/write.js'
import {removeLiveTemporariesWhenSettled} from '../write/temporary.js'
import type {DocumentContext} from './context.js'
import {checkedOutputPath, failedResult, readDocument, writeCleaned} from './document.js'
import {
  DocumentSpool,
  keysFromText,
  keysToText,
  type SpoolEntry,
  type SpooledDocument,
  type SpooledMessage,
} from './document-spool.js'
import {checkBatchPaths} from './paths.js'
import type {DocumentClaim, PhaseClaims, Resolved} from './phase-claims.js'
import {Interrupted, type RunOptions, type RunResult, walkBatch, whenAborted} from './run.js'

export interface TwoPhaseOptions {
  claims: PhaseClaims
  // Remove a paragraph an earlier file holds (`--across-files`, implied by `--store`).
  acrossFiles: boolean
  // Remove a paragraph found in this many distinct files or more from every one of them.
  boilerplate?: number
}

// Spooled documents whose owners are looked up together in phase 2: at most this many, and at
// most this many code units of text in all, so that memory stays flat however large the files.
const lookAhead = 64
const lookAheadUnits = 4 * 1024 * 1024

type Context = Omit<DocumentContext, 'processor'>

export async function runTwoPhase(options: RunOptions, twoPhase: TwoPhaseOptions): Promise<RunResult> {
  await checkBatchPaths(options)
  const context: Context = {
    outDir: options.outDir,
    reportDir: options.reportDir,
    encoding: options.encoding,
    check: options.check,
    field: options.field,
    resultMessages: options.resultMessages,
  }
  const head = await createProcessor(options.processor, isBeforeDedupe)
  const answers = new AnswerStore()
  const tail = await createProcessor(
    {...options.processor, acrossFiles: true, store: answers},
    (name) => !isBeforeDedupe(name),
  )
  const claiming = selectPlugins(options.processor).has('dedupe-paragraphs')
  const spool = options.check
    ? new DocumentSpool(tmpdir(), `${spoolName(options.shard)}-${process.pid}`)
    : new DocumentSpool(options.outDir, spoolName(options.shard))
  const entries = walkBatch(options)
  let done = 0
  const countDone = (result: FileResult) => {
    done++
    options.onResult?.(result)
  }
  const phases = async () => {
    for await (const entry of entries) {
      await spool.append(await cleanFirstPhase(entry, context, head, claiming ? twoPhase.claims : undefined))
    }
    await spool.finish()
    await twoPhase.claims.settle()
    return secondPhase(spool, {...options, onResult: countDone}, twoPhase, context, tail, answers)
  }
  const interrupted = whenAborted(options.signal, async () => {
    await removeLiveTemporariesWhenSettled()
    await spool.remove()
    throw new Interrupted(done)
  })
  await spool.open()
  try {
    return await Promise.race([phases(), interrupted])
  } finally {
    await spool.remove()
  }
}

function isBeforeDedupe(name: PluginName): boolean {
  return pluginNames.indexOf(name) < pluginNames.indexOf('dedupe-paragraphs')
}

function spoolName(shard: Shard | undefined): string {
  return shard ? `shard-${shard.index}-of-${shard.count}` : 'batch'
}

// Phase 1 of one file: cleaned up to dedupe-paragraphs, its keys claimed.
async function cleanFirstPhase(
  entry: InputEntry,
  context: Context,
  head: NewscleanProcessor,
  claims: PhaseClaims | undefined,
): Promise<SpoolEntry> {
  try {
    await checkedOutputPath(entry, context)
    if (isJsonl(entry.relativePath)) {
      throw new Error(
        'JSONL inputs are not cleaned in two phases yet (--store redis://, --boilerplate); clean them in a separate run',
      )
    }
    const {text, decoding, bytes} = await readDocument(entry, context)
    const owner = await ownerOf(entry.relativePath, bytes)
    const outcome = await cleanDecoded(head, text, decoding, entry.inputPath, {owner, relativePath: entry.relativePath})
    const paragraphs = outcome.tree.children
    const keys = paragraphKeys(paragraphs, await loadKeyOf())
    const claimed = claimsOf(paragraphs.map(lineOf), keys, findFirstCopiesOfKeys(keys))
    const document: DocumentClaim = {
      order: entry.order,
      path: entry.inputPath,
      owner,
      keys: claimed.keys,
      lines: claimed.lines,
    }
    const answered = claims ? await claims.claim(document) : undefined
    return {
      status: 'spooled',
      inputPath: entry.inputPath,
      relativePath: entry.relativePath,
      order: entry.order,
      owner,
      decoding,
      original: text,
      paragraphsIn: outcome.paragraphsIn,
      tree: outcome.tree,
      messages: outcome.file.messages.map(spoolMessage),
      keys: keysToText(claimed.keys),
      lines: [...claimed.lines],
      answers: answered?.map((answer) => answer ?? null),
    }
  } catch (error) {
    return failedResult(entry, error)
  }
}

async function secondPhase(
  spool: DocumentSpool,
  options: RunOptions,
  twoPhase: TwoPhaseOptions,
  context: Context,
  tail: NewscleanProcessor,
  answers: AnswerStore,
): Promise<RunResult> {
  const summary = new BatchSummary()
  const tally = {summary, changed: 0, failed: 0, withErrors: 0}
  try {
    for await (const entries of inGroups(spool.read(), lookAhead, lookAheadUnits, sizeOf)) {
      const resolutions = await Promise.all(entries.map((entry) => resolveEntry(entry, twoPhase.claims)))
      for (const [index, entry] of entries.entries()) {
        const result =
          entry.status === 'failed'
            ? entry
            : await finishDocument(entry, resolutions[index]!, twoPhase, context, tail, answers)
        count(tally, result)
        options.onResult?.(result)
      }
    }
    if (options.reportDir && !options.check) await writeBatchReports(options.reportDir, summary)
  } finally {
    summary.close()
  }
  return tally
}

function resolveEntry(entry: SpoolEntry, claims: PhaseClaims): Promise<Resolved | undefined> {
  if (entry.status === 'failed') return Promise.resolve(undefined)
  const answered = entry.answers?.map((answer) => answer ?? undefined)
  return claims.resolve(claimOf(entry), answered)
}

function claimOf(entry: SpooledDocument): DocumentClaim {
  const keys = keysFromText(entry.keys)
  return {order: entry.order, path: entry.inputPath, owner: entry.owner, keys, lines: Uint32Array.from(entry.lines)}
}

// Phase 2 of one file: dedupe-paragraphs and the steps after it, then its outputs.
async function finishDocument(
  entry: SpooledDocument,
  resolved: Resolved | undefined,
  twoPhase: TwoPhaseOptions,
  context: Context,
  tail: NewscleanProcessor,
  answers: AnswerStore,
): Promise<FileResult> {
  try {
    const file = new VFile({path: entry.inputPath, value: entry.original})
    file.data.decoding = entry.decoding
    file.data.owner = entry.owner
    for (const message of entry.messages) file.messages.push(restoreMessage(message, entry.inputPath))
    answers.set(finalAnswers(claimOf(entry), resolved, twoPhase))
    const tree = await tail.run(entry.tree, file)
    const outcome: CleanedDocument = {
      inputPath: entry.inputPath,
      relativePath: entry.relativePath,
      decoding: entry.decoding,
      original: entry.original,
      clean: tail.stringify(tree, file),
      tree,
      file,
      paragraphsIn: entry.paragraphsIn,
    }
    return {status: 'done', record: await writeCleaned(outcome, entry, context)}
  } catch (error) {
    return failedResult(entry, error)
  }
}

// Per claimed key, what dedupe-paragraphs is told: boilerplate (with its count) wherever it
// stands, else the earlier file's copy with `--across-files`.
function finalAnswers(
  document: DocumentClaim,
  resolved: Resolved | undefined,
  options: TwoPhaseOptions,
): Map<bigint, FirstCopy> {
  const answers = new Map<bigint, FirstCopy>()
  if (!resolved) return answers
  document.keys.forEach((key, index) => {
    const earlier = resolved.answers[index]
    const files = resolved.files?.[index] ?? 0
    if (options.boilerplate !== undefined && files >= options.boilerplate) {
      answers.set(key, {...(earlier ?? {line: document.lines[index]!, column: 1}), files})
    } else if (options.acrossFiles && earlier) {
      answers.set(key, earlier)
    }
  })
  return answers
}

// The seen store dedupe-paragraphs asks in phase 2: it answers with what the phases decided.
class AnswerStore implements SeenStore {
  #answers = new Map<bigint, FirstCopy>()

  set(answers: Map<bigint, FirstCopy>): void {
    this.#answers = answers
  }

  async claim(_path: string, keys: BigUint64Array): Promise<Array<FirstCopy | undefined>> {
    return Array.from(keys, (key) => this.#answers.get(key))
  }
}

function spoolMessage(message: VFileMessage): SpooledMessage {
  const {reason, place, ruleId, source, actual, expected, note, fatal} = message
  return {reason, place, ruleId, source, actual, expected, note, fatal}
}

function restoreMessage(spooled: SpooledMessage, path: string): VFileMessage {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    const message = new VFileMessage(spooled.reason, {
      place: spooled.place as VFileMessage['place'],
      ruleId: spooled.ruleId,
      source: spooled.source,
    })
    message.file = path
    message.fatal = spooled.fatal
    if (spooled.actual !== undefined) message.actual = spooled.actual
    if (spooled.expected !== undefined) message.expected = spooled.expected
    if (spooled.note !== undefined) message.note = spooled.note
    return message
  } finally {
    Error.stackTraceLimit = limit
  }
}

function count(tally: RunResult, result: FileResult): void {
  if (result.status === 'failed') {
    tally.failed++
    tally.summary.addFailure(result.relativePath, result.inputPath, result.reason)
    return
  }
  if (result.record.changed) tally.changed++
  if (result.record.totals.errors > 0) tally.withErrors++
  tally.summary.add(result.record)
}

// Items in groups of at most `count` items and `units` in all (each of `measure` units; one item
// over the limit goes alone).
async function* inGroups<Item>(
  items: AsyncIterable<Item>,
  count: number,
  units: number,
  measure: (item: Item) => number,
): AsyncGenerator<Item[]> {
  let group: Item[] = []
  let groupUnits = 0
  for await (const item of items) {
    const itemUnits = measure(item)
    if (group.length > 0 && (group.length >= count || groupUnits + itemUnits > units)) {
      yield group
      group = []
      groupUnits = 0
    }
    group.push(item)
    groupUnits += itemUnits
  }
  if (group.length > 0) yield group
}

function sizeOf(entry: SpoolEntry): number {
  return entry.status === 'spooled' ? entry.original.length : 0
}
