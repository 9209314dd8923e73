const dateFormat = new Intl.DateTimeFormat('en-US', {
  weekday: 'long',
  month: 'long',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
})

const shortDateFormat = new Intl.DateTimeFormat('en-US', {
  month: 'long',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
})

/**
 * A publication date as readers expect it in a dateline.
 *
 * @example
 * formatDate('2024-07-16T12:00:00.000Z') // 'Tuesday, July 16, 2024'
 */
export const formatDate = (iso: string): string => dateFormat.format(new Date(iso))

/** @example formatShortDate('2024-07-16T12:00:00.000Z') // 'July 16, 2024' */
export const formatShortDate = (iso: string): string => shortDateFormat.format(new Date(iso))

/** Names joined the way a byline reads: "A", "A and B", "A, B and C". */
export const joinNames = (names: string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`

/**
 * When the story last changed after it went live, or `null` if it has not. The publish itself
 * (and an import that creates the document already published) is not an update.
 *
 * @example
 * editorialUpdate({ publishedAt: '2024-07-16T12:00:00Z', createdAt: '2026-11-28T14:30:05Z', updatedAt: '2026-11-28T14:30:05Z' }) // null
 */
export const editorialUpdate = ({
  publishedAt,
  createdAt,
  updatedAt,
}: {
  publishedAt?: string | null
  createdAt: string
  updatedAt: string
}): string | null => {
  const wentLive = Math.max(Date.parse(publishedAt ?? createdAt), Date.parse(createdAt))
  return Date.parse(updatedAt) - wentLive > 60_000 ? updatedAt : null
}

/**
 * The opening of a text cut to at most `max` characters for a card: whole text when it fits,
 * else up to the last full sentence when that keeps at least half, else up to the last whole word
 * with an ellipsis, never a word cut in two or a dangling stub of punctuation.
 *
 * @example
 * excerpt('The council voted. It costs €4.2m in total.', 30) // 'The council voted.'
 */
export const excerpt = (text: string, max: number): string => {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  // Room for the ellipsis.
  const window = clean.slice(0, max)
  const sentenceEnd = Math.max(
    ...['. ', '! ', '? ', '.” ', '?” ', '!” '].map((mark) => {
      const at = window.lastIndexOf(mark)
      return at === -1 ? -1 : at + mark.trimEnd().length
    }),
  )
  if (sentenceEnd >= max / 2) return window.slice(0, sentenceEnd)
  const words = clean.slice(0, max - 1)
  const lastSpace = words.lastIndexOf(' ')
  // A text with no space to cut at is one long word: cut it, but mark the cut.
  const cut = lastSpace > 0 ? words.slice(0, lastSpace) : words
  return `${cut.replace(/[\s,;:.!?…—–-]+$/u, '')}…`
}
