import { createEnv } from '@t3-oss/env-nextjs'
import { z } from 'zod'

export const env = createEnv({
  server: {
    /** The CMS's origin; the site reads its REST API at `${CMS_URL}/api`. */
    CMS_URL: z.url().default('http://localhost:3001'),
    /** The site's public origin, for canonical URLs, sitemaps and feeds. */
    SITE_URL: z.url().default('http://localhost:3000'),
    /** Shared with the CMS, which sends it with every revalidation request. */
    REVALIDATE_SECRET: z.string().min(16).default('copydesk-development-revalidate-secret'),
    /** Shared with the CMS, which signs the short-lived links that open a draft in preview. */
    PREVIEW_SECRET: z.string().min(16).default('copydesk-development-preview-secret'),
    /** The publication's name in titles, feeds and structured data. */
    SITE_NAME: z.string().min(1).default('Copydesk'),
  },
  experimental__runtimeEnv: process.env,
  emptyStringAsUndefined: true,
})
