import type { Metadata } from 'next'
import Link from 'next/link'

import { readerPath } from '@copydesk/types/site-urls'

import { getTopics } from '@/lib/cms/articles'

// Rendered per request from a tagged, cached CMS read: the build never needs the CMS.
export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: 'Topics',
  description: 'Every subject we cover.',
  alternates: { canonical: '/topics' },
}

/** Every topic, by name, from the Topics collection. */
const TopicsPage = async () => {
  const topics = await getTopics()
  return (
    <>
      <h1>Topics</h1>
      {topics.length === 0 ? <p>No topics yet.</p> : null}
      <ul className="topic-index">
        {topics.map((topic) => (
          <li key={topic.id}>
            <Link href={readerPath('topics', topic.slug ?? '')}>{topic.name}</Link>
          </li>
        ))}
      </ul>
    </>
  )
}

export default TopicsPage
