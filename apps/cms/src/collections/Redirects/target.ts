import type { PayloadRequest } from 'payload'

import { readerPath } from '@copydesk/types/site-urls'

/**
 * The address of the story a redirect leads to, as the person asking may see it: readers get the
 * published story's address or nothing; staff also see a story that is not live, marked so.
 */
export const describeTarget = async ({
  id,
  req,
}: {
  id: string
  req: PayloadRequest
}): Promise<string | null> => {
  const story = await req.payload
    .findByID({
      collection: 'articles',
      id,
      depth: 0,
      select: { slug: true, _status: true },
      overrideAccess: false,
      disableErrors: true,
      req,
    })
    .catch(() => null)
  if (!story?.slug) return null
  const path = readerPath('articles', story.slug)
  return story._status === 'published' ? path : `${path} (not published)`
}
