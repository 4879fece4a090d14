// The code point that ends right before `index` (a UTF-16 index), joining a surrogate pair.
export function codePointBefore(text: string, index: number): number {
  if (index <= 0) return -1
  const low = text.charCodeAt(index - 1)
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2)
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000
  }
  return low
}
