import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { tagsForMediaChange } from '@copydesk/types/cache-tags'
import type { Media } from '@copydesk/types/payload-types'

import { publishedArticleSlugs, publishedAuthors } from '../revalidate/lookups'
import { shouldRevalidate } from '../revalidate/publishedState'
import { sendTags } from '../revalidate/sendTags'

/**
 * Images have no drafts: every change shows wherever the image is used. Article pages show
 * their hero, their social image and their authors' avatars; author pages show the avatar.
 */
const announce = async ({ id, req }: { id: string; req: PayloadRequest }) => {
  const authors = await publishedAuthors({ where: { avatar: { equals: id } }, req })
  const articleSlugs = await publishedArticleSlugs({
    where: {
      or: [
        { 'hero.image': { equals: id } },
        { 'meta.image': { equals: id } },
        ...(authors.length > 0 ? [{ authors: { in: authors.map((author) => author.id) } }] : []),
      ],
    },
    req,
  })
  const authorSlugs = authors.map((author) => author.slug)
  await sendTags({ tags: tagsForMediaChange({ id, articleSlugs, authorSlugs }), req })
}

/** Announces a changed image (alt text, caption, focal point, file) to the pages that show it. */
export const revalidateMedia: CollectionAfterChangeHook<Media> = async ({
  context,
  doc,
  operation,
  req,
}) => {
  // A new upload is not shown anywhere until a document that uses it is published.
  if (operation === 'create' || !shouldRevalidate(context)) return doc
  await announce({ id: doc.id, req })
  return doc
}

/** Announces a deleted image to the pages that showed it. */
export const revalidateDeletedMedia: CollectionAfterDeleteHook<Media> = async ({
  context,
  doc,
  req,
}) => {
  if (shouldRevalidate(context)) await announce({ id: doc.id, req })
  return doc
}
