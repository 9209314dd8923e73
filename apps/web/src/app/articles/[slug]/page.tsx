import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'
import type { BreadcrumbList, FAQPage, NewsArticle, WithContext } from 'schema-dts'

import { VERSION_META_NAME } from '@copydesk/types/contract'
import type { Faq } from '@copydesk/types/payload-types'
import { readerPath, readerUrl } from '@copydesk/types/site-urls'

import { ArticleCard, authorsOf, topicsOf } from '@/components/ArticleCard'
import { JsonLd } from '@/components/JsonLd'
import { ArticleView } from '@/components/ArticleView'
import { PreviewBanner } from '@/components/PreviewBanner'
import { env } from '@/env'
import { getArticleBySlug, getRelatedArticles } from '@/lib/cms/articles'
import { draftFor } from '@/lib/cms/preview'
import { getRedirect } from '@/lib/cms/redirects'
import { editorialUpdate } from '@/lib/format'
import { describe, plainText, socialImage } from '@/lib/seo'

type Props = { params: Promise<{ slug: string }> }

// Pages render on first request and stay cached until the CMS revalidates their tags.
export const generateStaticParams = async () => []
export const revalidate = 3600

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const article = await getArticleBySlug((await params).slug)
  if (!article) return {}
  const title = article.meta?.title || article.title
  const description = describe(article)
  const image = socialImage(article)
  const url = readerPath('articles', article.slug)
  return {
    title: { absolute: title.includes(env.SITE_NAME) ? title : `${title} · ${env.SITE_NAME}` },
    description,
    alternates: { canonical: url },
    openGraph: {
      type: 'article',
      url,
      title,
      description,
      publishedTime: article.publishedAt ?? undefined,
      modifiedTime: editorialUpdate(article) ?? article.publishedAt ?? undefined,
      authors: authorsOf(article).map((a) => readerUrl(env.SITE_URL, 'authors', a.slug)),
      tags: topicsOf(article).map((topic) => topic.name),
      images: image ? [image] : undefined,
    },
    twitter: {
      card: image ? 'summary_large_image' : 'summary',
      title,
      description,
      images: image ? [image.url] : undefined,
    },
    // The version this page renders: the CMS compares it with what it published ("Live on site").
    other: { [VERSION_META_NAME]: article.updatedAt },
  }
}

/**
 * The published article, or in draft mode (staff with a preview link) its latest draft: the one
 * place this page decides which. Draft mode reads cookies, so only that request is dynamic.
 */
const articleFor = async (slug: string) => {
  const draft = await draftFor('articles')
  if (draft && draft.slug === slug) return { article: draft, isPreview: true }
  return { article: await getArticleBySlug(slug), isPreview: false }
}

const ArticlePage = async ({ params }: Props) => {
  const { slug } = await params
  const { article, isPreview } = await articleFor(slug)
  if (!article) {
    // An old address of a story whose slug changed answers 308 with its current address.
    const target = await getRedirect(readerPath('articles', slug))
    if (target) permanentRedirect(target)
    notFound()
  }

  const authors = authorsOf(article)
  const topics = topicsOf(article)
  const faqs = (article.faqs ?? []).filter((f): f is Faq => typeof f === 'object' && f !== null)
  const related = await getRelatedArticles(article)
  const url = readerUrl(env.SITE_URL, 'articles', article.slug)
  const image = socialImage(article)
  const updatedAt = editorialUpdate(article)

  const newsArticle: WithContext<NewsArticle> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: describe(article),
    mainEntityOfPage: url,
    datePublished: article.publishedAt ?? undefined,
    dateModified: updatedAt ?? article.publishedAt ?? undefined,
    author: authors.map((a) => ({
      '@type': 'Person',
      name: a.name,
      url: readerUrl(env.SITE_URL, 'authors', a.slug),
    })),
    publisher: { '@type': 'Organization', name: env.SITE_NAME, url: env.SITE_URL },
    ...(image ? { image: [image.url] } : {}),
    ...(topics.length ? { keywords: topics.map((topic) => topic.name).join(', ') } : {}),
    ...(article.source?.name ? { isBasedOn: article.source.url ?? article.source.name } : {}),
  }
  const faqPage: WithContext<FAQPage> | null = faqs.length
    ? {
        '@context': 'https://schema.org',
        '@type': 'FAQPage',
        mainEntity: faqs.map((faq) => ({
          '@type': 'Question',
          name: faq.question,
          acceptedAnswer: { '@type': 'Answer', text: plainText(faq.answer).join('\n\n') },
        })),
      }
    : null
  const breadcrumbs: WithContext<BreadcrumbList> = {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: [
      { '@type': 'ListItem', position: 1, name: env.SITE_NAME, item: env.SITE_URL },
      ...(topics[0]
        ? [
            {
              '@type': 'ListItem' as const,
              position: 2,
              name: topics[0].name,
              item: readerUrl(env.SITE_URL, 'topics', topics[0].slug ?? ''),
            },
          ]
        : []),
      {
        '@type': 'ListItem',
        position: topics[0] ? 3 : 2,
        name: article.title,
        item: url,
      },
    ],
  }

  return (
    <>
      {isPreview ? <PreviewBanner path={readerPath('articles', slug)} /> : null}
      <JsonLd data={faqPage ? [newsArticle, faqPage, breadcrumbs] : [newsArticle, breadcrumbs]} />
      <ArticleView article={article} cmsOrigin={env.CMS_URL}>
        {related.length ? (
          <aside className="related" aria-labelledby="related">
            <h2 id="related">Related</h2>
            <ul className="card-list">
              {related.map((item) => (
                <li key={item.id}>
                  <ArticleCard article={item} />
                </li>
              ))}
            </ul>
          </aside>
        ) : null}
      </ArticleView>
    </>
  )
}

export default ArticlePage
