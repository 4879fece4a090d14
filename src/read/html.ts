// HTML pages -> text: one line per block of the page (p, h1-h6, li, blockquote, and div or td
// holding text directly; `br` breaks a line), with scripts, styles and the page's chrome (nav,
// header, footer, form) dropped. The resulting text is what the processor cleans and what the
// patch diffs against. Whitespace that HTML renders as a space but Chinese text never has (a
// source line break between two Chinese characters) disappears instead of becoming a space.
import type {Element, ElementContent, Root, RootContent} from 'hast'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'

export function isHtml(relativePath: string): boolean {
  return /\.html?$/i.test(relativePath)
}

const dropped = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'header',
  'footer',
  'form',
  'head',
  'iframe',
  'svg',
  'button',
  'select',
  'textarea',
])
const blocks = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
  'pre',
  'dt',
  'dd',
  'figcaption',
  'caption',
])
const textHolders = new Set(['div', 'td', 'th', 'section', 'article', 'main', 'body', 'span', 'font', 'center'])

const htmlParser = unified().use(rehypeParse).freeze()

export function htmlToText(html: string): string {
  const tree = htmlParser.parse(html) as Root
  const lines: string[] = []
  collectBlocks(tree.children, lines)
  return lines.length === 0 ? '' : lines.join('\n') + '\n'
}

function collectBlocks(nodes: Array<RootContent | ElementContent>, lines: string[]): void {
  for (const node of nodes) {
    if (node.type !== 'element' || dropped.has(node.tagName)) continue
    if (blocks.has(node.tagName) || (textHolders.has(node.tagName) && holdsTextDirectly(node))) {
      pushBlockLines(node, lines)
    } else {
      collectBlocks(node.children, lines)
    }
  }
}

// A block's own text, split at `br`; blocks nested inside it become lines of their own, after.
function pushBlockLines(block: Element, lines: string[]): void {
  const nested: Element[] = []
  let current = ''
  const flush = (): void => {
    const line = collapseWhitespace(current)
    if (line.length > 0) lines.push(line)
    current = ''
  }
  const walk = (nodes: ElementContent[]): void => {
    for (const node of nodes) {
      if (node.type === 'text') current += node.value
      else if (node.type !== 'element' || dropped.has(node.tagName)) continue
      else if (node.tagName === 'br') flush()
      else if (blocks.has(node.tagName) || node.tagName === 'div' || node.tagName === 'table') nested.push(node)
      else walk(node.children)
    }
  }
  walk(block.children)
  flush()
  for (const element of nested) collectBlocks([element], lines)
}

function holdsTextDirectly(element: Element): boolean {
  return element.children.some((child) => child.type === 'text' && /\S/.test(child.value))
}

// HTML's whitespace rules, minus the space a line break would put between Chinese characters.
export function collapseWhitespace(text: string): string {
  return text
    .replace(/[ \t\r\n\f]+/g, (run, offset: number, whole: string) => {
      const joinsChinese = /[\r\n]/.test(run) && (isWide(whole, offset - 1) || isWide(whole, offset + run.length))
      return joinsChinese ? '' : ' '
    })
    .trim()
}

function isWide(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  return (
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xffef) ||
    (code >= 0xd800 && code <= 0xdfff)
  )
}
