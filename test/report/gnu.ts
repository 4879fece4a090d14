// The real GNU tools as oracles: `patch -p1` applies a rendered patch to a real file in a
// temporary folder; `diff -u` shows what GNU diff itself writes for the same change.
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'

export function applyWithGnuPatch(relativePath: string, original: string, patch: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'newsclean-patch-'))
  try {
    const target = join(folder, relativePath)
    mkdirSync(dirname(target), {recursive: true})
    writeFileSync(target, original)
    const result = spawnSync('patch', ['-p1', '--batch', '--silent', '--no-backup-if-mismatch', '-d', folder], {
      input: patch,
      encoding: 'utf8',
    })
    if (result.status !== 0)
      throw new Error(`patch failed (${result.status}): ${result.stdout}${result.stderr}\n${patch}`)
    return existsSync(target) ? readFileSync(target, 'utf8') : '<file removed>'
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
}

export function gnuDiff(name: string, original: string, clean: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'newsclean-diff-'))
  try {
    writeFileSync(join(folder, 'old'), original)
    writeFileSync(join(folder, 'new'), clean)
    const result = spawnSync('diff', ['-u', '--label', `a/${name}`, '--label', `b/${name}`, 'old', 'new'], {
      cwd: folder,
      encoding: 'utf8',
    })
    return result.stdout
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
}
