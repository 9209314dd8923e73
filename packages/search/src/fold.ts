// Letters NFKD leaves whole: they carry no combining mark to strip.
const LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
}

/**
 * Text as the search index and a query both see it: lower case, compatibility-decomposed (NFKD)
 * with the accents stripped, so "Núñez", "NUNEZ" and "nunez" are the same word.
 *
 * @example
 * fold({ text: 'Núñez Œuvre' }) // 'nunez oeuvre'
 */
export const fold = ({ text }: { text: string }): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðłıþ]/g, (letter) => LETTERS[letter] ?? letter)

const WORD = /[\p{L}\p{N}]+/gu

/** The words of a text, in order, each with where it starts and ends in that text. */
export const words = ({ text }: { text: string }): { word: string; start: number; end: number }[] =>
  [...text.matchAll(WORD)].map((match) => ({
    word: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }))

/**
 * The folded, distinct words of a reader's query (at most `max`), ready for a text index: the
 * operators a text search understands (quotes, a leading minus) never survive, so a query is
 * always a plain "any of these words" search.
 *
 * @example
 * queryTerms({ query: '  Núñez "blackout" -Guiteras ' }) // ['nunez', 'blackout', 'guiteras']
 */
export const queryTerms = ({ query, max = 12 }: { query: string; max?: number }): string[] =>
  [...new Set(words({ text: fold({ text: query }) }).map(({ word }) => word))].slice(0, max)
