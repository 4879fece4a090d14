// The plugin table, and the frozen unified processor built from it: parse -> the cleaning plugins in
// order -> stringify. The names `--only`/`--skip` take and the `--help` list come from the table too.
// The order matters: encoding repair first (every later rule needs the real characters), then
// whitespace and width, pinyin before punctuation (R1 needs the ASCII brackets), dedupe last.
import {type Pluggable, type Plugin, type Processor, unified} from 'unified'
import type {VFile} from 'vfile'
import type {SeenStore} from './dedupe/store.js'
import dedupeParagraphs from './plugins/dedupe-paragraphs.js'
import dedupeSentences from './plugins/dedupe-sentences.js'
import lostCharacters from './plugins/lost-characters.js'
import nearDuplicates from './plugins/near-duplicates.js'
import normalizePunctuation from './plugins/normalize-punctuation.js'
import normalizeWhitespace from './plugins/normalize-whitespace.js'
import normalizeWidth from './plugins/normalize-width.js'
import repairEncoding from './plugins/repair-encoding.js'
import stripPinyin from './plugins/strip-pinyin.js'
import syntax from './syntax/plugin.js'
import type {Root} from './syntax/types.js'
import {StepTimings} from './timings.js'
import {UsageError} from './usage-error.js'

export interface ProcessorOptions {
  // Run only these plugins (by name); default all.
  only?: string[]
  // Run all plugins but these; default none.
  skip?: string[]
  // Also remove paragraphs already seen in an earlier file of the batch; default false.
  acrossFiles?: boolean
  // What to do with near-duplicate paragraphs; default `warn`.
  nearDuplicates?: 'warn' | 'remove'
  // Where seen paragraphs live with `acrossFiles`; default one in-memory store per processor.
  store?: SeenStore
  // Ids of fixes and removals a reviewer rejected (`--decisions`): reported, not applied.
  rejected?: string[]
}

// A row of the plugin table.
export interface PluginRow<Name extends string = string, Options = unknown> {
  // The name `--only` and `--skip` take, the plugin's ruleId.
  name: Name
  plugin: Plugin<[Options?], Root>
  // Its options, drawn from the processor's and the plugins that run; default the plugin's own
  // defaults.
  options?: (options: ProcessorOptions, enabled: ReadonlySet<string>) => Options
  // What it does, in one line: `--help` and the README's plugin list show it.
  summary: string
  // The rules of docs/punctuation.md it applies (`R5`), so `--only R5` can name the plugin.
  rules?: string[]
}

function row<const Name extends string, Options>(plugin: PluginRow<Name, Options>): PluginRow<Name, Options> {
  return plugin
}

// Every plugin, in the order they run.
export const pluginTable = [
  row({
    name: 'repair-encoding',
    plugin: repairEncoding,
    summary: 'repair text a GBK decoder read one byte off',
  }),
  row({
    name: 'normalize-whitespace',
    plugin: normalizeWhitespace,
    summary: 'trim paragraphs, drop zero-width characters and blank lines',
    rules: ['W'],
  }),
  row({
    name: 'normalize-width',
    plugin: normalizeWidth,
    summary: 'full-width letters and digits to ASCII',
    rules: ['R0'],
  }),
  row({
    name: 'strip-pinyin',
    plugin: stripPinyin,
    summary: 'remove pinyin annotations glued to Han characters',
    rules: ['R1'],
  }),
  row({
    name: 'lost-characters',
    plugin: lostCharacters,
    summary: 'warn where a ? probably stands for a lost character',
  }),
  row({
    name: 'normalize-punctuation',
    plugin: normalizePunctuation,
    summary: 'ASCII punctuation in Chinese context to full-width',
    rules: ['P0', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8'],
  }),
  row({
    name: 'dedupe-paragraphs',
    plugin: dedupeParagraphs,
    options: ({acrossFiles, store}, enabled) => ({
      acrossFiles,
      store,
      shareSentenceForms: enabled.has('dedupe-sentences') || enabled.has('near-duplicates'),
    }),
    summary: 'remove later copies of repeated paragraphs',
  }),
  row({
    name: 'dedupe-sentences',
    plugin: dedupeSentences,
    options: (_, enabled) => ({shareSentenceForms: enabled.has('near-duplicates')}),
    summary: 'remove text captured twice within one line',
  }),
  row({
    name: 'near-duplicates',
    plugin: nearDuplicates,
    options: ({nearDuplicates: mode}) => ({mode}),
    summary: 'warn about (or remove) paragraphs and spans repeated with small edits',
  }),
]

export type PluginName = (typeof pluginTable)[number]['name']

export const pluginNames: PluginName[] = pluginTable.map((plugin) => plugin.name)

export type NewscleanProcessor = Processor<Root, Root, Root, Root, string>

// `include` picks a part of the table (the two-phase batch runs the steps before dedupe-paragraphs
// and the rest apart); default every enabled plugin.
export async function createProcessor(
  options: ProcessorOptions = {},
  include: (name: PluginName) => boolean = () => true,
): Promise<NewscleanProcessor> {
  const enabled = selectPlugins(options)
  const timings = new StepTimings()
  const plugins = pluginTable
    .filter((plugin) => enabled.has(plugin.name) && include(plugin.name))
    .map((plugin): Pluggable => [timed(plugin.name, plugin.plugin, timings), plugin.options?.(options, enabled)])
  const rejected = new Set(options.rejected ?? [])
  return unified()
    .data('timings', timings)
    .use(syntax)
    .use(decisions, rejected)
    .use(plugins)
    .freeze() as unknown as NewscleanProcessor
}

// Hands each document the reviewer's rejections, which `reportFix` and `reportRemoval` consult.
const decisions: Plugin<[ReadonlySet<string>], Root> = function (rejected) {
  return function (_tree: Root, file: VFile) {
    if (rejected.size > 0) file.data.rejected = rejected
  }
}

// The step timings a processor has recorded (every plugin run, every parse and stringify); a
// processor built elsewhere records nowhere.
export function processorTimings(processor: NewscleanProcessor): StepTimings {
  return processor.data('timings') ?? new StepTimings()
}

// The plugin with its transformer's time recorded under its name.
function timed(name: string, plugin: Plugin<[never?], Root>, timings: StepTimings): Plugin<[never?], Root> {
  return function (this: Processor, options?: never) {
    const transformer = plugin.call(this, options) as Transformer | undefined
    if (!transformer) return
    return async (tree: Root, file: VFile) => {
      const start = performance.now()
      const recordedBefore = timings.recorded
      try {
        return await transformer(tree, file)
      } finally {
        // One thread cleans two documents at a time: while this step awaited, the other's steps
        // may have run, and their time is theirs.
        const others = timings.recorded - recordedBefore
        timings.record(name, Math.max(0, performance.now() - start - others))
      }
    }
  }
}

type Transformer = (tree: Root, file: VFile) => Promise<Root | undefined> | Root | undefined

export function selectPlugins(options: ProcessorOptions): Set<PluginName> {
  for (const name of [...(options.only ?? []), ...(options.skip ?? [])]) {
    if (!(pluginNames as string[]).includes(name)) {
      const owner = pluginTable.find((plugin) => plugin.rules?.includes(name.toUpperCase()))
      const hint = owner ? `; \`${name}\` is a rule of the plugin \`${owner.name}\`, try \`${owner.name}\`` : ''
      throw new UsageError(`Unknown plugin \`${name}\`${hint}; expected one of: ${pluginNames.join(', ')}`)
    }
  }
  const only = options.only && options.only.length > 0 ? new Set(options.only) : undefined
  const skip = new Set(options.skip ?? [])
  return new Set(pluginNames.filter((name) => (only ? only.has(name) : true) && !skip.has(name)))
}

// One document through the processor, keeping the final tree for the reports.
export interface Processed {
  tree: Root
  text: string
  // Paragraphs the parser found, before any plugin removed one.
  paragraphsIn: number
}

export async function processDocument(processor: NewscleanProcessor, file: VFile): Promise<Processed> {
  const timings = processorTimings(processor)
  const parseStart = performance.now()
  const tree = processor.parse(file)
  timings.record('parse', performance.now() - parseStart)
  const paragraphsIn = tree.children.length
  const cleaned = await processor.run(tree, file)
  const stringifyStart = performance.now()
  const text = processor.stringify(cleaned, file)
  timings.record('stringify', performance.now() - stringifyStart)
  return {tree: cleaned, text, paragraphsIn}
}

declare module 'unified' {
  interface Data {
    timings?: StepTimings
  }
}
