import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  PayloadRequest,
} from 'payload'

import { tagsForTopicChange } from '@copydesk/types/cache-tags'
import type { PublishedChange, PublishedTopic } from '@copydesk/types/cache-tags'
import type { Topic } from '@copydesk/types/payload-types'

import { publishedArticleSlugs } from '../../../revalidate/lookups'
import { shouldRevalidate } from '../../../revalidate/publishedState'
import { sendTags } from '../../../revalidate/sendTags'

const previousSlugKey = (id: string) => `topicSlugBefore:${id}`

const announce = async ({
  id,
  change,
  req,
}: {
  id: string
  change: PublishedChange<PublishedTopic>
  req: PayloadRequest
}) => {
  const articleSlugs = await publishedArticleSlugs({ where: { topics: { in: [id] } }, req })
  await sendTags({ tags: tagsForTopicChange({ ...change, articleSlugs }), req })
}

/** Keeps the slug readers knew the topic by, so a rename refreshes the old page too. */
export const rememberTopicSlug: CollectionBeforeChangeHook<Topic> = ({
  context,
  data,
  operation,
  originalDoc,
}) => {
  if (operation === 'update' && originalDoc?.id && shouldRevalidate(context))
    context[previousSlugKey(originalDoc.id)] = originalDoc.slug
  return data
}

/** Announces a topic's change to its page, the topic list and the stories filed under it. */
export const revalidateTopic: CollectionAfterChangeHook<Topic> = async ({ context, doc, req }) => {
  if (!shouldRevalidate(context)) return doc
  const previousSlug = context[previousSlugKey(doc.id)] as string | null | undefined
  await announce({
    id: doc.id,
    change: { doc: { slug: doc.slug }, previousDoc: previousSlug ? { slug: previousSlug } : null },
    req,
  })
  return doc
}

/** Announces the removal of a topic. */
export const revalidateDeletedTopic: CollectionAfterDeleteHook<Topic> = async ({
  context,
  doc,
  req,
}) => {
  if (!shouldRevalidate(context)) return doc
  await announce({ id: doc.id, change: { doc: null, previousDoc: { slug: doc.slug } }, req })
  return doc
}
