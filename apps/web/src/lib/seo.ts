import type { Article, Faq, Media } from '@copydesk/types/payload-types'

import { cmsUrl } from '@/lib/cms/client'
import { excerpt } from '@/lib/format'

type RichText = Article['body']

/** The plain text of rich text, paragraph by paragraph. */
export const plainText = (data: RichText | Faq['answer']): string[] => {
  const blocks: string[] = []
  const collect = (node: { text?: unknown; children?: unknown[] }): string =>
    (typeof node.text === 'string' ? node.text : '') +
    (node.children ?? []).map((child) => collect(child as typeof node)).join('')
  for (const child of data?.root.children ?? []) blocks.push(collect(child as never))
  return blocks.filter(Boolean)
}

/**
 * A description for search results and cards: the editor's SEO text, else the dek, else the
 * opening of the story cut at a word boundary.
 */
export const describe = (article: Article, max = 200): string => {
  const chosen = article.meta?.description || article.dek
  if (chosen) return chosen
  return excerpt(plainText(article.body)[0] ?? '', max)
}

const asMedia = (value: unknown): Media | undefined =>
  typeof value === 'object' && value !== null && 'url' in value ? (value as Media) : undefined

/** The image for social cards: the SEO image, else the hero, in the 1200×630 size when present. */
export const socialImage = (article: Article) => {
  const media = asMedia(article.meta?.image) ?? asMedia(article.hero?.image)
  if (!media) return undefined
  const og = media.sizes?.og
  return {
    url: cmsUrl(og?.url ?? media.url) ?? '',
    width: og?.width ?? media.width ?? undefined,
    height: og?.height ?? media.height ?? undefined,
    alt: media.alt,
  }
}
