import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { readerPath } from '@copydesk/types/site-urls'

import { ArticleCard } from '@/components/ArticleCard'
import { getArticlesByTopic, getTopics } from '@/lib/cms/articles'

type Props = { params: Promise<{ slug: string }> }

export const generateStaticParams = async () => []
export const revalidate = 3600

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const { slug } = await params
  const topic = (await getTopics()).get(slug)
  return topic
    ? {
        title: topic,
        description: `The latest on ${topic}.`,
        alternates: { canonical: readerPath('topics', slug) },
      }
    : {}
}

const TopicPage = async ({ params }: Props) => {
  const { slug } = await params
  const topic = (await getTopics()).get(slug)
  if (!topic) notFound()
  const { docs } = await getArticlesByTopic(topic, slug)
  return (
    <>
      <p className="kicker">Topic</p>
      <h1>{topic}</h1>
      <ul className="card-list">
        {docs.map((article) => (
          <li key={article.id}>
            <ArticleCard article={article} />
          </li>
        ))}
      </ul>
    </>
  )
}

export default TopicPage
