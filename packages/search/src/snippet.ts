import { fold, words } from './fold'
import { stem } from './stem'

/** A run of a snippet's text; `isMatch` runs are shown highlighted (a `<mark>`). */
export type SnippetPart = { text: string; isMatch: boolean }

type Window = { text: string; from: number; to: number; distinct: number; hits: number }

const ELLIPSIS = '…'

/** The end of the last whole word that ends at or before `limit`. */
const wordEndBefore = (text: string, limit: number): number => {
  if (limit >= text.length) return text.length
  const cut = text.lastIndexOf(' ', limit)
  return cut > 0 ? cut : limit
}

/**
 * A short passage of the original text around the words a query matched, with those words marked.
 * Matching works on folded words and their stems, as the text index does, so "Nunez" marks
 * "Núñez" and "defects" marks "defection"; the text shown is always the original. Among several
 * texts (the dek, the body, the Key Questions) the passage with the most distinct query words
 * wins, the earlier text on a tie. With no match, the opening of the first non-empty text.
 *
 * @example
 * snippet({ texts: ['Ángel Núñez said…'], terms: ['nunez'] })
 * // [{ text: 'Ángel ', isMatch: false }, { text: 'Núñez', isMatch: true }, { text: ' said…', isMatch: false }]
 */
export const snippet = ({
  texts,
  terms,
  maxLength = 220,
}: {
  texts: string[]
  /** Folded query words (see queryTerms). */
  terms: string[]
  maxLength?: number
}): SnippetPart[] => {
  const wanted = new Map<string, string>()
  for (const term of terms) {
    wanted.set(term, term)
    wanted.set(stem({ word: term }), term)
  }
  const termOf = (word: string): string | undefined => {
    const folded = fold({ text: word })
    return wanted.get(folded) ?? wanted.get(stem({ word: folded }))
  }

  let best: Window | undefined
  let bestMatches: { start: number; end: number }[] = []
  for (const text of texts) {
    const matches = words({ text }).flatMap((token) => {
      const term = termOf(token.word)
      return term ? [{ ...token, term }] : []
    })
    for (const anchor of matches) {
      // A little context before the first match, the rest after it.
      const lead = Math.min(60, Math.floor(maxLength / 4))
      const from = Math.max(0, text.lastIndexOf(' ', Math.max(0, anchor.start - lead)) + 1)
      const to = wordEndBefore(text, from + maxLength)
      const inside = matches.filter((m) => m.start >= from && m.end <= to)
      const distinct = new Set(inside.map((m) => m.term)).size
      if (
        !best ||
        distinct > best.distinct ||
        (distinct === best.distinct && inside.length > best.hits && text === best.text)
      ) {
        best = {
          text,
          from,
          to,
          distinct,
          hits: inside.length,
        }
        bestMatches = inside
      }
    }
  }

  if (!best) {
    const text = texts.find((candidate) => candidate.trim() !== '') ?? ''
    const to = wordEndBefore(text, maxLength)
    return text
      ? [{ text: text.slice(0, to) + (to < text.length ? ELLIPSIS : ''), isMatch: false }]
      : []
  }

  const { text, from, to } = best
  const parts: SnippetPart[] = []
  const plain = (value: string) => {
    if (value) parts.push({ text: value, isMatch: false })
  }
  let cursor = from
  plain(from > 0 ? ELLIPSIS : '')
  for (const match of bestMatches) {
    plain(text.slice(cursor, match.start))
    parts.push({ text: text.slice(match.start, match.end), isMatch: true })
    cursor = match.end
  }
  plain(text.slice(cursor, to) + (to < text.length ? ELLIPSIS : ''))
  // Neighbouring plain runs (the leading ellipsis and the text after it) read as one.
  return parts.reduce<SnippetPart[]>((merged, part) => {
    const last = merged.at(-1)
    if (last && !last.isMatch && !part.isMatch) last.text += part.text
    else merged.push({ ...part })
    return merged
  }, [])
}
