// Tree -> text: paragraphs joined with LF, the text ended by one LF (nothing for an empty tree).
import type {Root} from './types.js'

// One join makes the whole text flat: appending the final LF afterwards would make a rope that
// encoding the output copies again.
export function stringify(tree: Root): string {
  if (tree.children.length === 0) return ''
  const lines = tree.children.map((paragraph) => paragraph.children[0].value)
  lines.push('')
  return lines.join('\n')
}
