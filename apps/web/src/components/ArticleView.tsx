import Image from 'next/image'
import Link from 'next/link'
import type React from 'react'

import type { Article, Author, Faq, Media, Topic } from '@copydesk/types/payload-types'
import { readerPath } from '@copydesk/types/site-urls'

import { RichText } from '@/components/RichText'
import { editorialUpdate, formatDate, formatShortDate } from '@/lib/format'

const authorsOf = (article: Article): Author[] =>
  (article.authors ?? []).filter((a): a is Author => typeof a === 'object' && a !== null)

// Not imported from ArticleCard: this view also renders inside the live preview's client bundle.
const topicsOf = (article: Article): Topic[] =>
  (article.topics ?? []).filter(
    (t): t is Topic => typeof t === 'object' && t !== null && Boolean(t.slug),
  )

/**
 * An article as readers see it: header, hero, body, corrections, Key Questions and topics. It
 * fetches nothing and reads no server settings, so the published page and the live preview
 * (a client component) render the very same markup.
 */
export const ArticleView = ({
  article,
  cmsOrigin,
  children,
}: {
  article: Article
  /** Where media URLs from the CMS are resolved. */
  cmsOrigin: string
  /** Rendered after the story, e.g. related articles. */
  children?: React.ReactNode
}) => {
  const authors = authorsOf(article)
  const faqs = (article.faqs ?? []).filter((f): f is Faq => typeof f === 'object' && f !== null)
  const hero = typeof article.hero?.image === 'object' ? (article.hero.image as Media | null) : null
  const heroUrl = hero?.sizes?.hero?.url ?? hero?.url
  const updatedAt = editorialUpdate(article)
  const corrections = article.corrections ?? []
  const topics = topicsOf(article)
  const topic = topics[0]

  return (
    <article className="article">
      <header>
        {topic ? (
          <p className="kicker">
            <Link href={readerPath('topics', topic.slug ?? '')}>{topic.name}</Link>
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
                <Link href={readerPath('authors', author.slug)} rel="author">
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

      {hero && heroUrl ? (
        <figure className="hero">
          <Image
            src={new URL(heroUrl, cmsOrigin).toString()}
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

      {corrections.length ? (
        <aside className="corrections" aria-labelledby="corrections">
          <h2 id="corrections">{corrections.length === 1 ? 'Correction' : 'Corrections'}</h2>
          <ul>
            {corrections.map((correction) => (
              <li key={correction.id ?? correction.at}>
                <time dateTime={correction.at}>{formatShortDate(correction.at)}</time>:{' '}
                {correction.note}
              </li>
            ))}
          </ul>
        </aside>
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

      {topics.length ? (
        <ul className="topics" aria-label="Topics">
          {topics.map((item) => (
            <li key={item.id}>
              <Link href={readerPath('topics', item.slug ?? '')}>{item.name}</Link>
            </li>
          ))}
        </ul>
      ) : null}

      {children}
    </article>
  )
}
