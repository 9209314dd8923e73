import type { Metadata } from 'next'
import Link from 'next/link'

import { archivePath, monthName } from '@/lib/archive'
import { getArchiveMonths } from '@/lib/cms/archive'

import styles from './archive.module.css'

export const metadata: Metadata = {
  title: 'Archive',
  description: 'Every story, by the month it was published.',
  alternates: { canonical: '/archive' },
}

// Rendered per request from a tagged, cached CMS read: the build never needs the CMS.
export const dynamic = 'force-dynamic'

/** The date archive: each year and its months with how many stories each holds. */
const ArchivePage = async () => {
  const months = await getArchiveMonths()
  const years = [...new Set(months.map((m) => m.year))]
  return (
    <>
      <h1>Archive</h1>
      {years.length === 0 ? <p>No stories have been published yet.</p> : null}
      <ul className={styles.years}>
        {years.map((year) => {
          const ofYear = months.filter((m) => m.year === year)
          const total = ofYear.reduce((sum, m) => sum + m.count, 0)
          return (
            <li key={year} className={styles.year}>
              <h2 id={`year-${year}`}>
                {year} <span className={styles.count}>({total.toLocaleString('en')})</span>
              </h2>
              <ul className={styles.months} aria-labelledby={`year-${year}`}>
                {ofYear.map(({ month, count }) => (
                  <li key={month}>
                    <Link href={archivePath({ year, month })}>
                      {monthName(month)} {year}
                    </Link>{' '}
                    <span className={styles.count}>
                      ({count.toLocaleString('en')} {count === 1 ? 'story' : 'stories'})
                    </span>
                  </li>
                ))}
              </ul>
            </li>
          )
        })}
      </ul>
    </>
  )
}

export default ArchivePage
