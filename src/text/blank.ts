// The blanks of scraped Chinese text: space, tab, the ideographic space U+3000 (paragraph
// indentation) and the no-break space U+00A0 (an HTML `&nbsp;`).
export function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0
}
