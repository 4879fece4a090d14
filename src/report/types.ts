// What the runner hands the report writers for one cleaned document.
import type {VFile} from 'vfile'
import type {Decoding} from '../data.js'
import type {Root} from '../syntax/types.js'

export interface DocumentOutcome {
  // Path of the input as the user named it (or `-` for stdin).
  inputPath: string
  // Path relative to its input folder; the report files are named after it.
  relativePath: string
  // Where the clean text was written, if it was.
  outputPath?: string
  decoding: Decoding
  // The decoded input text (UTF-8, LF): the left side of every diff.
  original: string
  // The clean text: the right side.
  clean: string
  // The cleaned tree: each paragraph's position points at its line in `original`.
  tree: Root
  // Messages of every plugin and `data.removed`.
  file: VFile
  // Paragraphs before cleaning (non-blank lines of `original`).
  paragraphsIn: number
}
