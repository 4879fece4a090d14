// The library entry: clean one text in memory, with the same processor and report record the
// CLI uses for files.
import {type Data, VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {type Decoding, doubtAbout} from './data.js'
import {reportDoubt} from './messages.js'
import {createProcessor, type NewscleanProcessor, type ProcessorOptions, processDocument} from './processor.js'
import {buildFileRecord, type FileRecord} from './report/record.js'
import type {CleanedDocument} from './report/types.js'

export interface CleanOptions extends ProcessorOptions {
  // Name of the document in messages and the report; default `-`.
  path?: string
}

export interface CleanResult {
  text: string
  messages: VFileMessage[]
  // The same record as a file's `.json` report.
  report: FileRecord
}

const textDecoding: Decoding = {encoding: 'UTF-8', confidence: 1, bom: false}

export async function clean(text: string, options: CleanOptions = {}): Promise<CleanResult> {
  const processor = await createProcessor(options)
  const outcome = await cleanDecoded(processor, text, textDecoding, options.path ?? '-')
  return {text: outcome.clean, messages: outcome.file.messages, report: buildFileRecord(outcome)}
}

// A decoded text through the processor, with all a report needs. `relativePath` (default `path`)
// is what message ids start from, so they survive the input folder being named another way.
export async function cleanDecoded(
  processor: NewscleanProcessor,
  text: string,
  decoding: Decoding,
  path: string,
  // More for the plugins to read: the document's path relative to its input folder (default
  // `path`), its owner in a store that outlives the run, where a window of a large file starts.
  data: Data = {},
): Promise<CleanedDocument> {
  const file = new VFile({path, value: text, data})
  file.data.decoding = decoding
  file.data.relativePath ??= path
  const doubt = doubtAbout(decoding)
  if (doubt) reportDoubt(file, doubt, 'decode', {line: 1, column: 1, offset: 0})
  const {tree, text: clean, paragraphsIn} = await processDocument(processor, file)
  return {inputPath: path, relativePath: path, decoding, original: text, clean, tree, file, paragraphsIn}
}
