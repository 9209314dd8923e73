import type { Metadata } from 'next'
import Image from 'next/image'
import { notFound } from 'next/navigation'
import type { Person, WithContext } from 'schema-dts'

import { VERSION_META_NAME } from '@copydesk/types/contract'
import type { Media } from '@copydesk/types/payload-types'
import { readerPath, readerUrl } from '@copydesk/types/site-urls'

import { ArticleCard } from '@/components/ArticleCard'
import { JsonLd } from '@/components/JsonLd'
import { Pager } from '@/components/Pager'
import { PreviewBanner } from '@/components/PreviewBanner'
import { RichText } from '@/components/RichText'
import { env } from '@/env'
import { getArticlesByAuthor } from '@/lib/cms/articles'
import { getAuthorBySlug } from '@/lib/cms/authors'
import { cmsUrl } from '@/lib/cms/client'
import { draftFor } from '@/lib/cms/preview'
import { pageHref } from '@/lib/pagination'
import { plainText } from '@/lib/seo'

/**
 * An author's page: profile and stories, newest first, one page at a time. Readers reach page N
 * as `/authors/<slug>?page=N` (next.config.ts rewrites it to a path of its own).
 */
export const authorMetadata = async ({
  slug,
  page,
}: {
  slug: string
  page: number
}): Promise<Metadata> => {
  const author = await getAuthorBySlug(slug)
  if (!author) return {}
  const description =
    plainText(author.bio)[0] ??
    `Articles by ${author.name}${author.role ? `, ${author.role}` : ''}.`
  return {
    title: page > 1 ? `${author.name}, page ${page}` : author.name,
    description,
    alternates: { canonical: pageHref({ base: readerPath('authors', author.slug), page }) },
    openGraph: { type: 'profile', title: author.name, description },
    other: { [VERSION_META_NAME]: author.updatedAt },
  }
}

/** The published profile, or in draft mode (a staff preview link) its latest draft. */
const authorFor = async (slug: string) => {
  const draft = await draftFor('authors')
  if (draft && draft.slug === slug) return { author: draft, isPreview: true }
  return { author: await getAuthorBySlug(slug), isPreview: false }
}

export const AuthorListing = async ({ slug, page }: { slug: string; page: number }) => {
  const { author, isPreview } = await authorFor(slug)
  if (!author) notFound()
  const {
    docs: articles,
    hasNextPage,
    totalPages,
  } = await getArticlesByAuthor(author.id, author.slug ?? '', page)
  if (page > 1 && articles.length === 0) notFound()
  const avatar = typeof author.avatar === 'object' ? (author.avatar as Media | null) : null
  const url = readerUrl(env.SITE_URL, 'authors', author.slug)

  const person: WithContext<Person> = {
    '@context': 'https://schema.org',
    '@type': 'Person',
    name: author.name,
    url,
    ...(author.role ? { jobTitle: author.role } : {}),
    ...(avatar?.url ? { image: cmsUrl(avatar.url) } : {}),
    ...(author.links?.length ? { sameAs: author.links.map((link) => link.url) } : {}),
    worksFor: { '@type': 'Organization', name: env.SITE_NAME, url: env.SITE_URL },
  }

  return (
    <>
      {isPreview ? <PreviewBanner path={readerPath('authors', slug)} /> : null}
      <JsonLd data={person} />
      <header className="author-head">
        {avatar?.url ? (
          <Image
            src={cmsUrl(avatar.sizes?.thumbnail?.url ?? avatar.url) ?? ''}
            alt={avatar.alt}
            width={96}
            height={96}
          />
        ) : null}
        <div>
          <h1>{author.name}</h1>
          {author.role ? <p className="author-role">{author.role}</p> : null}
        </div>
      </header>
      {author.bio ? <RichText data={author.bio} className="body" /> : null}
      {author.links?.length ? (
        <ul className="topics" aria-label={`${author.name} elsewhere`}>
          {author.links.map((link) => (
            <li key={link.url}>
              <a href={link.url} rel="me">
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <section aria-labelledby="author-articles">
        <h2 id="author-articles">Articles by {author.name}</h2>
        {articles.length ? (
          <ul className="card-list">
            {articles.map((article) => (
              <li key={article.id}>
                <ArticleCard article={article} />
              </li>
            ))}
          </ul>
        ) : (
          <p>No published articles yet.</p>
        )}
        <Pager
          base={readerPath('authors', slug)}
          page={page}
          hasNextPage={hasNextPage}
          totalPages={totalPages}
          label={`Articles by ${author.name}: pages`}
        />
      </section>
    </>
  )
}
