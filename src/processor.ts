// Builds the frozen unified processor: parse -> the cleaning plugins in order -> stringify.
// The order matters: encoding repair first (every later rule needs the real characters), then
// whitespace and width, pinyin before punctuation (R1 needs the ASCII brackets), dedupe last.
import {type Processor, unified} from 'unified'
import type {VFile} from 'vfile'
import {loadHash64} from './dedupe/key.js'
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
import {parse} from './syntax/parse.js'
import {stringify} from './syntax/stringify.js'
import type {Root} from './syntax/types.js'

export const pluginNames = [
  'repair-encoding',
  'normalize-whitespace',
  'normalize-width',
  'strip-pinyin',
  'lost-characters',
  'normalize-punctuation',
  'dedupe-paragraphs',
  'dedupe-sentences',
  'near-duplicates',
] as const

export type PluginName = (typeof pluginNames)[number]

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
}

export type NewscleanProcessor = Processor<Root, Root, Root, Root, string>

export async function createProcessor(options: ProcessorOptions = {}): Promise<NewscleanProcessor> {
  const hash64 = await loadHash64()
  const enabled = selectPlugins(options)
  const processor = unified().use(function newscleanSyntax() {
    this.parser = (document: string) => parse(document)
    this.compiler = (tree) => stringify(tree as Root)
  })
  if (enabled.has('repair-encoding')) processor.use(repairEncoding)
  if (enabled.has('normalize-whitespace')) processor.use(normalizeWhitespace)
  if (enabled.has('normalize-width')) processor.use(normalizeWidth)
  if (enabled.has('strip-pinyin')) processor.use(stripPinyin)
  if (enabled.has('lost-characters')) processor.use(lostCharacters)
  if (enabled.has('normalize-punctuation')) processor.use(normalizePunctuation)
  if (enabled.has('dedupe-paragraphs')) {
    processor.use(dedupeParagraphs, {hash64, acrossFiles: options.acrossFiles, store: options.store})
  }
  if (enabled.has('dedupe-sentences')) processor.use(dedupeSentences, {hash64})
  if (enabled.has('near-duplicates')) processor.use(nearDuplicates, {mode: options.nearDuplicates})
  return processor.freeze() as unknown as NewscleanProcessor
}

export function selectPlugins(options: ProcessorOptions): Set<PluginName> {
  for (const name of [...(options.only ?? []), ...(options.skip ?? [])]) {
    if (!(pluginNames as readonly string[]).includes(name)) {
      throw new UsageError(`Unknown plugin \`${name}\`; expected one of: ${pluginNames.join(', ')}`)
    }
  }
  const only = options.only && options.only.length > 0 ? new Set(options.only) : undefined
  const skip = new Set(options.skip ?? [])
  return new Set(pluginNames.filter((name) => (only ? only.has(name) : true) && !skip.has(name)))
}

export class UsageError extends Error {
  code = 'usage'
}

// One document through the processor, keeping the final tree for the reports.
export interface Processed {
  tree: Root
  text: string
  // Paragraphs the parser found, before any plugin removed one.
  paragraphsIn: number
}

export async function processDocument(processor: NewscleanProcessor, file: VFile): Promise<Processed> {
  const tree = processor.parse(file)
  const paragraphsIn = tree.children.length
  const cleaned = await processor.run(tree, file)
  const text = processor.stringify(cleaned, file)
  return {tree: cleaned, text, paragraphsIn}
}
