// A live status line on a terminal while a batch runs: files done, how many failed, time spent.
// Inputs are walked lazily, so there is no total to draw a bar against; per-file messages print
// above the line, and the line goes when the batch ends.
import {MultiBar} from 'cli-progress'

export interface Progress {
  // Print a file's messages above the status line (a string ending with a line break).
  log: (text: string) => void
  // One more file done.
  tick: (failed: boolean) => void
  stop: () => void
}

export function createProgress(stream: NodeJS.WriteStream): Progress {
  const bars = new MultiBar({
    stream,
    format: 'newsclean: {files} files cleaned, {failed} failed, {duration_formatted}',
    hideCursor: true,
    clearOnComplete: true,
    fps: 5,
  })
  const line = bars.create(0, 0, {files: 0, failed: 0})
  let files = 0
  let failed = 0
  return {
    log: (text) => bars.log(text),
    tick: (hasFailed) => {
      files++
      if (hasFailed) failed++
      line.update({files, failed})
    },
    stop: () => bars.stop(),
  }
}
