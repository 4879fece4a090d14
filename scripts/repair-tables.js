#!/usr/bin/env node
// The repair's tables (GBK's pairs from iconv-lite; common two-character words, one-character
// words, word pairs and words from jieba's dictionary), computed once by `npm run build` after the
// compiler and written to dist/repair-tables.bin, which the command line, its workers, the library
// and the tests read a group at a time when a document first needs one (src/repair/tables.ts).
// Building them at run time cost each thread about half a second.
import {writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const {buildTables} = await import(pathToFileURL(join(root, 'dist', 'repair', 'build-tables.js')).href)
const {encodeTables, tablesPath} = await import(pathToFileURL(join(root, 'dist', 'repair', 'tables.js')).href)

writeFileSync(tablesPath(), encodeTables(buildTables()))
