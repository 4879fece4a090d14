// Writes the reports: per document `files/<relativePath>` + `.patch`, `.json`, `.html` (the
// suffix appended to the full name, so no input can collide with the batch files), and per batch
// `index.html` and `summary.json`. What the pages load (the index's rows, a JSONL file's records)
// goes under `_data/`, a folder no input's report can take. Every file is written atomically.
import {rm} from 'node:fs/promises'
import {isAbsolute, join, relative, sep} from 'node:path'
import {createAtomicStream, writeChunk, writeFileAtomic} from '../write/atomic.js'
import {recordDataFolder, renderFileHtml} from './html.js'
import {emptyIndexData, renderIndexData, renderIndexHtml, reportDataFolder} from './index-page.js'
import type {RecordReport} from './jsonl.js'
import {renderPatch} from './patch.js'
import {buildFileRecord} from './record.js'
import {type BatchSummary, renderSummaryJson} from './summary.js'
import type {CleanedDocument, FileRecord} from './types.js'

export class ReportPathError extends Error {
  code = 'report-path'
}

export interface FileReportPaths {
  relativePath: string
  patch: string
  json: string
  html: string
  // The folder of a JSONL file's record data files (under `_data/`, apart from every input's reports).
  records: string
}

// The report files of one input; a relative path that would leave `files/` is refused.
export function fileReportPaths(reportDir: string, relativePath: string): FileReportPaths {
  const folder = join(reportDir, 'files')
  const base = join(folder, relativePath)
  const inside = relative(folder, base)
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    throw new ReportPathError(
      `the report of \`${relativePath}\` would fall outside ${folder}; give a path inside the input folder`,
    )
  }
  return {
    relativePath,
    patch: `${base}.patch`,
    json: `${base}.json`,
    html: `${base}.html`,
    records: join(reportDir, recordDataFolder(relativePath)),
  }
}

// A file's reports are all written or none: a failure part way removes the ones written.
export async function writeFileReports(reportDir: string, outcome: CleanedDocument): Promise<FileRecord> {
  const paths = fileReportPaths(reportDir, outcome.relativePath)
  const record = buildFileRecord(outcome)
  try {
    await writeFileAtomic(paths.json, JSON.stringify(record, null, 2) + '\n')
    await writeFileAtomic(paths.html, renderFileHtml(record))
    const patch = renderPatch(outcome)
    // No change, no patch: GNU patch refuses an empty one, and a stale one must not survive.
    if (patch === '') await rm(paths.patch, {force: true})
    else await writeFileAtomic(paths.patch, patch)
    return record
  } catch (error) {
    await removeFileReports(paths)
    throw error
  }
}

async function removeFileReports(paths: FileReportPaths): Promise<void> {
  await Promise.all([paths.json, paths.html, paths.patch].map((path) => rm(path, {force: true})))
}

export interface JsonlReport {
  // One record's report, written as soon as the record is cleaned.
  add: (report: RecordReport) => Promise<void>
  // The file's record after its entries, then the file's page.
  commit: (record: FileRecord) => Promise<void>
  abort: () => Promise<void>
}

// Sections of the review page per data file: a screenful or two, so the first shows at once.
const sectionsPerDataFile = 50

// The `.json` of a JSONL file, streamed: the entries of its records (a file of several GB has
// too many to hold), then its record. The sections of its page go to data files as they come
// (a stale set from an earlier run goes first), the page naming them last.
export async function createJsonlReport(paths: FileReportPaths): Promise<JsonlReport> {
  await rm(paths.records, {recursive: true, force: true})
  const target = await createAtomicStream(paths.json)
  await writeChunk(target.stream, '{"records":[\n')
  let entries = 0
  let sections: string[] = []
  let dataFiles = 0
  const flush = async () => {
    if (sections.length === 0) return
    await writeFileAtomic(join(paths.records, `${dataFiles++}.js`), `newscleanRecords(${JSON.stringify(sections)});\n`)
    sections = []
  }
  return {
    add: async ({entry, section}) => {
      await writeChunk(target.stream, (entries++ > 0 ? ',\n' : '') + JSON.stringify(entry))
      sections.push(section)
      if (sections.length === sectionsPerDataFile) await flush()
    },
    commit: async (record) => {
      await flush()
      await writeChunk(target.stream, '\n],' + JSON.stringify(record).slice(1) + '\n')
      await target.commit()
      try {
        await writeFileAtomic(paths.html, renderFileHtml(record, {files: dataFiles, count: entries}))
      } catch (error) {
        await removeFileReports(paths)
        throw error
      }
    },
    abort: () => target.abort(),
  }
}

// The index's data files first (a stale set from an earlier batch goes), then the page naming them.
export async function writeBatchReports(reportDir: string, summary: BatchSummary): Promise<void> {
  await rm(join(reportDir, reportDataFolder, 'index'), {recursive: true, force: true})
  const data = emptyIndexData()
  for await (const file of renderIndexData(summary, data)) await writeFileAtomic(join(reportDir, file.path), file.text)
  await writeFileAtomic(join(reportDir, 'index.html'), renderIndexHtml(summary, data))
  await writeChunksAtomic(join(reportDir, 'summary.json'), renderSummaryJson(summary))
}

async function writeChunksAtomic(path: string, chunks: AsyncIterable<string>): Promise<void> {
  const target = await createAtomicStream(path)
  try {
    for await (const chunk of chunks) await writeChunk(target.stream, chunk)
    await target.commit()
  } catch (error) {
    await target.abort()
    throw error
  }
}
