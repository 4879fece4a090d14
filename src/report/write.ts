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
import type {DocumentOutcome, FileRecord} from './types.js'

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

export async function writeFileReports(reportDir: string, outcome: DocumentOutcome): Promise<FileRecord> {
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
