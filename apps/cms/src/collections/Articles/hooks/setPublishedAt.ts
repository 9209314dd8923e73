import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '@copydesk/types/payload-types'

/** The first publish stamps the date readers see, unless an editor chose one. */
export const setPublishedAt: CollectionBeforeChangeHook<Article> = ({ data }) => {
  if (data._status === 'published' && !data.publishedAt) {
    return { ...data, publishedAt: new Date().toISOString() }
  }
  return data
}
