import { cache } from 'react'

import { cacheTags } from '@copydesk/types/cache-tags'
import type { Author } from '@copydesk/types/payload-types'

import { cms, tagged } from './client'

export const getAuthorBySlug = cache(async (slug: string): Promise<Author | null> => {
  const { docs } = await cms.find(
    {
      collection: 'authors',
      where: { and: [{ _status: { equals: 'published' } }, { slug: { equals: slug } }] },
      limit: 1,
      depth: 1,
    },
    tagged(cacheTags.author(slug)),
  )
  return docs[0] ?? null
})

export const getAllAuthors = cache(async () =>
  cms.find(
    { collection: 'authors', where: { _status: { equals: 'published' } }, limit: 1000, depth: 0 },
    tagged(cacheTags.collection('authors')),
  ),
)
