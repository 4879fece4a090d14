// The filter mode (`newsclean -`): stdin in, clean text out on stdout, messages on stderr, so
// newsclean can sit in a shell pipe. Reports only when a folder is named.
import {cleanDecoded} from '../clean.js'
import {createProcessor, type ProcessorOptions} from '../processor.js'
import {decode} from '../read/decode.js'
import {buildFileRecord, type FileRecord} from '../report/record.js'
import {writeFileReports} from '../report/write.js'

export interface StdinOptions {
  processor: ProcessorOptions
  encoding?: string
  reportDir?: string
  // Write nothing, to stdout or reports; only tell whether the text would change.
  check: boolean
}

export async function cleanStdin(options: StdinOptions): Promise<{record: FileRecord}> {
  const bytes = await readAll(process.stdin)
  const {text, decoding} = decode(bytes, {encoding: options.encoding})
  const processor = await createProcessor(options.processor)
  const outcome = await cleanDecoded(processor, text, decoding, '-')
  outcome.relativePath = 'stdin'
  if (options.check) return {record: buildFileRecord(outcome)}
  await writeAll(process.stdout, outcome.clean)
  const record = options.reportDir ? await writeFileReports(options.reportDir, outcome) : buildFileRecord(outcome)
  return {record}
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
