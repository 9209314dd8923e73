import { tagsForFaqChange } from '@copydesk/types/cache-tags'
import type { Faq } from '@copydesk/types/payload-types'

import { slugDocumentHooks } from '../revalidate/slugDocumentHooks'

/** An FAQ, and the articles that list it. */
const hooks = slugDocumentHooks<Faq>({
  collection: 'faqs',
  articleField: 'faqs',
  tagsFor: tagsForFaqChange,
})

export const rememberPublishedFaq = hooks.beforeChange
export const revalidateFaq = hooks.afterChange
export const revalidateDeletedFaq = hooks.afterDelete
