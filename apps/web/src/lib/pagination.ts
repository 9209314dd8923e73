/** The largest page number a URL may ask for; anything above is not a page. */
export const MAX_PAGE = 100_000

/**
 * A page number from a URL segment, or `null` when it is not one (the page then answers 404).
 *
 * @example
 * parsePage('2')   // 2
 * parsePage('02')  // null: one spelling per page keeps cached URLs unique
 * parsePage('0')   // null
 */
export const parsePage = (text: string | undefined): number | null => {
  if (!text || !/^[1-9]\d*$/.test(text)) return null
  const page = Number(text)
  return page <= MAX_PAGE ? page : null
}

export type PageLink = { kind: 'page'; page: number } | { kind: 'gap'; key: string }

/**
 * The page numbers a pager shows: the first and last, and two either side of the current one,
 * with gaps between.
 *
 * @example
 * pageLinks({ page: 6, totalPages: 40 }).map((l) => (l.kind === 'page' ? l.page : '…'))
 * // [1, '…', 4, 5, 6, 7, 8, '…', 40]
 */
export const pageLinks = ({
  page,
  totalPages,
  around = 2,
}: {
  page: number
  totalPages: number
  around?: number
}): PageLink[] => {
  const shown = new Set([1, totalPages])
  for (let n = page - around; n <= page + around; n += 1)
    if (n >= 1 && n <= totalPages) shown.add(n)
  const pages = [...shown].filter((n) => n >= 1).sort((a, b) => a - b)
  const links: PageLink[] = []
  pages.forEach((n, i) => {
    const before = pages[i - 1]
    if (before !== undefined && n - before > 1) links.push({ kind: 'gap', key: `gap-${n}` })
    links.push({ kind: 'page', page: n })
  })
  return links
}

/**
 * A list page's URL: the first page is the list's own address, later ones add `?page=N`.
 *
 * @example
 * pageHref({ base: '/topics/cuba', page: 1 }) // '/topics/cuba'
 * pageHref({ base: '/topics/cuba', page: 3 }) // '/topics/cuba?page=3'
 */
export const pageHref = ({ base, page }: { base: string; page: number }): string =>
  page > 1 ? `${base}?page=${page}` : base
