// vitest's global set-up: every test file, and every command line a test starts, writes its
// temporary folders under one folder of this run (TMPDIR, which os.tmpdir() reads), removed when
// the run ends, so a test run leaves nothing in the system's temporary folder.
import {chmodSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'newsclean-tests-'))
  // Open to every user with the sticky bit, as /tmp is: some tests run the command line as nobody.
  chmodSync(folder, 0o1777)
  process.env.TMPDIR = folder
  return () => rmSync(folder, {recursive: true, force: true})
}
