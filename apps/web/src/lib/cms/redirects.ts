import { cache } from 'react'

import { cacheTags } from '@copydesk/types/cache-tags'
import { readerPath } from '@copydesk/types/site-urls'

import { cms, tagged } from './client'

/**
 * Where an old article address leads now, or `null`. A redirect names the story, not a path, so
 * this is always the story's current address (one hop, however often its slug changed); a story
 * that is not published comes back unpopulated from the anonymous client and leads nowhere.
 * Cached under `redirects` (a redirect written or deleted) and `articles` (a story's slug or
 * published state changed).
 *
 * @example
 * await getRedirect('/articles/old-slug') // '/articles/new-slug'
 */
export const getRedirect = cache(async (from: string): Promise<string | null> => {
  const { docs } = await cms.find(
    { collection: 'redirects', where: { from: { equals: from } }, limit: 1, depth: 1 },
    tagged(cacheTags.collection('redirects'), cacheTags.collection('articles')),
  )
  const to = docs[0]?.to
  if (!to) return null
  if (to.type === 'custom') return to.url ?? null
  const story = to.reference?.value
  // Populated only when readers may see the story (the client is anonymous): published.
  if (typeof story !== 'object' || !story?.slug) return null
  const target = readerPath('articles', story.slug)
  // A story published again under its old slug owns that address (the CMS drops the redirect).
  return target === from ? null : target
})
