import { createEnv } from '@t3-oss/env-nextjs'
import { z } from 'zod'

import type { SharedSecretName } from '@copydesk/types/contract'
import {
  missingSharedSecrets,
  resolveSharedSecret,
  SHARED_SECRETS,
  secretTooShortMessage,
} from '@copydesk/types/contract'

const sharedSecret = (name: SharedSecretName) =>
  z.string().min(SHARED_SECRETS[name].minLength, secretTooShortMessage(name)).optional()

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** The CMS's origin; the site reads its REST API at `${CMS_URL}/api`. */
    CMS_URL: z.url().default('http://localhost:3001'),
    /** The site's public origin, for canonical URLs, sitemaps and feeds. */
    SITE_URL: z.url().default('http://localhost:3000'),
    /** Shared with the CMS, which sends it with every revalidation request. */
    REVALIDATE_SECRET: sharedSecret('REVALIDATE_SECRET'),
    /** Shared with the CMS, which signs the short-lived links that open a draft in preview. */
    PREVIEW_SECRET: sharedSecret('PREVIEW_SECRET'),
    /** The publication's name in titles, feeds and structured data. */
    SITE_NAME: z.string().min(1).default('Copydesk'),
    /**
     * The cache every worker shares (ISR pages, fetch results, tag revalidations). Unset: each
     * process keeps Next's own cache, which is right for one process and wrong for several.
     */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/\S+$/, 'REDIS_URL must be a redis:// or rediss:// URL')
      .optional(),
    /**
     * A topic, author or month list of at most this many stories is read in one query; a longer
     * one a window of years (or weeks) at a time (lib/cms/lists.ts).
     */
    LIST_READ_WHOLE_MAX: z.coerce
      .number({ error: 'LIST_READ_WHOLE_MAX must be a whole number' })
      .int('LIST_READ_WHOLE_MAX must be a whole number')
      .min(0, 'LIST_READ_WHOLE_MAX must be 0 or more')
      .default(200),
  },
  experimental__runtimeEnv: process.env,
  emptyStringAsUndefined: true,
})

export const isProduction = env.NODE_ENV === 'production'

/**
 * What a production server lacks before it may start: the shared secrets, whose development
 * defaults are public. `next build` also runs with NODE_ENV=production but needs neither, so
 * this is checked when the server boots (src/instrumentation.ts).
 */
export const missingProductionSettings = (): SharedSecretName[] =>
  missingSharedSecrets({ isProduction, values: env })

/**
 * The secret the CMS's revalidation requests must carry, or `null` (production without it,
 * where the server refuses to start; every request is refused meanwhile).
 */
export const revalidateSecret = resolveSharedSecret({
  name: 'REVALIDATE_SECRET',
  value: env.REVALIDATE_SECRET,
  isProduction,
})

/** The secret preview links are signed with, or `null` as for `revalidateSecret`. */
export const previewSecret = resolveSharedSecret({
  name: 'PREVIEW_SECRET',
  value: env.PREVIEW_SECRET,
  isProduction,
})
