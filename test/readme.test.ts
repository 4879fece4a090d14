// The README says what the code does: its plugin lists follow the plugin table, and its API
// example runs as written.
import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {pluginTable} from '../src/processor.js'
import {readFixture, root} from './helpers.js'

const readme = readFileSync(join(root, 'README.md'), 'utf8')

// The text under a heading, up to the next heading of the same or a higher level.
function section(heading: string): string {
  const level = heading.indexOf(' ')
  const start = readme.indexOf(`\n${heading}\n`)
  expect(start).toBeGreaterThanOrEqual(0)
  const rest = readme.slice(start + heading.length + 2)
  const end = rest.search(new RegExp(`^#{1,${level}} `, 'm'))
  return end < 0 ? rest : rest.slice(0, end)
}

function node(args: string[], input: string): {status: number | null; stdout: string; stderr: string} {
  const ran = spawnSync(process.execPath, args, {input, encoding: 'utf8', cwd: root})
  return {status: ran.status, stdout: ran.stdout, stderr: ran.stderr}
}

describe('README', () => {
  it('lists every plugin of the table with its summary, in the order they run', () => {
    const listed = [...section('### Plugins').matchAll(/^- `([^`]+)`: (.+)$/gm)].map(([, name, summary]) => [
      name,
      summary,
    ])
    expect(listed).toEqual(pluginTable.map(({name, summary}) => [name, summary]))
  })

  it('describes the plugins in the order they run', () => {
    const described = [...section('## What it changes').matchAll(/^- \*\*([a-z-]+)\*\*/gm)].map(([, name]) => name)
    expect(described).toEqual(pluginTable.map(({name}) => name))
  })

  it('composes plugins in its API example as the command it names does', () => {
    const api = section('### API')
    const example = /```js\n([^`]*\.use\(syntax\)[^`]*)```/.exec(api)![1]!
    const command = /`newsclean (--only [^`]+) -`/.exec(api)![1]!.split(' ')
    const seed = readFixture('seed/seed.txt')
    const composed = node(['--input-type=module', '--eval', example], seed)
    const cli = node([join(root, 'dist', 'cli.js'), ...command, '-'], seed)
    expect(composed.status).toBe(0)
    expect(cli.status).toBe(0)
    expect(composed.stdout).not.toBe(seed)
    expect(composed.stdout).toBe(cli.stdout)
    expect(composed.stderr).toMatch(/normalize-punctuation/)
    expect(composed.stderr).toMatch(/dedupe-paragraphs/)
  })
})
