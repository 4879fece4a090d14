#!/usr/bin/env node
// The command line as a few bundled files, written over the compiler's dist/cli.js (the bin) by
// `npm run build`. Start-up is module loading: the compiler's output is some eighty modules, each
// resolved, read and compiled on its own before the first byte is cleaned; bundled, an undamaged
// article through `newsclean -` starts in about half the time. Code split: what only some runs
// need (the store clients, the HTML reader, pinyin readings) stays a separate chunk or package,
// loaded when a document asks for it; the repair's dictionary tables are a file of their own
// (scripts/repair-tables.js), read the same way. The library (dist/index.js) is the compiler's
// output as it is.
//
// The worker thread's entry is bundled next to the command line (dist/worker.js), where the
// pool's `new URL('./worker.js', import.meta.url)` finds it, and the chunks sit beside them (a
// chunk's relative URLs resolve from its own folder), so `../package.json` still names the
// package's manifest.
import {readdirSync, rmSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')

// Chunks of an earlier build (their names carry a hash), and the compiler's map of the cli.js
// this build replaces.
for (const name of readdirSync(dist)) {
  if (/^cli-.*\.js$/.test(name) || name === 'cli.js.map') rmSync(join(dist, name))
}

await build({
  absWorkingDir: root,
  entryPoints: {cli: 'src/cli.ts', worker: 'src/batch/worker.ts'},
  outdir: 'dist',
  chunkNames: 'cli-[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Native addons and packages only some runs load stay where npm put them.
  external: ['better-sqlite3', 'ioredis', 'pinyin-pro', 'rehype-parse'],
  // CommonJS dependencies bundled into ES modules still call require for Node's own modules.
  banner: {
    js: "import {createRequire as newscleanRequire} from 'node:module'; const require = newscleanRequire(import.meta.url);",
  },
  logLevel: 'warning',
})
