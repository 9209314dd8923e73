import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { parsePage } from '@/lib/pagination'

import { TopicListing, topicMetadata } from '../../TopicListing'

/** Page N of a topic; readers ask for it as `/topics/<slug>?page=N` (see next.config.ts). */
type Props = { params: Promise<{ slug: string; page: string }> }

export const generateStaticParams = async () => []
export const revalidate = 3600

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const { slug, page } = await params
  const number = parsePage(page)
  return number ? topicMetadata({ slug, page: number }) : {}
}

const TopicPageN = async ({ params }: Props) => {
  const { slug, page } = await params
  const number = parsePage(page)
  if (!number) notFound()
  return <TopicListing slug={slug} page={number} />
}

export default TopicPageN
