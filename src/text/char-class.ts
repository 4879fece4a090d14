// The character classes every cleaning step reads, in one table: a bit-flag word per code unit of
// the BMP, built once from the lists below, so a hot loop asks a class with one load and one AND.
// The punctuation lists are the spec's (docs/punctuation.md, Context): a mark belongs to a class
// here exactly when the rule table says so. Han beyond the BMP is found by its ranges.

const han = 1 << 0
const closingMark = 1 << 1
const openingMark = 1 << 2
const chineseStopOrPause = 1 << 3
const sentenceEnd = 1 << 4
const asciiCloser = 1 << 6
const blank = 1 << 7
const whiteSpace = 1 << 8
const invisible = 1 << 9
const markOrBlank = 1 << 10

// Start and end pairs of \p{Script=Han} (Unicode 16, as Node 20 reports it), in order.
const hanRanges = [
  0x2e80, 0x2e99, 0x2e9b, 0x2ef3, 0x2f00, 0x2fd5, 0x3005, 0x3005, 0x3007, 0x3007, 0x3021, 0x3029, 0x3038, 0x303b,
  0x3400, 0x4dbf, 0x4e00, 0x9fff, 0xf900, 0xfa6d, 0xfa70, 0xfad9, 0x16fe2, 0x16fe3, 0x16ff0, 0x16ff6, 0x20000, 0x2a6df,
  0x2a700, 0x2b81d, 0x2b820, 0x2cead, 0x2ceb0, 0x2ebe0, 0x2ebf0, 0x2ee5d, 0x2f800, 0x2fa1d, 0x30000, 0x3134a, 0x31350,
  0x33479,
]

// Closing quotes and brackets, the closers of the spec's CL list:
// U+201D U+2019 U+FF09 U+300B U+300D U+300F U+3011.
const closingMarks = [0x201d, 0x2019, 0xff09, 0x300b, 0x300d, 0x300f, 0x3011]

// Opening quotes and brackets, the spec's CR list: U+201C U+2018 U+FF08 U+300A U+300C U+300E U+3010.
const openingMarks = [0x201c, 0x2018, 0xff08, 0x300a, 0x300c, 0x300e, 0x3010]

// The rest of the spec's CL list, stops, pauses and the ellipsis:
// U+3002 U+FF0C U+3001 U+FF1B U+FF1A U+FF1F U+FF01 U+2026.
const chineseStopsAndPauses = [0x3002, 0xff0c, 0x3001, 0xff1b, 0xff1a, 0xff1f, 0xff01, 0x2026]

// The marks that end a sentence wherever they stand: U+3002 U+FF01 U+FF1F, the half-width U+FF61,
// ASCII `!` and `?`. An ASCII `.` ends one only by its context (see dedupe/sentences).
const sentenceEnds = [0x3002, 0xff01, 0xff1f, 0xff61, 0x21, 0x3f]

// ASCII marks that may close a quotation or bracket: `"` `'` `)` `]` (a quote may open one too).
const asciiClosers = [0x22, 0x27, 0x29, 0x5d]

// The blanks of scraped Chinese text: space, tab, the ideographic space U+3000 (paragraph
// indentation) and the no-break space U+00A0 (an HTML `&nbsp;`).
const blanks = [0x20, 0x09, 0x3000, 0xa0]

// White space as JavaScript's `\s` reads it: the Unicode spaces, line breaks and U+FEFF.
const whiteSpaces = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
  0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
]

// Characters that show nothing: U+FEFF, the zero-width space, non-joiner and joiner
// (U+200B-U+200D) and the word joiner U+2060.
const invisibles = [0xfeff, 0x200b, 0x200c, 0x200d, 0x2060]

// Start and end pairs of what is no sentence content: the ASCII marks and blanks, the CJK marks
// (U+3000-U+3003, U+3008-U+3011), general punctuation (U+2010-U+2027), the full-width marks
// (U+FF01-U+FF0F, U+FF1A-U+FF20), U+00A0 and U+FF61.
const markOrBlankRanges = [
  0x00, 0x2f, 0x3a, 0x40, 0x5b, 0x60, 0x7b, 0x7f, 0xa0, 0xa0, 0x2010, 0x2027, 0x3000, 0x3003, 0x3008, 0x3011, 0xff01,
  0xff0f, 0xff1a, 0xff20, 0xff61, 0xff61,
]

const classes = new Uint16Array(0x10000)
for (let index = 0; index < hanRanges.length; index += 2) {
  const end = Math.min(hanRanges[index + 1]!, 0xffff)
  for (let code = hanRanges[index]!; code <= end; code++) classes[code]! |= han
}
for (let index = 0; index < markOrBlankRanges.length; index += 2) {
  for (let code = markOrBlankRanges[index]!; code <= markOrBlankRanges[index + 1]!; code++)
    classes[code]! |= markOrBlank
}
const lists: Array<[number[], number]> = [
  [closingMarks, closingMark],
  [openingMarks, openingMark],
  [chineseStopsAndPauses, chineseStopOrPause],
  [sentenceEnds, sentenceEnd],
  [asciiClosers, asciiCloser],
  [blanks, blank],
  [whiteSpaces, whiteSpace],
  [invisibles, invisible],
]
for (const [codes, flag] of lists) for (const code of codes) classes[code]! |= flag

// Whether `code` (a code point, or -1 for none) is in any of the classes of `mask`.
function hasClass(code: number, mask: number): boolean {
  if (code < 0x10000) return code >= 0 && (classes[code]! & mask) !== 0
  return (mask & han) !== 0 && isAstralHan(code)
}

function isAstralHan(code: number): boolean {
  for (let index = 0; index < hanRanges.length; index += 2) {
    if (code < hanRanges[index]!) return false
    if (code <= hanRanges[index + 1]!) return true
  }
  return false
}

// A Han character (the spec's H, `\p{Script=Han}`).
export function isHan(code: number): boolean {
  return hasClass(code, han)
}

// A closing quote or bracket: U+201D U+2019 U+FF09 U+300B U+300D U+300F U+3011.
export function isClosingMark(code: number): boolean {
  return hasClass(code, closingMark)
}

// An opening quote or bracket: U+201C U+2018 U+FF08 U+300A U+300C U+300E U+3010.
export function isOpeningMark(code: number): boolean {
  return hasClass(code, openingMark)
}

// CL: what may stand left of a Chinese mark, H or a closing Chinese mark (a closing quote or
// bracket, a stop, a pause, the ellipsis).
export function isClosingContext(code: number): boolean {
  return hasClass(code, han | closingMark | chineseStopOrPause)
}

// CR: what may stand right of a Chinese mark, H or an opening quote or bracket.
export function isOpeningContext(code: number): boolean {
  return hasClass(code, han | openingMark)
}

// A mark that ends a sentence wherever it stands (U+3002 U+FF01 U+FF1F U+FF61 `!` `?`).
export function isSentenceEnd(code: number): boolean {
  return hasClass(code, sentenceEnd)
}

// An ASCII mark that may close a quotation or bracket: `"` `'` `)` `]`.
export function isAsciiCloser(code: number): boolean {
  return hasClass(code, asciiCloser)
}

// A blank of scraped text, trimmed at paragraph ends: space, tab, U+3000, U+00A0.
export function isBlank(code: number): boolean {
  return hasClass(code, blank)
}

// White space in JavaScript's (`\s`) wider sense: any Unicode space, a line break, U+FEFF.
export function isWhiteSpace(code: number): boolean {
  return hasClass(code, whiteSpace)
}

// A character that shows nothing: U+FEFF, U+200B-U+200D, U+2060.
export function isInvisible(code: number): boolean {
  return hasClass(code, invisible)
}

// No sentence content: an ASCII mark or blank, a CJK, general or full-width punctuation mark.
export function isMarkOrBlank(code: number): boolean {
  return hasClass(code, markOrBlank)
}

// A regex class of the code units `codes`, so a scan runs in native code.
function classOf(codes: number[]): string {
  return `[${codes.map((code) => `\\u${code.toString(16).padStart(4, '0')}`).join('')}]`
}

const anyInvisible = new RegExp(classOf(invisibles))

// Whether `text` holds an invisible character (see `isInvisible`): one native scan.
export function hasInvisible(text: string): boolean {
  return anyInvisible.test(text)
}

// The code units that may end a sentence: those of `isSentenceEnd` and the ASCII `.` (which ends
// one by its context), as a regex class, so a scan jumps from one to the next in native code.
const sentenceEndOrDot = new RegExp(classOf([...sentenceEnds, 0x2e]), 'g')

// The first code unit at or after `from` that may end a sentence (see above), or -1.
export function nextSentenceEndOrDot(text: string, from: number): number {
  sentenceEndOrDot.lastIndex = from
  return sentenceEndOrDot.test(text) ? sentenceEndOrDot.lastIndex - 1 : -1
}

// ASCII ranges compare faster than they look up.
export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39
}

export function isAsciiLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)
}

export function isAsciiAlphanumeric(code: number): boolean {
  return isAsciiLetter(code) || isAsciiDigit(code)
}
