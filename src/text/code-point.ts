// The code point that ends right before `index` (a UTF-16 index), joining a surrogate pair.
export function codePointBefore(text: string, index: number): number {
  if (index <= 0) return -1
  const low = text.charCodeAt(index - 1)
  if (isLowSurrogate(low) && index >= 2) {
    const high = text.charCodeAt(index - 2)
    if (isHighSurrogate(high)) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000
  }
  return low
}

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
