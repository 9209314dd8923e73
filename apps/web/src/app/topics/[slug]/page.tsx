import type { Metadata } from 'next'

import { TopicListing, topicMetadata } from './TopicListing'

type Props = { params: Promise<{ slug: string }> }

export const generateStaticParams = async () => []
export const revalidate = 3600

export const generateMetadata = async ({ params }: Props): Promise<Metadata> =>
  topicMetadata({ slug: (await params).slug, page: 1 })

const TopicPage = async ({ params }: Props) => <TopicListing slug={(await params).slug} page={1} />

export default TopicPage
