// Our own small unist tree: `root > paragraph > text`. Positions point into the decoded input
// text (line/column 1-based, offset 0-based), so every message can be traced to its source line.
import type {Literal, Parent, Point, Position} from 'unist'

export type {Point, Position}

export interface Text extends Literal {
  type: 'text'
  value: string
}

export interface Paragraph extends Parent {
  type: 'paragraph'
  children: [Text]
}

export interface Root extends Parent {
  type: 'root'
  children: Paragraph[]
}
