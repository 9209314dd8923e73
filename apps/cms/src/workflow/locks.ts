import type { CollectionBeforeOperationHook, PayloadRequest, SanitizedConfig, Where } from 'payload'

import type { User } from '@copydesk/types/payload-types'
import { lockBlocks } from '@copydesk/workflow/desk'
import { isWorkflowCollection } from '@copydesk/workflow/states'

import { relationIds } from '../revalidate/lookups'
import type { DocumentAt } from './subject'
import { findLatest, subjectOf } from './subject'

const LOCKS = 'payload-locked-documents'

type LockRow = { id: string; user?: { value?: unknown } | null; updatedAt?: string }

const findHolder = async (id: string, req: PayloadRequest): Promise<User | null> =>
  (await req.payload
    .findByID({ collection: 'users', id, depth: 0, overrideAccess: true, req })
    .catch(() => null)) as User | null

const locksOn = async ({ collection, id, req }: DocumentAt): Promise<LockRow[]> => {
  const { docs } = await req.payload.db.find<LockRow>({
    collection: LOCKS,
    where: {
      and: [
        { 'document.value': { equals: String(id) } },
        { 'document.relationTo': { equals: collection } },
      ],
    },
    limit: 0,
    pagination: false,
    req,
  })
  return docs
}

/**
 * Lets go of Payload's edit locks on a document held by people who may not edit it now (a writer
 * whose story went to review with the form still open, someone whose role changed): their form
 * is read-only, and their lock must not stop the person who may edit with "Document locked".
 * Decided by `lockBlocks`, the edit rule the server applies to writes.
 */
export const releaseStaleLocks = async ({ collection, id, req }: DocumentAt): Promise<void> => {
  const locks = await locksOn({ collection, id, req })
  if (locks.length === 0) return
  const latest = await findLatest({ collection, id, req })
  if (!latest) return
  const doc = subjectOf(latest)
  const stale: string[] = []
  for (const lock of locks) {
    const [holderId] = relationIds(lock.user?.value)
    const holder = holderId ? await findHolder(holderId, req) : null
    if (!lockBlocks({ holder, doc })) stale.push(String(lock.id))
  }
  if (stale.length > 0)
    await req.payload.db.deleteMany({ collection: LOCKS, where: { id: { in: stale } }, req })
}

/** The document a lock query is about (`document.value` and `document.relationTo` in its `and`). */
const lockedDocumentOf = (where: Where | undefined): { collection: string; id: string } | null => {
  const conditions = Array.isArray(where?.and) ? where.and : []
  let collection: unknown
  let id: unknown
  for (const condition of conditions) {
    const value = condition['document.value'] as { equals?: unknown } | undefined
    const relationTo = condition['document.relationTo'] as { equals?: unknown } | undefined
    if (value?.equals !== undefined) id = value.equals
    if (relationTo?.equals !== undefined) collection = relationTo.equals
  }
  return typeof collection === 'string' && (typeof id === 'string' || typeof id === 'number')
    ? { collection, id: String(id) }
    : null
}

/**
 * Before the admin asks whether a document is locked (opening it, and with every form-state
 * request), stale locks on it are released, so the question is answered without them.
 */
const releaseStaleLocksBeforeRead: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'read') return args
  const target = lockedDocumentOf((args as { where?: Where }).where)
  if (target && isWorkflowCollection(target.collection))
    await releaseStaleLocks({ collection: target.collection, id: target.id, req })
  return args
}

/**
 * Payload adds its locks collection while it builds the config, after plugins run: the hook is
 * attached to the built config.
 */
export const withStaleLockRelease = (config: SanitizedConfig): SanitizedConfig => {
  const locks = config.collections.find((collection) => collection.slug === LOCKS)
  if (locks) {
    locks.hooks.beforeOperation = [
      ...(locks.hooks.beforeOperation ?? []),
      releaseStaleLocksBeforeRead,
    ]
  }
  return config
}

/** Who holds the edit lock on a document now, by name, for the admin's "Document locked". */
export const lockHolderOf = async ({
  collection,
  id,
  req,
}: DocumentAt): Promise<{ id: string; name: string } | null> => {
  const fresh = (await locksOn({ collection, id, req })).filter(
    // Payload's default lock duration: an older lock no longer holds.
    (lock) => lock.updatedAt && Date.now() - new Date(lock.updatedAt).getTime() < 300_000,
  )
  const [holderId] = relationIds(fresh[0]?.user?.value)
  if (!holderId) return null
  const holder = await findHolder(holderId, req)
  return { id: holderId, name: holder?.name || 'A colleague' }
}
