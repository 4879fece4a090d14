// The filter mode (`newsclean -`): stdin in, clean text out on stdout, messages on stderr, so
// newsclean can sit in a shell pipe. Reports only when a folder is named.
import {cleanDecoded} from '../clean.js'
import {createProcessor, type ProcessorOptions} from '../processor.js'
import {decode} from '../read/decode.js'
import {buildFileRecord} from '../report/record.js'
import type {FileRecord, FileResult} from '../report/types.js'
import {writeFileReports} from '../report/write.js'
import {describeError} from './document.js'

export interface StdinOptions {
  processor: ProcessorOptions
  encoding?: string
  reportDir?: string
  // Write nothing, to stdout or reports; only tell whether the text would change.
  check: boolean
}

// Like a file of a batch, a failure of stdin (not text, unwritable reports) becomes a result.
export async function cleanStdin(options: StdinOptions): Promise<FileResult> {
  try {
    return {status: 'done', record: await cleanText(options)}
  } catch (error) {
    return {status: 'failed', inputPath: '-', relativePath: 'stdin', reason: describeError(error)}
  }
}

async function cleanText(options: StdinOptions): Promise<FileRecord> {
  const bytes = await readAll(process.stdin)
  const {text, decoding} = decode(bytes, {encoding: options.encoding})
  const processor = await createProcessor(options.processor)
  const outcome = await cleanDecoded(processor, text, decoding, '-')
  outcome.relativePath = 'stdin'
  if (options.check) return buildFileRecord(outcome)
  await writeAll(process.stdout, outcome.clean)
  return options.reportDir ? writeFileReports(options.reportDir, outcome) : buildFileRecord(outcome)
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  return Buffer.concat(chunks)
}

function writeAll(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()))
  })
}
