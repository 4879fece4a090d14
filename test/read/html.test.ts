import {describe, expect, it} from 'vitest'
import {collapseWhitespace, htmlToText} from '../../src/read/html.js'
import {readFixture} from '../helpers.js'

describe('htmlToText', () => {
  it('keeps the article blocks and drops scripts, styles, navigation, header, footer and forms', () => {
    expect(htmlToText(readFixture('html/article.html'))).toBe(readFixture('html/article.expected.txt'))
  })

  it('gives nothing for a page without text', () => {
    expect(htmlToText('<html><body><script>x</script></body></html>')).toBe('')
  })
})

describe('collapseWhitespace', () => {
  it('drops a source line break between Chinese characters', () => {
    expect(collapseWhitespace('\u4e2d\n   \u6587')).toBe('\u4e2d\u6587')
  })

  it('keeps one space between Latin words and a typed space between Chinese words', () => {
    expect(collapseWhitespace('  Hello \n\t world ')).toBe('Hello world')
    expect(collapseWhitespace('\u8a18\u8005 \u5f35\u4e09')).toBe('\u8a18\u8005 \u5f35\u4e09')
  })
})
