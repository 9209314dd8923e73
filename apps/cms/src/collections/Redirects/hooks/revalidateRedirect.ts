import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { cacheTags } from '@copydesk/types/cache-tags'

import { shouldRevalidate } from '../../../revalidate/publishedState'
import { sendTags } from '../../../revalidate/sendTags'

const tags = [cacheTags.collection('redirects')]

/** A redirect written or changed: the site looks old addresses up again. */
export const revalidateRedirect: CollectionAfterChangeHook = async ({ context, doc, req }) => {
  if (shouldRevalidate(context)) await sendTags({ tags, req })
  return doc
}

/** A redirect deleted: its old address answers 404 again once the site forgets it. */
export const revalidateDeletedRedirect: CollectionAfterDeleteHook = async ({
  context,
  doc,
  req,
}) => {
  if (shouldRevalidate(context)) await sendTags({ tags, req })
  return doc
}
