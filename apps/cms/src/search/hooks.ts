import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import type { Article, Author, Faq } from '@copydesk/types/payload-types'

import { refreshSearchText } from './store'
import { searchTextsFor } from './searchTextFor'

/** Every save of an article (draft or published) carries its search text. */
export const setSearchText: CollectionBeforeChangeHook<Article> = async ({ data, req }) => ({
  ...data,
  ...(await searchTextsFor({ articles: [data], payload: req.payload, req }))[0],
})

/**
 * An author's name and an FAQ's question and answer are searched as part of the articles that
 * use them: when the live version changes, those articles' search text is recomputed.
 */
const refreshArticlesUsing =
  <T extends Author | Faq>(field: 'authors' | 'faqs'): CollectionAfterChangeHook<T> =>
  async ({ doc, req }) => {
    // A draft changes nothing readers can find; a publish may (cheap: one query per article).
    if (doc._status === 'draft') return doc
    await refreshSearchText({
      payload: req.payload,
      where: { [field]: { in: [doc.id] } },
      req,
    })
    return doc
  }

export const refreshSearchForAuthor = refreshArticlesUsing<Author>('authors')
export const refreshSearchForFaq = refreshArticlesUsing<Faq>('faqs')
