import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'
import { ObjectId } from 'mongodb'
import type { Payload, PayloadRequest } from 'payload'

import { slugify } from '@copydesk/workflow/slug'

type Report = { topicsCreated: number; articlesChanged: number; versionsChanged: number }

/**
 * Turns the free-text topics articles used to carry (`topics: ['North Korea']`) into references
 * to Topic documents, found by slug or created with the first spelling met, in articles and in
 * their stored versions (drafts, history). Writes straight to the collections: no hook runs, the
 * documents' `updatedAt` stays, nothing is announced. Idempotent: once no topic is a string, it
 * finds nothing to do.
 *
 * @example
 * await convertStringTopics({ payload, req }) // { topicsCreated: 3, articlesChanged: 1, versionsChanged: 2 }
 */
export const convertStringTopics = async ({
  payload,
  req,
}: {
  payload: Payload
  req: PayloadRequest
}): Promise<Report> => {
  const session = payload.db.sessions?.[String(await req.transactionID)]
  const idsBySlug = new Map<string, ObjectId>()
  const report: Report = { topicsCreated: 0, articlesChanged: 0, versionsChanged: 0 }

  const topicId = async (name: string): Promise<ObjectId | null> => {
    const slug = slugify({ text: name })
    if (!slug) return null
    const known = idsBySlug.get(slug)
    if (known) return known
    const { docs } = await payload.find({
      collection: 'topics',
      where: { slug: { equals: slug } },
      depth: 0,
      limit: 1,
      req,
    })
    const topic =
      docs[0] ??
      (await payload.create({
        collection: 'topics',
        data: { name: name.trim(), slug },
        req,
        context: { disableRevalidate: true },
      }))
    if (!docs[0]) report.topicsCreated += 1
    const id = new ObjectId(topic.id)
    idsBySlug.set(slug, id)
    return id
  }

  const convert = async (values: unknown[]): Promise<ObjectId[]> => {
    const ids: ObjectId[] = []
    for (const value of values) {
      const id =
        typeof value === 'string' ? await topicId(value) : value instanceof ObjectId ? value : null
      if (id && !ids.some((known) => known.equals(id))) ids.push(id)
    }
    return ids
  }

  const targets = [
    {
      collection: payload.db.collections.articles?.collection,
      path: 'topics',
      key: 'articlesChanged',
    },
    {
      collection: payload.db.versions.articles?.collection,
      path: 'version.topics',
      key: 'versionsChanged',
    },
  ] as const
  for (const { collection, path, key } of targets) {
    if (!collection) continue
    const stale = await collection
      .find({ [path]: { $type: 'string' } }, { projection: { [path]: 1 }, session })
      .toArray()
    for (const doc of stale) {
      const values = path === 'topics' ? doc.topics : doc.version?.topics
      if (!Array.isArray(values)) continue
      await collection.updateOne(
        { _id: doc._id },
        { $set: { [path]: await convert(values) } },
        { session },
      )
      report[key] += 1
    }
  }
  return report
}

export async function up({ payload, req }: MigrateUpArgs): Promise<void> {
  const report = await convertStringTopics({ payload, req })
  payload.logger.info(
    `Topics: ${report.topicsCreated} created, ${report.articlesChanged} articles and ${report.versionsChanged} versions now reference them.`,
  )
}

/** Topics stay documents: going back would need the old schema, which this code no longer has. */
export async function down({ payload }: MigrateDownArgs): Promise<void> {
  payload.logger.warn('The topics migration is not reversible; nothing was changed.')
}
