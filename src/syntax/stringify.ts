// Tree -> text: paragraphs joined with LF, the text ended by one LF (nothing for an empty tree).
import type {Root} from './types.js'

export function stringify(tree: Root): string {
  if (tree.children.length === 0) return ''
  return tree.children.map((paragraph) => paragraph.children[0].value).join('\n') + '\n'
}
