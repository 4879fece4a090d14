// The damage the repair-encoding plugin undoes, made from real bytes, for its tests and for
// `npm run simulate`: a paragraph's GBK bytes lose the lead byte of one character (the decoder
// writes `?` or U+FFFD for it), the rest of the paragraph is read one byte out of step until an
// ASCII byte puts the decoder back in step (a pair that does not decode becomes `?`; private-use
// characters, GBK's user-defined pairs, are stripped), then full-width forms are folded to ASCII.
import diff from 'fast-diff'
import iconv from 'iconv-lite'

// Full-width forms U+FF01-FF5E as their ASCII characters, as scrapers fold them.
export function fold(text) {
  return text.replace(/[\uff01-\uff5e]/g, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0))
}

function isPrivateUse(code) {
  return code >= 0xe000 && code <= 0xf8ff
}

// Whether iconv-lite's GBK codec writes the text back as it was.
export function isGbkText(text) {
  return iconv.decode(iconv.encode(text, 'gbk'), 'gbk') === text
}

// `paragraph` with the lead byte of the character at `at` lost. Returns the damaged paragraph
// and the true characters the damage reached: [at, end) of `paragraph`.
export function damage(paragraph, at, {lead = '?', strip = true} = {}) {
  const head = paragraph.slice(0, at)
  const tail = iconv.encode(paragraph.slice(at), 'gbk').subarray(1)
  let misread = iconv.decode(tail, 'gbk').replaceAll('\ufffd', '?')
  if (strip) misread = [...misread].filter((character) => !isPrivateUse(character.charCodeAt(0))).join('')
  return {damaged: fold(head) + lead + fold(misread), end: reachOf(paragraph, at)}
}

// Where the misreading stops: at the next ASCII character, past it when the decoder took it as
// the trail byte of a pair (from 0x40), at the paragraph's end when there is none.
function reachOf(paragraph, at) {
  for (let index = at + 1; index < paragraph.length; index++) {
    const code = paragraph.charCodeAt(index)
    if (code < 0x80) return code >= 0x40 ? index + 1 : index
  }
  return paragraph.length
}

// The places in `paragraph` where the damage is simulated, best first: a full stop before a
// quote, a full stop before other non-ASCII text, then any non-ASCII character after the first.
export function damagePlaces(paragraph) {
  const beforeQuote = []
  const stops = []
  const others = []
  for (let index = 1; index < paragraph.length - 1; index++) {
    const code = paragraph.charCodeAt(index)
    const next = paragraph.charCodeAt(index + 1)
    if (code < 0x80 || next < 0x80) continue
    if (code === 0x3002 && (next === 0x201c || next === 0x201d)) beforeQuote.push(index)
    else if (code === 0x3002) stops.push(index)
    else others.push(index)
  }
  return [beforeQuote, stops, others]
}

// An article's paragraphs: split at sentence ends once a paragraph passes 80 characters (the
// corpus lost its paragraph breaks).
export function paragraphsOf(text) {
  const paragraphs = []
  let current = ''
  for (const sentence of text.split(/(?<=[\u3002\uff01\uff1f])/u)) {
    current += sentence
    if ([...current].length > 80) {
      paragraphs.push(current)
      current = ''
    }
  }
  if (current) paragraphs.push(current)
  return paragraphs
}

// How a repaired line compares with the truth, character by character after aligning the two
// (fast-diff), for the truth's characters in [at, end): `right` came back, `replacement` came
// back as U+FFFD, `wrong` came back as another character or not at all; plus every character the
// repair wrote wrongly outside the span or in excess (U+FFFD in excess is not wrong).
export function scoreRepair(truth, repaired, at, end) {
  const tally = {right: 0, replacement: 0, wrong: 0}
  const inSpan = (position) => position >= at && position < end
  let index = 0
  let deleted = []
  let inserted = []
  // A stretch where the two differ: its characters pair up in order.
  const settle = () => {
    inserted.forEach((character, offset) => {
      const position = deleted[offset]
      if (position === undefined) tally.wrong += character === '\ufffd' ? 0 : 1
      else if (character !== '\ufffd') tally.wrong++
      else if (inSpan(position)) tally.replacement++
    })
    for (const position of deleted.slice(inserted.length)) if (inSpan(position)) tally.wrong++
    deleted = []
    inserted = []
  }
  for (const [operation, text] of diff(truth, repaired)) {
    if (operation === diff.INSERT) inserted.push(...text)
    else if (operation === diff.DELETE) for (const _ of text) deleted.push(index++)
    else {
      settle()
      for (const _ of text) if (inSpan(index++)) tally.right++
    }
  }
  settle()
  return tally
}
