import { resolve } from 'node:path'

import type { NextConfig } from 'next'

import { PRIVATE_COOKIES } from '@copydesk/types/contract'

// Validates the environment: a bad value fails the build and the server start.
import { env } from './src/env'

const cms = new URL(env.CMS_URL)

/**
 * What a shared cache (apps/edge, or any CDN) may do with each reader route. `s-maxage=1` keeps
 * the edge at most about a second behind the origin while it absorbs every other request; the
 * long `stale-while-revalidate` lets it answer from the stale copy while one refresh is in flight
 * instead of queueing readers behind the origin. `max-age=0` keeps browsers revalidating, so a
 * correction reaches a reader who reloads.
 */
const SHARED_MICRO_CACHE = 'public, max-age=0, s-maxage=1, stale-while-revalidate=59'
const NEVER_SHARED = 'private, no-store'

// Routes readers see. Search is left out on purpose: it answers arbitrary queries. Everything
// else keeps Next's own header: without `public` the edge stores nothing, so a route added later
// is uncached until it is listed here on purpose. The front page is the empty path.
const PUBLIC_PATHS = [
  '',
  'articles/[^/]+',
  'archive',
  'archive/[^/]+/[^/]+',
  'archive/[^/]+/[^/]+/page/[^/]+',
  'authors/[^/]+',
  'topics',
  'topics/[^/]+',
  'feed\\.xml',
  'news-sitemap\\.xml',
  'sitemap\\.xml',
  'sitemaps/[^/]+',
  'robots\\.txt',
] as const

// One source for all of them: Next tests every header rule against every request, and a rule per
// route and cookie made 33 of them.
const PUBLIC_SOURCE = `/:path(${PUBLIC_PATHS.join('|')})`

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // Several workers (`npm run start`, packages/origin) share one cache in Redis, so a publish one
  // of them hears about reaches every one. Read when the server starts, not baked into the build:
  // the same build runs with or without Redis. Next's own in-memory copy is turned off with it, as
  // it would keep serving what another worker has since revalidated.
  ...(env.REDIS_URL ? { cacheHandler: resolve('cache-handler.mjs'), cacheMaxMemorySize: 0 } : {}),
  poweredByHeader: false,
  // The origin's time goes to readers' pages, not to work the edge does better. Next hashes the
  // whole HTML of every response for its ETag (about a seventh of the origin's CPU on an article
  // page, measured with --cpu-prof under load), and the edge, which revalidates by time
  // (s-maxage=1), never sends a conditional request. Compression is the edge's job too: it asks for
  // identity bytes and gzips once per stored copy instead of once per reader.
  generateEtags: false,
  compress: false,
  images: {
    // The CMS is the only image origin allowed below, and it usually sits on this machine or a
    // private network (loopback in development and e2e). Next 16 refuses to optimise images whose
    // host resolves to a private address unless told to; the SSRF risk that guards against is
    // bounded by remotePatterns, which admits the CMS's own media files and nothing else.
    dangerouslyAllowLocalIP: true,
    remotePatterns: [
      {
        protocol: cms.protocol.replace(':', '') as 'http' | 'https',
        hostname: cms.hostname,
        port: cms.port,
        pathname: '/api/media/file/**',
      },
    ],
  },
  /**
   * The front page is `/` and `/?page=N` to readers, and a path per page number to Next, so that
   * each page is cached (ISR) instead of rendered per request for reading the query string. A
   * missing or malformed page number shows the first page, as the query string always did.
   */
  rewrites: async () => ({
    beforeFiles: [
      {
        source: '/',
        has: [{ type: 'query', key: 'page', value: '(?<page>[1-9]\\d{0,5})' }],
        destination: '/front-page/:page',
      },
      { source: '/', destination: '/front-page/1' },
      // Topic and author pages likewise: `?page=N` to readers, a cached path per page to Next.
      ...(['topics', 'authors'] as const).map((kind) => ({
        source: `/${kind}/:slug`,
        has: [{ type: 'query' as const, key: 'page', value: '(?<page>[1-9]\\d{0,5})' }],
        destination: `/${kind}/:slug/page/:page`,
      })),
    ],
    afterFiles: [],
    fallback: [],
  }),
  /**
   * Cache-Control per route. When several rules set the same header the last match wins, so the
   * cookie rules follow the public ones. Next keeps a Cache-Control set here on ISR and dynamic
   * pages alike (checked with curl against `next start`), and still forces `private, no-store` on
   * a draft-mode render and on errors. `/_next/*` is left alone: Next marks its assets immutable
   * only when nothing set the header before.
   */
  headers: async () => [
    { source: PUBLIC_SOURCE, headers: [{ key: 'Cache-Control', value: SHARED_MICRO_CACHE }] },
    // Staff (Payload session) and preview/draft-mode cookies. A response rendered for them may show
    // unpublished work, so no shared cache may keep it whatever the route.
    ...PRIVATE_COOKIES.map((cookie) => ({
      source: PUBLIC_SOURCE,
      has: [{ type: 'cookie' as const, key: cookie }],
      headers: [{ key: 'Cache-Control', value: NEVER_SHARED }],
    })),
    // Revalidation, draft mode and any other handler: answers for one caller only.
    { source: '/api/:path*', headers: [{ key: 'Cache-Control', value: NEVER_SHARED }] },
  ],
}

export default nextConfig
