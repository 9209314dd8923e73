import type { Metadata } from 'next'
import Image from 'next/image'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import type { BreadcrumbList, FAQPage, NewsArticle, WithContext } from 'schema-dts'

import type { Faq, Media } from '@copydesk/types/payload-types'
import { slugify } from '@copydesk/workflow/slug'

import { ArticleCard, authorsOf } from '@/components/ArticleCard'
import { JsonLd } from '@/components/JsonLd'
import { RichText } from '@/components/RichText'
import { env } from '@/env'
import { getArticleBySlug, getRelatedArticles } from '@/lib/cms/articles'
import { cmsUrl } from '@/lib/cms/client'
import { editorialUpdate, formatDate } from '@/lib/format'
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
  const url = `/articles/${article.slug}`
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
      authors: authorsOf(article).map((a) =>
        new URL(`/authors/${a.slug}`, env.SITE_URL).toString(),
      ),
      tags: article.topics ?? undefined,
      images: image ? [image] : undefined,
    },
    twitter: {
      card: image ? 'summary_large_image' : 'summary',
      title,
      description,
      images: image ? [image.url] : undefined,
    },
  }
}

const ArticlePage = async ({ params }: Props) => {
  const article = await getArticleBySlug((await params).slug)
  if (!article) notFound()

  const authors = authorsOf(article)
  const faqs = (article.faqs ?? []).filter((f): f is Faq => typeof f === 'object' && f !== null)
  const hero = typeof article.hero?.image === 'object' ? (article.hero.image as Media | null) : null
  const related = await getRelatedArticles(article)
  const url = new URL(`/articles/${article.slug}`, env.SITE_URL).toString()
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
      url: new URL(`/authors/${a.slug}`, env.SITE_URL).toString(),
    })),
    publisher: { '@type': 'Organization', name: env.SITE_NAME, url: env.SITE_URL },
    ...(image ? { image: [image.url] } : {}),
    ...(article.topics?.length ? { keywords: article.topics.join(', ') } : {}),
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
      ...(article.topics?.[0]
        ? [
            {
              '@type': 'ListItem' as const,
              position: 2,
              name: article.topics[0],
              item: new URL(
                `/topics/${slugify({ text: article.topics[0] })}`,
                env.SITE_URL,
              ).toString(),
            },
          ]
        : []),
      {
        '@type': 'ListItem',
        position: article.topics?.[0] ? 3 : 2,
        name: article.title,
        item: url,
      },
    ],
  }

  return (
    <article className="article">
      <JsonLd data={faqPage ? [newsArticle, faqPage, breadcrumbs] : [newsArticle, breadcrumbs]} />
      <header>
        {article.topics?.[0] ? (
          <p className="kicker">
            <Link href={`/topics/${slugify({ text: article.topics[0] })}`}>
              {article.topics[0]}
            </Link>
          </p>
        ) : null}
        <h1>{article.title}</h1>
        {article.dek ? <p className="dek">{article.dek}</p> : null}
        {authors.length ? (
          <p className="byline">
            By{' '}
            {authors.map((author, i) => (
              <span key={author.id}>
                {i > 0 ? (i === authors.length - 1 ? ' and ' : ', ') : null}
                <Link href={`/authors/${author.slug}`} rel="author">
                  {author.name}
                </Link>
              </span>
            ))}
          </p>
        ) : null}
        <p className="dateline">
          {article.publishedAt ? (
            <>
              Published{' '}
              <time dateTime={article.publishedAt}>{formatDate(article.publishedAt)}</time>
            </>
          ) : null}
          {updatedAt ? (
            <>
              {' · '}Updated <time dateTime={updatedAt}>{formatDate(updatedAt)}</time>
            </>
          ) : null}
        </p>
      </header>

      {hero?.url ? (
        <figure className="hero">
          <Image
            src={cmsUrl(hero.sizes?.hero?.url ?? hero.url) ?? ''}
            alt={hero.alt}
            width={hero.sizes?.hero?.width ?? hero.width ?? 1600}
            height={hero.sizes?.hero?.height ?? hero.height ?? 900}
            sizes="(min-width: 42rem) 40rem, 100vw"
            priority
          />
          {article.hero?.caption || article.hero?.credit ? (
            <figcaption>
              {article.hero.caption}
              {article.hero.caption && article.hero.credit ? ' ' : null}
              {article.hero.credit ? <span>({article.hero.credit})</span> : null}
            </figcaption>
          ) : null}
        </figure>
      ) : null}

      <RichText data={article.body} className="body" />

      {article.source?.name ? (
        <p className="source">
          Source:{' '}
          {article.source.url ? (
            <a href={article.source.url}>{article.source.name}</a>
          ) : (
            article.source.name
          )}
        </p>
      ) : null}

      {faqs.length ? (
        <section className="key-questions" aria-labelledby="key-questions">
          <h2 id="key-questions">{article.faqsHeading || 'Key Questions'}</h2>
          {article.faqsIntro ? <p>{article.faqsIntro}</p> : null}
          {faqs.map((faq) => (
            <details key={faq.id}>
              <summary>{faq.question}</summary>
              <RichText data={faq.answer} />
            </details>
          ))}
        </section>
      ) : null}

      {article.topics?.length ? (
        <ul className="topics" aria-label="Topics">
          {article.topics.map((topic) => (
            <li key={topic}>
              <Link href={`/topics/${slugify({ text: topic })}`}>{topic}</Link>
            </li>
          ))}
        </ul>
      ) : null}

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
    </article>
  )
}

export default ArticlePage
