// `U+FF0C`: how messages and pages name a character that may not show (a mark, a blank).
export function codePointName(code: number): string {
  return 'U+' + code.toString(16).toUpperCase().padStart(4, '0')
}
