import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'
import { ValidationError } from 'payload'

import type { TopicValue } from '@copydesk/workflow/topics'
import { canCreateTopicByName, orderedTopicIds, topicReferences } from '@copydesk/workflow/topics'

import { preparesInput } from '../../../validation/rejectBadInput'

const topicIdsBySlug = async ({
  names,
  req,
}: {
  names: { name: string; slug: string }[]
  req: PayloadRequest
}): Promise<Map<string, string>> => {
  const { docs } = await req.payload.find({
    collection: 'topics',
    where: { slug: { in: names.map(({ slug }) => slug) } },
    select: { slug: true },
    depth: 0,
    pagination: false,
    req,
  })
  return new Map(docs.map((doc) => [doc.slug ?? '', doc.id]))
}

/**
 * Lets a write name its topics (`topics: ['North Korea']`) as well as give their ids, as the
 * content import and API clients do: each name is found by its slug, and created when the person
 * may manage topics (editors, admins, the system). A writer naming a topic that does not exist
 * gets a 400 on `topics`. Runs before the input checks, which then see ids only.
 */
export const resolveTopicNames = preparesInput<CollectionBeforeOperationHook<'articles'>>(
  async ({ args, operation, req }) => {
    if (operation !== 'create' && operation !== 'update') return args
    const data = (args as { data?: { topics?: unknown } }).data
    if (!data || !Array.isArray(data.topics)) return args
    const values = data.topics as TopicValue[]
    const { names } = topicReferences({ values })
    if (names.length === 0) return args
    const idsBySlug = await topicIdsBySlug({ names, req })
    const missing = names.filter(({ slug }) => !idsBySlug.has(slug))
    if (missing.length > 0 && !canCreateTopicByName({ user: req.user })) {
      throw new ValidationError(
        {
          collection: 'articles',
          errors: [
            {
              path: 'topics',
              message: `There is no topic ${missing.map(({ name }) => `“${name}”`).join(', ')}: pick one from the list, or ask an editor to add it.`,
            },
          ],
          req,
        },
        req.t,
      )
    }
    for (const { name, slug } of missing) {
      const topic = await req.payload.create({
        collection: 'topics',
        data: { name, slug },
        req,
        overrideAccess: true,
      })
      idsBySlug.set(slug, topic.id)
    }
    data.topics = orderedTopicIds({ values, idsBySlug })
    return args
  },
)
