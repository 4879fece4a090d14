// What plugins leave on `file.data` for the reports, beyond their messages.
import type {Point} from './syntax/types.js'

export interface Removal {
  // `paragraph`: a whole paragraph went; `sentence`: a run of sentences inside one.
  kind: 'paragraph' | 'sentence'
  ruleId: string
  text: string
  place: Point
  firstCopy: FirstCopy
}

export interface FirstCopy {
  // The file holding the first copy; absent when it is the same file.
  path?: string
  line: number
  column: number
}

export interface Decoding {
  encoding: string
  confidence: number
  bom: boolean
}

declare module 'vfile' {
  interface DataMap {
    removed: Removal[]
    decoding: Decoding
  }
}

export function recordRemoval(data: {removed?: Removal[]}, removal: Removal): void {
  data.removed ??= []
  data.removed.push(removal)
}
