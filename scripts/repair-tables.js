#!/usr/bin/env node
// The repair's tables from jieba's dictionary (word pairs, words, one-character words), computed
// once by `npm run build` after the compiler and written to dist/repair-tables.bin, which the
// command line, its workers and the library read when a document first needs them (see
// src/repair/tables.ts). Building them at run time cost each thread about half a second.
import {writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const {buildTables} = await import(pathToFileURL(join(root, 'dist', 'repair', 'build-tables.js')).href)
const {encodeTables, tablesPath} = await import(pathToFileURL(join(root, 'dist', 'repair', 'tables.js')).href)

writeFileSync(tablesPath(), encodeTables(buildTables()))
