import Link from 'next/link'

import { pageHref, pageLinks } from '@/lib/pagination'

/**
 * Previous / Next and the page numbers of a list, each a plain link to a cacheable URL
 * (`?page=N`), with `rel="prev"` and `rel="next"` in the page's head and on the links.
 * Without `totalPages` (the front page, whose length is not counted) it shows the current page
 * number between Previous and Next.
 */
export const Pager = ({
  base,
  page,
  hasNextPage,
  totalPages,
  label,
  previousLabel = '← Newer',
  nextLabel = 'Older →',
}: {
  base: string
  page: number
  hasNextPage: boolean
  totalPages?: number
  label: string
  previousLabel?: string
  nextLabel?: string
}) => {
  const hasPrevPage = page > 1
  if (!hasPrevPage && !hasNextPage) return null
  const previous = pageHref({ base, page: page - 1 })
  const next = pageHref({ base, page: page + 1 })
  return (
    <nav className="pagination" aria-label={label}>
      {/* React puts these in the document's head. */}
      {hasPrevPage ? <link rel="prev" href={previous} /> : null}
      {hasNextPage ? <link rel="next" href={next} /> : null}
      {hasPrevPage ? (
        <Link href={previous} rel="prev" className="pagination-step">
          {previousLabel}
        </Link>
      ) : (
        <span className="pagination-step" aria-hidden="true" />
      )}
      <ol className="pagination-pages">
        {totalPages ? (
          pageLinks({ page, totalPages }).map((link) =>
            link.kind === 'gap' ? (
              <li key={link.key} aria-hidden="true">
                …
              </li>
            ) : (
              <li key={link.page}>
                {link.page === page ? (
                  <span aria-current="page">{link.page}</span>
                ) : (
                  <Link href={pageHref({ base, page: link.page })}>{link.page}</Link>
                )}
              </li>
            ),
          )
        ) : (
          <li>
            <span aria-current="page">Page {page}</span>
          </li>
        )}
      </ol>
      {hasNextPage ? (
        <Link href={next} rel="next" className="pagination-step">
          {nextLabel}
        </Link>
      ) : (
        <span className="pagination-step" aria-hidden="true" />
      )}
    </nav>
  )
}
