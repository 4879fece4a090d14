#!/usr/bin/env node
// npm run figures: what newsclean changes on the 500 real articles of the shared corpus, taken as
// JSONL (one record an article, paragraph breaks lost as scraped): changes per rule per 10,000
// characters, the records that lose text, the repeats removed inside lines, the near-duplicate
// spans and probable lost characters found, and whether every record came back.
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const lines = readFileSync(join(root, 'test', 'fixtures', 'corpus', 'thucnews-sample.tsv'), 'utf8')
  .split('\n')
  .filter(Boolean)
const texts = lines.map((line) => line.slice(line.indexOf('\t') + 1))
const work = mkdtempSync(join(tmpdir(), 'newsclean-figures-'))
const records = lines.map((line, index) =>
  JSON.stringify({id: index + 1, label: line.split('\t')[0], text: texts[index]}),
)
writeFileSync(join(work, 'corpus.jsonl'), records.join('\n') + '\n')
execFileSync(process.execPath, [
  join(root, 'dist', 'cli.js'),
  join(work, 'corpus.jsonl'),
  '-o',
  join(work, 'clean'),
  '-r',
  join(work, 'report'),
  '-q',
])

const report = JSON.parse(readFileSync(join(work, 'report', 'files', 'corpus.jsonl.json'), 'utf8'))
const characters = texts.reduce((sum, text) => sum + [...text].length, 0)
const perTenThousand = Object.entries(report.counts.rules)
  .sort(([left], [right]) => left.localeCompare(right))
  .map(([rule, count]) => `${rule} ${((count / characters) * 1e4).toFixed(2)}`)
const losing = report.records.filter((record) => record.removed.length > 0).map((record) => record.line)
const recordsOut = readFileSync(join(work, 'clean', 'corpus.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean).length
console.log(`${lines.length} articles, ${characters} characters; output in ${work}`)
console.log(`changes per 10,000 characters by rule: ${perTenThousand.join(', ')}`)
console.log(`messages by plugin: ${JSON.stringify(report.counts.plugins)}`)
console.log(`records that lose text (${losing.length}): ${losing.join(' ')}`)
console.log(`records in ${lines.length}, out ${recordsOut}`)

const recordMessages = report.records.flatMap((record) =>
  (record.messages ?? []).map((message) => ({...message, record: record.line})),
)
const messagesOf = (ruleId, pattern) =>
  recordMessages.filter((message) => message.ruleId === ruleId && pattern.test(message.reason))
const recordLines = (messages) => [...new Set(messages.map((message) => message.record))]
const repeats = messagesOf('dedupe-sentences', /removed$/)
const nearSpans = messagesOf('near-duplicates', /(nearly repeats|near repeat of) the text/)
const lost = messagesOf('lost-characters', /lost character/)
const isHan = (character) => /\p{Script=Han}/u.test(character ?? '')
const asciiQuestionMarks = texts.reduce((sum, text) => {
  const characters = [...text]
  return sum + characters.filter((c, i) => c === '?' && isHan(characters[i - 1]) && isHan(characters[i + 1])).length
}, 0)
console.log(
  `repeated text removed inside lines (dedupe-sentences): ${repeats.length} in ${recordLines(repeats).length} records`,
)
console.log(
  `near-duplicate spans inside lines (near-duplicates): ${nearSpans.length} in ${recordLines(nearSpans).length} records`,
)
console.log(
  `probable lost characters (lost-characters): ${lost.length} of ${asciiQuestionMarks} ASCII ? between Han characters`,
)
