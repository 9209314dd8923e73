// Everything XML 1.0 does not allow in a document (https://www.w3.org/TR/xml/#charsets): C0
// controls other than tab and newline (carriage return too: a parser would turn it into a newline
// anyway), lone surrogate halves (the `u` flag matches them one by one), U+FFFE and U+FFFF. One
// such character in a headline makes every strict reader refuse the whole feed.
const NOT_XML_TEXT = /[^\t\n\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/**
 * Text as XML 1.0 can carry it: characters it forbids are dropped, everything else is kept as it
 * is (escaping is the serializer's job, or `escapeXml`'s).
 *
 * @example
 * xmlText('Talks\u0000 resume \uD800') // 'Talks resume '
 */
export const xmlText = (text: string): string => text.replace(NOT_XML_TEXT, '')

const ENTITIES: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  "'": '&apos;',
  '"': '&quot;',
}

/**
 * Text ready to stand between tags or inside an attribute's quotes: forbidden characters
 * dropped, markup characters escaped.
 *
 * @example
 * escapeXml('Q&A: <script>') // 'Q&amp;A: &lt;script&gt;'
 */
export const escapeXml = (text: string): string =>
  xmlText(text).replace(/[<>&'"]/g, (c) => ENTITIES[c] ?? c)
