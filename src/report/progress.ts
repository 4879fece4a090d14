// A live status line on a terminal while a batch runs: files done (`N of M` once a count of the
// inputs comes in; they are walked lazily), how many failed, time spent. Per-file messages print
// above the line, and the line goes when the batch ends.
import {MultiBar} from 'cli-progress'

export interface Progress {
  // Print a file's messages above the status line (a string ending with a line break).
  log: (text: string) => void
  // One more file done.
  tick: (failed: boolean) => void
  // How many files the batch has, once counted.
  setTotal: (total: number) => void
  stop: () => void
}

export function createProgress(stream: NodeJS.WriteStream): Progress {
  const bars = new MultiBar({
    stream,
    format: 'newsclean: {files}{of} files cleaned, {failed} failed, {duration_formatted}',
    hideCursor: true,
    clearOnComplete: true,
    fps: 5,
  })
  const line = bars.create(0, 0, {files: 0, of: '', failed: 0})
  let files = 0
  let failed = 0
  return {
    log: (text) => bars.log(text),
    tick: (hasFailed) => {
      files++
      if (hasFailed) failed++
      line.update({files, failed})
    },
    setTotal: (total) => line.update({of: ` of ${total}`}),
    stop: () => bars.stop(),
  }
}
