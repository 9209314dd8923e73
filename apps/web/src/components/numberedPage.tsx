import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import type { ReactNode } from 'react'

import { parsePage } from '@/lib/pagination'

type Props = { params: Promise<{ slug: string; page: string }> }

type Listing = {
  render: (props: { slug: string; page: number }) => ReactNode
  metadata: (props: { slug: string; page: number }) => Promise<Metadata>
}

/**
 * Page N of a paginated listing (a topic's or an author's stories), which readers ask for as
 * `?page=N` (rewritten in next.config.ts): a page number that is not one is a 404.
 */
export const numberedPage = ({ render, metadata }: Listing) => ({
  generateMetadata: async ({ params }: Props): Promise<Metadata> => {
    const { slug, page } = await params
    const number = parsePage(page)
    return number ? metadata({ slug, page: number }) : {}
  },
  Page: async ({ params }: Props) => {
    const { slug, page } = await params
    const number = parsePage(page)
    if (!number) notFound()
    return render({ slug, page: number })
  },
})
