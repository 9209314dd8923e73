import { fold } from './fold'

/** The folded copies of an article's text that the text index covers, one per weight. */
export type SearchText = {
  /** The headline. */
  title: string
  /** The dek. */
  dek: string
  /** Author names and the Key Questions (questions and answers). */
  extra: string
  /** The body. */
  body: string
}

/**
 * How much a match counts in each part, for the text index: a word in the headline outranks the
 * same word in the dek, which outranks the byline and Key Questions, then the body.
 */
export const SEARCH_WEIGHTS: Record<keyof SearchText, number> = {
  title: 10,
  dek: 5,
  extra: 2,
  body: 1,
}

/**
 * Bumped whenever what goes into SearchText changes, so stored copies older than this are
 * recomputed at start (see the CMS's search backfill).
 */
export const SEARCH_TEXT_VERSION = 3

/**
 * What the text index sees of an article: each part folded (case and accents), so a query folded
 * the same way matches whatever the reader types.
 *
 * @example
 * searchText({ title: 'Núñez', dek: '', body: [], authors: ['Claire Jimenez'], keyQuestions: [] })
 * // { title: 'nunez', dek: '', extra: 'claire jimenez', body: '' }
 */
export const searchText = ({
  title,
  dek,
  body,
  authors,
  keyQuestions,
}: {
  title: string | null | undefined
  dek: string | null | undefined
  body: string[]
  authors: string[]
  keyQuestions: { question: string; answer: string[] }[]
}): SearchText => ({
  title: fold({ text: title ?? '' }),
  dek: fold({ text: dek ?? '' }),
  extra: fold({
    text: [
      ...authors,
      ...keyQuestions.flatMap(({ question, answer }) => [question, ...answer]),
    ].join('\n'),
  }),
  body: fold({ text: body.join('\n') }),
})
