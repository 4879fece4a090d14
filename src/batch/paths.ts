// Where a batch may write, settled before any work: outputs never land on an input, two inputs
// never share an output, and reports never share a folder with clean files. Paths are compared
// by real path, so a symlink (`-o outlink` to the input folder) cannot hide a collision.
import {dirname} from 'node:path'
import {inputName, isWithin, realPathOf} from '../read/walk.js'
import {UsageError} from '../usage-error.js'

export interface BatchPaths {
  paths: string[]
  outDir: string
  reportDir?: string
  // Nothing is written: only the inputs' names matter.
  check: boolean
}

export async function checkBatchPaths(batch: BatchPaths): Promise<void> {
  checkInputNames(batch.paths)
  if (batch.check) return
  const inputs = await Promise.all(batch.paths.map(async (path) => ({path, real: await realPathOf(path)})))
  const folders = [{option: '--out', path: batch.outDir, real: await realPathOf(batch.outDir)}]
  if (batch.reportDir)
    folders.push({option: '--report', path: batch.reportDir, real: await realPathOf(batch.reportDir)})
  for (const folder of folders) {
    for (const input of inputs) {
      if (isWithin(input.real, folder.real)) {
        throw new UsageError(
          `${folder.option} \`${folder.path}\` is or holds the input \`${input.path}\` (${input.real}); ` +
            'writing there could overwrite inputs, choose a folder outside the inputs',
        )
      }
    }
  }
  const [out, report] = folders
  if (out && report && (isWithin(out.real, report.real) || isWithin(report.real, out.real))) {
    throw new UsageError(
      `--report \`${report.path}\` and --out \`${out.path}\` must be separate folders, neither inside the other`,
    )
  }
}

// With several inputs each one's files go under its own name, so two inputs of one name would
// write the same outputs.
function checkInputNames(paths: string[]): void {
  if (paths.length < 2) return
  const byName = new Map<string, string>()
  for (const path of paths) {
    const name = inputName(path)
    const first = byName.get(name)
    if (first !== undefined) {
      throw new UsageError(
        `the inputs \`${first}\` and \`${path}\` have the same name \`${name}\`, so their outputs would collide; ` +
          'clean them in separate runs or rename one',
      )
    }
    if (name === '') throw new UsageError(`the input \`${path}\` has no name to put its files under; clean it alone`)
    byName.set(name, path)
  }
}

const checkedFolders = new Map<string, Promise<boolean>>()

// A write goes only into the folder it was planned in: a symlink planted inside the output
// folder (`out/news -> ../input`) is refused rather than written through.
export async function assertWritesInside(folder: string, target: string): Promise<void> {
  const targetFolder = dirname(target)
  let inside = checkedFolders.get(targetFolder)
  if (!inside) {
    inside = Promise.all([realPathOf(folder), realPathOf(targetFolder)]).then(([real, targetReal]) =>
      isWithin(targetReal, real),
    )
    checkedFolders.set(targetFolder, inside)
  }
  if (!(await inside)) {
    throw new Error(`${targetFolder} leads out of ${folder} through a symbolic link; nothing written there`)
  }
}
