const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

export type ArchiveMonth = { year: number; month: number }

/**
 * A month of the date archive from its URL segments (`/archive/2024/07`), or `null` when they
 * are not one: four-digit year, two-digit month, one spelling per month so cached URLs stay unique.
 *
 * @example
 * parseArchiveMonth({ year: '2024', month: '07' }) // { year: 2024, month: 7 }
 * parseArchiveMonth({ year: '2024', month: '7' })  // null
 */
export const parseArchiveMonth = ({
  year,
  month,
}: {
  year: string
  month: string
}): ArchiveMonth | null => {
  if (!/^\d{4}$/.test(year) || !/^(0[1-9]|1[0-2])$/.test(month)) return null
  return { year: Number(year), month: Number(month) }
}

/**
 * The publishedAt window of a month, in UTC: from its first instant up to, not including, the
 * next month's.
 *
 * @example
 * monthWindow({ year: 2024, month: 12 }) // { from: '2024-12-01T00:00:00.000Z', to: '2025-01-01T00:00:00.000Z' }
 */
export const monthWindow = ({ year, month }: ArchiveMonth): { from: string; to: string } => ({
  from: new Date(Date.UTC(year, month - 1, 1)).toISOString(),
  to: new Date(Date.UTC(year, month, 1)).toISOString(),
})

/** The archive page of a month, page 1 without a page segment. */
export const archivePath = ({ year, month, page = 1 }: ArchiveMonth & { page?: number }): string =>
  `/archive/${year}/${String(month).padStart(2, '0')}${page > 1 ? `/page/${page}` : ''}`

/** @example monthName(7) // 'July' */
export const monthName = (month: number): string => MONTHS[month - 1] ?? String(month)
