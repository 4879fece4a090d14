// Writes the reports: per document `files/<relativePath>` + `.patch`, `.json`, `.html` (the
// suffix appended to the full name, so no input can collide with the batch files), and per batch
// `index.html` and `summary.json`. Every file is written atomically (temp file + rename).
import {rm} from 'node:fs/promises'
import {isAbsolute, join, relative, sep} from 'node:path'
import {createAtomicStream, writeChunk, writeFileAtomic} from '../write/atomic.js'
import {renderFileHtml} from './html.js'
import {renderIndexHtml} from './index-page.js'
import {renderPatch} from './patch.js'
import {buildFileRecord} from './record.js'
import {type BatchSummary, renderSummaryJson} from './summary.js'
import type {CleanedDocument, FileRecord} from './types.js'

export class ReportPathError extends Error {
  code = 'report-path'
}

export interface FileReportPaths {
  patch: string
  json: string
  html: string
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
  return {patch: `${base}.patch`, json: `${base}.json`, html: `${base}.html`}
}

export async function writeFileReports(reportDir: string, outcome: CleanedDocument): Promise<FileRecord> {
  const paths = fileReportPaths(reportDir, outcome.relativePath)
  const record = buildFileRecord(outcome)
  await writeFileAtomic(paths.json, JSON.stringify(record, null, 2) + '\n')
  await writeFileAtomic(paths.html, renderFileHtml(record))
  const patch = renderPatch(outcome)
  // No change, no patch: GNU patch refuses an empty one, and a stale one must not survive.
  if (patch === '') await rm(paths.patch, {force: true})
  else await writeFileAtomic(paths.patch, patch)
  return record
}

export interface JsonlReport {
  // One record's entry, written as soon as the record is cleaned.
  add: (entry: object) => Promise<void>
  // The file's record after its entries, then the file's page.
  commit: (record: FileRecord) => Promise<void>
  abort: () => Promise<void>
}

// The `.json` of a JSONL file, streamed: the entries of its records (a file of several GB has
// too many to hold), then its record.
export async function createJsonlReport(paths: FileReportPaths): Promise<JsonlReport> {
  const target = await createAtomicStream(paths.json)
  await writeChunk(target.stream, '{"records":[\n')
  let entries = 0
  return {
    add: (entry) => writeChunk(target.stream, (entries++ > 0 ? ',\n' : '') + JSON.stringify(entry)),
    commit: async (record) => {
      await writeChunk(target.stream, '\n],' + JSON.stringify(record).slice(1) + '\n')
      await target.commit()
      // The page gives the file's figures and what needs review; the diffs per record are in the .json.
      await writeFileAtomic(paths.html, renderFileHtml(record))
    },
    abort: () => target.abort(),
  }
}

export async function writeBatchReports(reportDir: string, summary: BatchSummary): Promise<void> {
  await writeChunksAtomic(join(reportDir, 'index.html'), renderIndexHtml(summary))
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
