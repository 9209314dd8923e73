import type { MetadataRoute } from 'next'

import { env } from '@/env'

// SITE_URL is read when the file is served, so one build can serve any origin.
export const dynamic = 'force-dynamic'

const robots = (): MetadataRoute.Robots => ({
  rules: [{ userAgent: '*', allow: '/', disallow: ['/api/', '/search'] }],
  sitemap: [
    new URL('/sitemap.xml', env.SITE_URL).toString(),
    new URL('/news-sitemap.xml', env.SITE_URL).toString(),
  ],
})

export default robots
