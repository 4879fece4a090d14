// Misuse and faults, each as a careful user would meet it: the built CLI in a real process, on real
// files, symlinks, FIFOs and folders. Whatever happens, no input is written, no output is lost
// silently, no stack trace is printed and no temporary file is left.
import {execFileSync, spawn, spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import {hostname, tmpdir} from 'node:os'
import {join} from 'node:path'
import {gzipSync} from 'node:zlib'
import iconv from 'iconv-lite'
import {afterAll, describe, expect, it} from 'vitest'
import {corpusArticles, root, seedDir} from '../helpers.js'

const cli = join(root, 'dist', 'cli.js')
const stackTrace = /^\s+at .+:\d+:\d+\)?$|node:internal|Unhandled|uncaught/im

interface Ran {
  status: number | null
  stdout: string
  stderr: string
}

function newsclean(
  args: string[],
  options: {cwd?: string; input?: string | Buffer; env?: NodeJS.ProcessEnv} = {},
): Ran {
  const ran = spawnSync(process.execPath, [cli, ...args], {
    cwd: options.cwd ?? root,
    input: options.input,
    env: options.env ?? process.env,
    encoding: 'utf8',
    timeout: 60_000,
  })
  expect(ran.signal, 'the run hung or was killed').toBeNull()
  expect(ran.stderr).not.toMatch(stackTrace)
  return {status: ran.status, stdout: ran.stdout, stderr: ran.stderr}
}

const made: string[] = []
afterAll(() => {
  for (const folder of made) execFileSync('rm', ['-rf', folder])
})

function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'newsclean-faults-'))
  made.push(folder)
  return folder
}

// Files under `folder` (symlinks not followed), with their sha256.
function digest(folder: string): Record<string, string> {
  const entries = readdirSync(folder, {recursive: true, withFileTypes: true})
  return Object.fromEntries(
    entries
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name)
        return [path.slice(folder.length + 1), createHash('sha256').update(readFileSync(path)).digest('hex')]
      }),
  )
}

function listFiles(folder: string): string[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder, {recursive: true, withFileTypes: true})
    .filter((entry) => !entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort()
}

function temporaryFiles(...folders: string[]): string[] {
  return folders.flatMap(listFiles).filter((path) => /\.tmp$|newsclean-rows-/.test(path))
}

const articles = corpusArticles()

// A folder of real news: `count` corpus articles as text files.
function newsFolder(parent: string, name: string, count = 2, offset = 0): string {
  const folder = join(parent, name)
  mkdirSync(folder, {recursive: true})
  for (let index = 0; index < count; index++) {
    writeFileSync(join(folder, `${String(index).padStart(3, '0')}.txt`), articles[offset + index] + '\n')
  }
  return folder
}

function jsonl(records: number, offset = 0): string {
  return articles
    .slice(offset, offset + records)
    .map((text, id) => JSON.stringify({id, text}) + '\n')
    .join('')
}

describe('an input is never written', () => {
  it.each([
    ['a symlink to the input folder as --out', (work: string) => ['in', '-o', 'outlink', '-r', join(work, 'report')]],
    ['--out a parent of the input folder', (work: string) => ['in', '-o', '.', '-r', join(work, 'report')]],
    ['--out the input folder itself', (work: string) => ['in', '-o', 'in', '-r', join(work, 'report')]],
    ['--report the input folder', (work: string) => ['in', '-o', join(work, 'clean'), '-r', 'in']],
    ['--report equal to --out', (work: string) => ['in', '-o', join(work, 'o'), '-r', join(work, 'o')]],
    ['--report inside --out', (work: string) => ['in', '-o', join(work, 'o'), '-r', join(work, 'o', 'r')]],
  ])('refuses %s with exit 2 before any work', (_, args) => {
    const work = temporaryFolder()
    const input = newsFolder(work, 'in')
    mkdirSync(join(input, 'in'))
    writeFileSync(join(input, 'in', '000.txt'), articles[9] + '\n')
    writeFileSync(join(input, 'a.html'), `<p>${articles[3]}</p>`)
    writeFileSync(join(input, 'summary.json'), '{"mine": true}\n')
    symlinkSync('in', join(work, 'outlink'))
    const before = digest(input)
    const ran = newsclean(args(work), {cwd: work})
    expect(ran.status).toBe(2)
    expect(ran.stderr).toMatch(/^newsclean: .*(--out|--report)/)
    expect(digest(input)).toEqual(before)
    expect(listFiles(join(work, 'report'))).toEqual([])
  })

  it('refuses to write through a symlink planted inside the output folder', () => {
    const work = temporaryFolder()
    const input = newsFolder(work, 'in')
    mkdirSync(join(input, 'news'))
    writeFileSync(join(input, 'news', '000.txt'), articles[5] + '\n')
    mkdirSync(join(work, 'out'))
    symlinkSync(join(input, 'news'), join(work, 'out', 'news'))
    const before = digest(input)
    const ran = newsclean([input, '-o', join(work, 'out'), '--no-report'])
    expect(ran.status).toBe(1)
    expect(ran.stderr).toMatch(/through a symbolic link/)
    expect(digest(input)).toEqual(before)
    expect(listFiles(join(work, 'out'))).toEqual(['000.txt', '001.txt', 'news'])
  })
})

describe('no output is lost silently', () => {
  it('gives a.txt and a.html their own outputs', () => {
    const work = temporaryFolder()
    mkdirSync(join(work, 'in'))
    writeFileSync(join(work, 'in', 'a.txt'), articles[0] + '\n')
    writeFileSync(join(work, 'in', 'a.html'), `<p>${articles[1]}</p>`)
    const ran = newsclean(['in', '-o', 'out', '-r', 'report'], {cwd: work})
    expect(ran.status).toBe(0)
    expect(listFiles(join(work, 'out'))).toEqual(['a.html.txt', 'a.txt'])
    expect(readFileSync(join(work, 'out', 'a.txt'), 'utf8')).toContain(articles[0]!.slice(0, 20))
    expect(readFileSync(join(work, 'out', 'a.html.txt'), 'utf8')).toContain(articles[1]!.slice(0, 20))
  })

  it('puts each of several inputs under its own name, as cp -r does', () => {
    const work = temporaryFolder()
    newsFolder(work, 'day1', 1, 0)
    newsFolder(work, 'day2', 1, 1)
    writeFileSync(join(work, 'extra.txt'), articles[2] + '\n')
    const ran = newsclean(['day1', 'day2', 'extra.txt', '-o', 'out', '-r', 'report'], {cwd: work})
    expect(ran.status).toBe(0)
    expect(listFiles(join(work, 'out'))).toEqual(['day1/000.txt', 'day2/000.txt', 'extra.txt'])
    expect(readFileSync(join(work, 'out', 'day2', '000.txt'), 'utf8')).toContain(articles[1]!.slice(0, 20))
  })

  it('refuses two inputs of the same name with exit 2, naming both', () => {
    const work = temporaryFolder()
    newsFolder(join(work, 'a'), 'day', 1)
    newsFolder(join(work, 'b'), 'day', 1)
    const ran = newsclean(['a/day', 'b/day', '-o', 'out'], {cwd: work})
    expect(ran.status).toBe(2)
    expect(ran.stderr).toMatch(/`a\/day` and `b\/day`/)
    expect(existsSync(join(work, 'out'))).toBe(false)
  })

  it('passes a JSONL record with its text field twice through unchanged, with a warning', () => {
    const work = temporaryFolder()
    const twice = `{"text":${JSON.stringify(articles[0])},"text":${JSON.stringify(articles[1])}}`
    writeFileSync(join(work, 'records.jsonl'), `${twice}\n${JSON.stringify({text: articles[2]})}\n`)
    const ran = newsclean(['records.jsonl', '-o', 'out', '--no-report'], {cwd: work})
    expect(ran.status).toBe(0)
    expect(ran.stderr).toMatch(/Line 1 has the field `text` more than once; passed through unchanged/)
    expect(readFileSync(join(work, 'out', 'records.jsonl'), 'utf8').split('\n')[0]).toBe(twice)
  })
})

describe('the batch goes on', () => {
  it.each(['1', '2'])('fails a truncated .jsonl.gz with one line, finishes the rest (--concurrency %s)', (threads) => {
    const work = temporaryFolder()
    const input = newsFolder(work, 'in', 2)
    const whole = gzipSync(jsonl(40))
    writeFileSync(join(input, 'cut.jsonl.gz'), whole.subarray(0, Math.floor(whole.length * 0.6)))
    const ran = newsclean(['in', '-o', 'out', '-r', 'report', '--concurrency', threads], {cwd: work})
    expect(ran.status).toBe(1)
    expect(ran.stderr).toMatch(/truncated gzip data/)
    expect(listFiles(join(work, 'out'))).toEqual(['000.txt', '001.txt'])
    expect(temporaryFiles(join(work, 'out'), join(work, 'report'))).toEqual([])
    expect(listFiles(join(work, 'report'))).not.toContain('files/cut.jsonl.gz.json')
  })

  it('skips FIFOs, sockets and devices in a folder without opening them, and fails one named on the command line', () => {
    const work = temporaryFolder()
    const input = newsFolder(work, 'in', 1)
    execFileSync('mkfifo', [join(input, 'pipe.txt'), join(work, 'named.txt')])
    symlinkSync(join(work, 'named.txt'), join(work, 'link.txt'))
    const inFolder = newsclean(['in', '-o', 'out', '--no-report'], {cwd: work})
    expect(inFolder.status).toBe(0)
    expect(inFolder.stderr).toMatch(/pipe\.txt: a FIFO \(named pipe\), not a regular file; skipped/)
    for (const named of ['named.txt', 'link.txt']) {
      const ran = newsclean([named, 'in/000.txt', '-o', 'out2', '--no-report'], {cwd: work})
      expect(ran.status).toBe(1)
      expect(ran.stderr).toMatch(/a FIFO \(named pipe\), not a regular file; not read/)
      expect(listFiles(join(work, 'out2'))).toEqual(['000.txt'])
    }
  })

  it.each([[[]], [['--follow-symlinks']]])(
    'never follows a symlink to a device, out of the tree or round a loop %j',
    (flags) => {
      const work = temporaryFolder()
      const input = newsFolder(work, 'in', 1)
      symlinkSync('/dev/zero', join(input, 'zero.txt'))
      symlinkSync('/etc/passwd', join(input, 'passwd.txt'))
      symlinkSync('.', join(input, 'self'))
      const ran = newsclean(['in', '-o', 'out', '-r', 'report', ...flags], {cwd: work})
      expect(ran.status).toBe(0)
      expect(listFiles(join(work, 'out'))).toEqual(['000.txt'])
      expect(ran.stderr).toMatch(/zero\.txt: a symbolic link/)
      expect(ran.stderr).toMatch(/passwd\.txt: a symbolic link/)
      expect(ran.stderr).toMatch(/self: a symbolic link/)
      expect(readFileSync(join(work, 'report', 'summary.json'), 'utf8')).not.toMatch(/passwd|root:/)
    },
  )

  it('follows symlinks inside the tree with --follow-symlinks', () => {
    const work = temporaryFolder()
    const input = newsFolder(work, 'in', 1)
    mkdirSync(join(input, 'sub'))
    writeFileSync(join(input, 'sub', 'b.txt'), articles[4] + '\n')
    symlinkSync('sub', join(input, 'alias'))
    symlinkSync('000.txt', join(input, 'same.txt'))
    const ran = newsclean(['in', '-o', 'out', '--no-report', '--follow-symlinks'], {cwd: work})
    expect(ran.status).toBe(0)
    expect(listFiles(join(work, 'out'))).toEqual(['000.txt', 'alias/b.txt', 'same.txt', 'sub/b.txt'])
  })

  it('fails a path over the length limit as one entry and finishes the rest', () => {
    const work = temporaryFolder()
    const input = newsFolder(work, 'in', 1)
    const name = 'd'.repeat(200)
    execFileSync('bash', [
      '-c',
      `cd "$1" && for i in $(seq 24); do mkdir ${name} && cd ${name}; done && echo news > deep.txt`,
      '_',
      input,
    ])
    const ran = newsclean(['in', '-o', 'out', '--no-report'], {cwd: work})
    expect(ran.status).toBe(1)
    expect(ran.stderr).toMatch(/name too long/)
    expect(listFiles(join(work, 'out'))).toContain('000.txt')
  })

  it('cleans a file whose name is not UTF-8, showing the odd bytes as \\xNN', () => {
    const work = temporaryFolder()
    const input = newsFolder(work, 'in', 1)
    writeFileSync(
      Buffer.concat([Buffer.from(join(input, 'caf')), Buffer.from([0xff]), Buffer.from('.txt')]),
      articles[6] + '\n',
    )
    const ran = newsclean(['in', '-o', 'out', '-r', 'report'], {cwd: work})
    expect(ran.status).toBe(0)
    expect(listFiles(join(work, 'out'))).toEqual(['000.txt', 'caf\\xff.txt'])
    expect(listFiles(join(work, 'report', 'files'))).toContain('caf\\xff.txt.json')
    // The index page reads its rows from data files; the name stands there as a JSON string.
    const rows = readFileSync(join(work, 'report', '_data', 'index', 'rows-0.js'), 'utf8')
    expect(rows).toContain(JSON.stringify('caf\\xff.txt').slice(1, -1))
  })

  it('reads UTF-16 without a BOM when it is clearly UTF-16', () => {
    const work = temporaryFolder()
    writeFileSync(join(work, 'wide.txt'), iconv.encode(articles[7]!.slice(0, 300) + '\n', 'utf16le'))
    const ran = newsclean(['wide.txt', '-o', 'out', '--no-report'], {cwd: work})
    expect(ran.status).toBe(0)
    expect(readFileSync(join(work, 'out', 'wide.txt'), 'utf8')).toContain(articles[7]!.slice(0, 10))
  })

  const setpriv = spawnSync('setpriv', ['--version']).status === 0
  it.skipIf(!setpriv || process.getuid?.() !== 0)(
    'fails an unreadable folder as one entry and finishes the rest (run as nobody: root reads everything)',
    () => {
      const work = temporaryFolder()
      const input = newsFolder(work, 'in', 1)
      newsFolder(input, 'locked', 1)
      chmodSync(work, 0o777)
      chmodSync(join(input, 'locked'), 0o000)
      const ran = spawnSync(
        'setpriv',
        ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cli, 'in', '-o', 'out', '--no-report'],
        {cwd: work, encoding: 'utf8', timeout: 60_000},
      )
      chmodSync(join(input, 'locked'), 0o755)
      expect(ran.stderr).not.toMatch(stackTrace)
      expect(ran.status).toBe(1)
      expect(ran.stderr).toMatch(/locked\n.*cannot read this folder: permission denied/)
      expect(listFiles(join(work, 'out'))).toEqual(['000.txt'])
    },
  )
})

// A folder on a file system that is nearly full: a small tmpfs when this process may mount one,
// otherwise the file size limit (EFBIG) of the process.
function fullDisk(work: string): {out: string; prefix: string[]; release: () => void} {
  const out = join(work, 'small')
  mkdirSync(out)
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', out]).status === 0
  if (mounted) return {out, prefix: [], release: () => execFileSync('umount', [out])}
  return {out, prefix: ['sh', '-c', 'ulimit -f 256; exec "$0" "$@"'], release: () => undefined}
}

describe('no stack trace, ever', () => {
  it('ends a disk-full JSONL write with one line and no temporary file (--concurrency 1)', () => {
    const work = temporaryFolder()
    writeFileSync(join(work, 'big.jsonl'), jsonl(400))
    const disk = fullDisk(work)
    try {
      const [command, ...args] = [...disk.prefix, process.execPath, cli]
      const ran = spawnSync(command!, [...args, 'big.jsonl', '-o', disk.out, '--no-report', '--concurrency', '1'], {
        cwd: work,
        encoding: 'utf8',
        timeout: 60_000,
      })
      expect(ran.stderr).not.toMatch(stackTrace)
      expect(ran.status).toBe(1)
      expect(ran.stderr).toMatch(/no space left on device|file too large/)
      expect(listFiles(disk.out)).toEqual([])
    } finally {
      disk.release()
    }
  })

  it('ends a run quietly when stdout is closed early, with 141', () => {
    const work = temporaryFolder()
    writeFileSync(join(work, 'long.txt'), articles.slice(0, 300).join('\n\n') + '\n')
    const ran = spawnSync(
      'bash',
      ['-c', `"$0" "$1" - < long.txt | head -c 10 > /dev/null; exit \${PIPESTATUS[0]}`, process.execPath, cli],
      {
        cwd: work,
        encoding: 'utf8',
        timeout: 60_000,
      },
    )
    expect(ran.status).toBe(141)
    expect(ran.stderr).toBe('')
  })

  it('reports a full stdout in one line naming it', () => {
    const ran = spawnSync(
      'bash',
      ['-c', `"$0" "$1" - < "$2" > /dev/full`, process.execPath, cli, join(seedDir, 'seed.txt')],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    )
    expect(ran.status).toBe(1)
    expect(ran.stderr).not.toMatch(stackTrace)
    expect(ran.stderr).toMatch(/cannot write the clean text to stdout: no space left on device/)
  })
})

describe('sane options', () => {
  it('clamps --concurrency to 4 threads a core, with a warning', () => {
    const work = temporaryFolder()
    newsFolder(work, 'in', 1)
    const ran = newsclean(['in', '-o', 'out', '--no-report', '--concurrency', '1000000'], {cwd: work})
    expect(ran.status).toBe(0)
    expect(ran.stderr).toMatch(/--concurrency 1000000 is more than 4 threads a core; using \d+/)
  })

  it.each(['1/99999999999999999999', '99999999999999999999/99999999999999999999', '0/3', '1/0'])(
    'refuses --shard %s',
    (shard) => {
      const ran = newsclean(['input', '--shard', shard, '--check'])
      expect(ran.status).toBe(2)
      expect(ran.stderr).toMatch(/--shard takes K\/N/)
    },
  )
})

// The batch in the middle of a large JSONL file: its temporary output is on disk.
async function interruptMidway(
  signal: 'SIGINT' | 'SIGTERM',
  threads: string,
): Promise<{code: number | null; stderr: string; work: string}> {
  const work = temporaryFolder()
  const input = newsFolder(work, 'in', 6)
  writeFileSync(join(input, 'big.jsonl'), jsonl(500).repeat(4))
  const child = spawn(process.execPath, [cli, 'in', '-o', 'out', '-r', 'report', '--concurrency', threads], {cwd: work})
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  let running = true
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      running = false
      resolve(code)
    }),
  )
  while (running && !listFiles(join(work, 'out')).some((path) => path.startsWith('.big.jsonl.'))) {
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  child.kill(signal)
  return {code: await exited, stderr, work}
}

describe('interruptions', () => {
  it.each([
    ['SIGINT', '1', 130],
    ['SIGTERM', '2', 143],
  ] as const)(
    '%s (--concurrency %s) exits %i, says how many files were done and leaves no temporary file',
    async (signal, threads, code) => {
      const {code: exitCode, stderr, work} = await interruptMidway(signal, threads)
      expect(exitCode).toBe(code)
      expect(stderr).toMatch(/newsclean: (interrupted|terminated); \d+ files? done/)
      expect(stderr).not.toMatch(stackTrace)
      expect(temporaryFiles(join(work, 'out'), join(work, 'report'))).toEqual([])
      expect(listFiles(join(work, 'out'))).not.toContain('big.jsonl')
    },
  )

  it("removes this host's stale temporary files whose process is gone, never a live process's or another host's", () => {
    const work = temporaryFolder()
    newsFolder(work, 'in', 1)
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'})
    const deadPid = Number(gone.stdout)
    const host = hostname().replace(/[^A-Za-z0-9.-]/g, '_')
    const name = (owner: string, pid: number) => `.000.txt.newsclean-${owner}-${pid}-0123456789ab.tmp`
    const spools = join(work, 'spools')
    mkdirSync(join(work, 'out'))
    mkdirSync(spools)
    const stale = name(host, deadPid)
    const live = name(host, process.pid)
    const elsewhere = name('another-machine', deadPid)
    for (const file of [stale, live, elsewhere]) writeFileSync(join(work, 'out', file), 'partial')
    const staleSpool = `newsclean-rows-${host}-${deadPid}-0123456789ab.jsonl`
    writeFileSync(join(spools, staleSpool), '')
    const ran = newsclean(['in', '-o', 'out', '-r', 'report'], {cwd: work, env: {...process.env, TMPDIR: spools}})
    expect(ran.status).toBe(0)
    expect(readdirSync(join(work, 'out')).sort()).toEqual([live, elsewhere, '000.txt'].sort())
    expect(readdirSync(spools)).toEqual([])
  })
})

describe('a file that fails leaves nothing that looks complete', () => {
  it('removes the clean text when its reports cannot be written', () => {
    const work = temporaryFolder()
    newsFolder(work, 'in', 2)
    mkdirSync(join(work, 'report', 'files', '001.txt.json'), {recursive: true})
    writeFileSync(join(work, 'report', 'files', '001.txt.json', 'x'), '')
    const ran = newsclean(['in', '-o', 'out', '-r', 'report'], {cwd: work})
    expect(ran.status).toBe(1)
    expect(listFiles(join(work, 'out'))).toEqual(['000.txt'])
    expect(listFiles(join(work, 'report', 'files')).filter((path) => path.startsWith('001.txt.'))).toEqual([
      '001.txt.json/x',
    ])
  })
})
