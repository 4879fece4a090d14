// The public API: clean() for one text, the processor and its plugins for unified users, types.

export {type RunOptions, type RunResult, run} from './batch/run.js'
export {type CleanOptions, type CleanResult, clean} from './clean.js'
export {default as dedupeParagraphs} from './plugins/dedupe-paragraphs.js'
export {default as dedupeSentences} from './plugins/dedupe-sentences.js'
export {default as lostCharacters} from './plugins/lost-characters.js'
export {default as nearDuplicates} from './plugins/near-duplicates.js'
export {default as normalizePunctuation} from './plugins/normalize-punctuation.js'
export {default as normalizeWhitespace} from './plugins/normalize-whitespace.js'
export {default as normalizeWidth} from './plugins/normalize-width.js'
export {default as repairEncoding} from './plugins/repair-encoding.js'
export {default as stripPinyin} from './plugins/strip-pinyin.js'
export {
  createProcessor,
  type PluginName,
  type PluginRow,
  type ProcessorOptions,
  pluginNames,
  pluginTable,
} from './processor.js'
export type {FileRecord, FileResult} from './report/types.js'
export {default as syntax} from './syntax/plugin.js'
export type {Root} from './syntax/types.js'
