// A file's messages on the terminal, through vfile-reporter: by default the warnings and errors a
// person must look at; every applied fix too with --verbose, one line each; only failures with --quiet.
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {reporter} from 'vfile-reporter'
import type {FileResult, MessageRecord} from './types.js'

export type Verbosity = 'quiet' | 'normal' | 'verbose'

export function formatFileMessages(result: FileResult, verbosity: Verbosity, color = false): string {
  const file = new VFile({path: result.status === 'failed' ? result.inputPath : result.record.input})
  if (result.status === 'failed') {
    file.messages.push(toMessage(file, {severity: 'error', reason: result.reason}))
  } else {
    for (const message of result.record.messages) {
      if (isShown(message.severity, verbosity)) file.messages.push(toMessage(file, message))
    }
  }
  if (file.messages.length === 0) return ''
  // Not vfile-reporter's `verbose`, which adds a note line under each message: one line a fix.
  return reporter(file, {color}) + '\n'
}

function isShown(severity: MessageRecord['severity'], verbosity: Verbosity): boolean {
  if (verbosity === 'verbose') return true
  return severity === 'error' || (verbosity === 'normal' && severity === 'warning')
}

function toMessage(
  file: VFile,
  record: Partial<MessageRecord> & Pick<MessageRecord, 'severity' | 'reason'>,
): VFileMessage {
  const place = record.line ? {line: record.line, column: record.column ?? 1} : undefined
  const message = new VFileMessage(record.reason, {
    place,
    ruleId: record.ruleId ?? undefined,
    source: record.source ?? 'newsclean',
  })
  message.file = file.path
  message.fatal = record.severity === 'error' ? true : record.severity === 'warning' ? false : undefined
  if (record.note) message.note = record.note
  return message
}
