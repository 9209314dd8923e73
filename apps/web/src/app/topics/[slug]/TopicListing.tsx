import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { readerPath } from '@copydesk/types/site-urls'

import { ArticleCard } from '@/components/ArticleCard'
import { Pager } from '@/components/Pager'
import { getArticlesByTopic, getTopicBySlug } from '@/lib/cms/articles'
import { pageHref } from '@/lib/pagination'

/**
 * A topic's page: its name, description and stories, newest first, one page at a time. Readers
 * reach page N as `/topics/<slug>?page=N` (next.config.ts rewrites it to a path of its own, so
 * each page is cached on its own until the CMS revalidates the topic).
 */
export const topicMetadata = async ({
  slug,
  page,
}: {
  slug: string
  page: number
}): Promise<Metadata> => {
  const topic = await getTopicBySlug(slug)
  if (!topic) return {}
  const title = topic.meta?.title || topic.name
  return {
    title: page > 1 ? `${title}, page ${page}` : title,
    description: topic.meta?.description || topic.description || `The latest on ${topic.name}.`,
    alternates: { canonical: pageHref({ base: readerPath('topics', slug), page }) },
  }
}

export const TopicListing = async ({ slug, page }: { slug: string; page: number }) => {
  const topic = await getTopicBySlug(slug)
  if (!topic) notFound()
  const { docs, hasNextPage, totalPages } = await getArticlesByTopic(topic, page)
  if (page > 1 && docs.length === 0) notFound()
  return (
    <>
      <p className="kicker">Topic</p>
      <h1>{topic.name}</h1>
      {topic.description ? <p className="dek">{topic.description}</p> : null}
      {docs.length === 0 ? <p>No stories on this topic yet.</p> : null}
      <ul className="card-list">
        {docs.map((article) => (
          <li key={article.id}>
            <ArticleCard article={article} />
          </li>
        ))}
      </ul>
      <Pager
        base={readerPath('topics', slug)}
        page={page}
        hasNextPage={hasNextPage}
        totalPages={totalPages}
        label={`${topic.name}: pages`}
      />
    </>
  )
}
