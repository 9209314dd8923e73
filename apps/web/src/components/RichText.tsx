import type { SerializedLinkNode } from '@payloadcms/richtext-lexical'
import type { JSXConvertersFunction } from '@payloadcms/richtext-lexical/react'
import { LinkJSXConverter, RichText as LexicalRichText } from '@payloadcms/richtext-lexical/react'

import type { Article, Author, Faq } from '@copydesk/types/payload-types'
import { readerPath } from '@copydesk/types/site-urls'

const internalDocToHref = ({ linkNode }: { linkNode: SerializedLinkNode }): string => {
  const { relationTo, value } = linkNode.fields.doc ?? {}
  const slug = typeof value === 'object' && value && 'slug' in value ? String(value.slug) : ''
  if (!slug) return '#'
  return readerPath(relationTo === 'authors' ? 'authors' : 'articles', slug)
}

const converters: JSXConvertersFunction = ({ defaultConverters }) => ({
  ...defaultConverters,
  ...LinkJSXConverter({ internalDocToHref }),
})

/** Renders Lexical rich text from the CMS with Payload's own converter. */
export const RichText = ({
  data,
  className,
}: {
  data: Article['body'] | Faq['answer'] | Author['bio']
  className?: string
}) =>
  data ? (
    <LexicalRichText data={data as never} converters={converters} className={className} />
  ) : null
