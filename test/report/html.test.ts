import {describe, expect, it} from 'vitest'
import {renderFileHtml} from '../../src/report/html.js'
import {escapeHtml, renderChange, renderText} from '../../src/report/html-text.js'
import {reinsert, renderInlineDiff} from '../../src/report/inline-diff.js'
import {buildFileRecord} from '../../src/report/record.js'
import {corpusArticles, readFixture} from '../helpers.js'
import {outcomeOf} from './outcome.js'

// Every tag the pages may contain; anything else would be markup that came from the input.
const ownTags = new Set(
  'html head meta title style script body header nav a h1 h2 h3 p code ul ol li b strong span div main section ins del mark details summary table thead tbody tr th td footer label input button kbd noscript select option'.split(
    ' ',
  ),
)

function tagsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((match) => match[1]!.toLowerCase()))
}

function idsOf(html: string): string[] {
  return [...html.matchAll(/ id="([^"]*)"/g)].map((match) => match[1]!)
}

function fragmentLinksOf(html: string): string[] {
  return [...html.matchAll(/ href="#([^"]*)"/g)].map((match) => match[1]!)
}

describe('renderFileHtml on the seed', async () => {
  const record = buildFileRecord(await outcomeOf('a/seed.txt', readFixture('seed/seed.txt')))
  const html = renderFileHtml(record)

  it('is a self-contained Chinese page', () => {
    expect(
      html.startsWith(
        '<!doctype html>\n<html lang="zh" data-path="a/seed.txt" data-root="../../">\n<head>\n<meta charset="utf-8">',
      ),
    ).toBe(true)
    expect(html).not.toMatch(/<link|<img|<iframe|\ssrc=|@import|https?:|fetch\(|XMLHttpRequest/i)
    expect(html).not.toMatch(/url\(/)
    expect([...tagsOf(html)].filter((tag) => !ownTags.has(tag))).toEqual([])
  })

  it('names every width fix it marks: U+002C -> U+FF0C, R5, with its id to reject it', () => {
    const words = escapeHtml('U+002C -> U+FF0C, R5')
    const marks = [...html.matchAll(/<ins title="([^"]*)" data-rule="R5" data-id="([\w-]{16})">\uff0c<\/ins>/g)]
    expect(marks.length).toBeGreaterThan(0)
    const fixes = new Set(record.messages.filter((message) => message.note === 'R5').map((message) => message.id))
    for (const [, title, id] of marks) {
      expect(title).toBe(words)
      expect(fixes.has(id!)).toBe(true)
    }
  })

  it('puts the warnings first, each linking to its line', () => {
    expect(html.indexOf('<h2>Warnings (1)</h2>')).toBeLessThan(html.indexOf('<h2>Paragraphs to review</h2>'))
    const warning = record.messages.find((message) => message.severity === 'warning')!
    expect(html).toContain(`<a href="#line-${warning.line}">${warning.line}</a>:${warning.column}`)
  })

  it('shows a removed paragraph beside its first copy, and a Reject button for it', () => {
    const removal = record.removed[0]!
    const first = record.firstCopies.find((copy) => copy.line === removal.firstCopy.line)!
    expect(html).toContain(
      `<div class="pair"><div class="copy first-copy"><span class="label">First copy, line ${first.line}</span><p class="text">${renderText(first.text)}</p></div>`,
    )
    expect(html).toContain(`<button type="button" class="reject" data-id="${removal.id}"`)
  })

  it('shows each removed paragraph whole, linked to its first copy', () => {
    const removed = [...html.matchAll(/<li class="para removed" id="line-(\d+)">[\s\S]*?<\/li>/g)]
    expect(removed.map((match) => Number(match[1]))).toEqual([9, 10, 11, 12, 13, 14, 15])
    for (const [item, line] of removed) {
      const removal = record.removed.find((entry) => entry.line === Number(line))!
      expect(item).toContain(
        `Removed: repeats <a href="#line-${removal.firstCopy.line}">line ${removal.firstCopy.line}</a>`,
      )
      expect(item).toContain(`<p class="text">${renderText(removal.text)}</p>`)
    }
  })

  it('gives every line once an id, and every in-page link a target', () => {
    const ids = idsOf(html)
    expect(new Set(ids).size).toBe(ids.length)
    for (const target of fragmentLinksOf(html)) expect(ids).toContain(target)
    for (const line of [2, 3, 4, 5, 6, 7, 8]) expect(html).toContain(`id="line-${line}"`)
  })

  it('links back to the batch index from files/a/', () => {
    expect(html).toContain('<a href="../../index.html">')
  })
})

describe('renderFileHtml on hostile input', async () => {
  const attack = `<script>alert(1)</script><img src=x onerror="alert('x')"> &amp; "q" `
  // Long enough (40 code points) that its repeat is removed as an artifact.
  const line = attack + corpusArticles()[0]!.slice(0, 40)
  const record = buildFileRecord(await outcomeOf('x/<b>"name"&.txt', `\u3000${line}\nbetween\n${line}\n`))
  const html = renderFileHtml(record)

  it('escapes scraped text in changed, removed and message text, and in the file name', () => {
    expect(record.changes).toHaveLength(1)
    expect(record.removed).toHaveLength(1)
    expect([...tagsOf(html)].filter((tag) => !ownTags.has(tag))).toEqual([])
    expect(html.replace(/<script>[\s\S]*?<\/script>/g, '')).not.toMatch(/<script|<img|<b>"name"/)
    expect(html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp;amp; &quot;q&quot;',
    )
    expect(html).toContain('<title>x/&lt;b&gt;&quot;name&quot;&amp;.txt \u2014 newsclean</title>')
    expect(html).toContain('<code>input/x/&lt;b&gt;&quot;name&quot;&amp;.txt</code>')
  })
})

// The attributes and the spoken words of one change, as the pages name it.
const title = (words: string) => ` title="${escapeHtml(words)}"`
const spoken = (words: string) => `<span class="sr"> (${escapeHtml(words)})</span>`

describe('renderInlineDiff', () => {
  const comma = 'U+002C -> U+FF0C'
  it.each([
    [
      'marks a width fix as a deletion and an insertion, both naming the code points',
      'a,b',
      'a\uff0cb',
      `a<del${title(comma)}>,</del><ins${title(comma)}>\uff0c</ins>${spoken(comma)}b`,
    ],
    [
      'shows a removed indentation as badges',
      '\u3000\u3000ab',
      'ab',
      `<del${title('U+3000 U+3000 deleted')}><span class="cp" title="U+3000">U+3000</span><span class="cp" title="U+3000">U+3000</span></del>${spoken('U+3000 U+3000 deleted')}ab`,
    ],
    [
      'shows a zero-width character wherever it is',
      'a\u200bb',
      'ab',
      `a<del${title('U+200B deleted')}><span class="cp" title="U+200B">U+200B</span></del>${spoken('U+200B deleted')}b`,
    ],
    [
      'escapes markup on both sides',
      '<i>x</i>',
      '<i>y</i>',
      `&lt;i&gt;<del${title('U+0078 -> U+0079')}>x</del><ins${title('U+0078 -> U+0079')}>y</ins>${spoken('U+0078 -> U+0079')}&lt;/i&gt;`,
    ],
  ])('%s', (_, original, clean, html) => {
    expect(renderInlineDiff(original, clean)).toBe(html)
  })

  it('names the rule of the fix behind a change, its id, and whether it is unusual', () => {
    const name = () => ({rule: 'R5', id: 'abc', unusual: true})
    const words = `${comma}, R5`
    const attributes = `${title(words)} data-rule="R5" data-id="abc" class="unusual"`
    expect(renderInlineDiff('a,b', 'a\uff0cb', [], name)).toBe(
      `a<del${attributes}>,</del><ins${attributes}>\uff0c</ins>${spoken(words)}b`,
    )
  })

  it('names a long run by its length', () => {
    expect(renderInlineDiff('abcdefgh', '')).toBe(
      `<del${title('8 characters deleted')}>abcdefgh</del>${spoken('8 characters deleted')}`,
    )
  })

  it('shows a removed repeat where it was, after the fixes made inside it', () => {
    const removed = [{column: 6, text: ' ab\uff0ccd'}]
    expect(renderInlineDiff('ab,cd ab,cd', 'ab\uff0ccd', removed)).toBe(
      `ab<del${title(comma)}>,</del><ins${title(comma)}>\uff0c</ins>${spoken(comma)}cd<del class="repeat"> ab</del><del${title(comma)}>,</del><del class="repeat">cd</del>`,
    )
  })

  it('keeps the first copy of a text captured twice, whatever the diff would prefer', () => {
    const removed = [{column: 4, text: 'xyz'}]
    expect(renderInlineDiff('xyzxyz', 'xyz', removed)).toBe('xyz<del class="repeat">xyz</del>')
  })

  it('falls back to a plain diff when the removal places do not fit the text', () => {
    expect(reinsert('ab', [{column: 9, text: 'c'}])).toBeUndefined()
    const words = 'U+0061 U+0062 deleted'
    expect(renderInlineDiff('abab', 'ab', [{column: 9, text: 'ab'}])).toBe(
      `ab<del${title(words)}>ab</del>${spoken(words)}`,
    )
  })
})

describe('escapeHtml and renderChange', () => {
  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
  })

  it('leaves blanks among visible text as they are, and draws a lone blank', () => {
    expect(renderChange('a b')).toBe('a b')
    expect(renderChange(' ')).toBe('<span class="cp" title="U+0020">\u2423</span>')
    expect(renderText('a\u202eb')).toBe('a<span class="cp" title="U+202E">U+202E</span>b')
  })
})
