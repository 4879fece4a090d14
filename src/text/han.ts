// Character classes shared by the plugins, as plain code-point checks for the hot paths.

// A Han character (the spec's H, `\p{Script=Han}`), by code point. The common blocks are tested
// first; the rest of the script's ranges (radicals, iteration marks, extensions) follow.
export function isHan(code: number): boolean {
  if (code >= 0x4e00 && code <= 0x9fff) return true
  if (code < 0x2e80) return false
  for (let index = 0; index < hanRanges.length; index += 2) {
    if (code < hanRanges[index]!) return false
    if (code <= hanRanges[index + 1]!) return true
  }
  return false
}

// Start and end pairs of \p{Script=Han} (Unicode 16, as Node 20 reports it), in order.
const hanRanges = [
  0x2e80, 0x2e99, 0x2e9b, 0x2ef3, 0x2f00, 0x2fd5, 0x3005, 0x3005, 0x3007, 0x3007, 0x3021, 0x3029, 0x3038, 0x303b,
  0x3400, 0x4dbf, 0x4e00, 0x9fff, 0xf900, 0xfa6d, 0xfa70, 0xfad9, 0x16fe2, 0x16fe3, 0x16ff0, 0x16ff6, 0x20000, 0x2a6df,
  0x2a700, 0x2b81d, 0x2b820, 0x2cead, 0x2ceb0, 0x2ebe0, 0x2ebf0, 0x2ee5d, 0x2f800, 0x2fa1d, 0x30000, 0x3134a, 0x31350,
  0x33479,
]

// The code point at `index` (a UTF-16 index), joining a surrogate pair.
export function codePointAt(text: string, index: number): number {
  return text.codePointAt(index) ?? -1
}

// The code point that ends right before `index`, joining a surrogate pair.
export function codePointBefore(text: string, index: number): number {
  if (index <= 0) return -1
  const low = text.charCodeAt(index - 1)
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2)
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000
  }
  return low
}
