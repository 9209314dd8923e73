import { tagsForAuthorChange } from '@copydesk/types/cache-tags'
import type { Author } from '@copydesk/types/payload-types'

import { slugDocumentHooks } from '../revalidate/slugDocumentHooks'

/** An author's pages, and the articles that credit them. */
const hooks = slugDocumentHooks<Author>({
  collection: 'authors',
  articleField: 'authors',
  tagsFor: tagsForAuthorChange,
})

export const rememberPublishedAuthor = hooks.beforeChange
export const revalidateAuthor = hooks.afterChange
export const revalidateDeletedAuthor = hooks.afterDelete
