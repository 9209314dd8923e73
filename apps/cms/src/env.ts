import { createEnv } from '@t3-oss/env-nextjs'
import { z } from 'zod'

import type { SharedSecretName } from '@copydesk/types/contract'
import {
  resolveSharedSecret,
  SHARED_SECRETS,
  secretTooShortMessage,
} from '@copydesk/types/contract'
import { REVALIDATE_PATH } from '@copydesk/types/site-urls'

const DEV_SECRET = 'copydesk-development-secret-do-not-use-in-production'

// The rules the reader site applies to the same secrets (@copydesk/types/contract).
const sharedSecret = (name: SharedSecretName) =>
  z.string().min(SHARED_SECRETS[name].minLength, secretTooShortMessage(name)).optional()

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** Signs sessions and tokens. */
    PAYLOAD_SECRET: z.string().min(32, 'PAYLOAD_SECRET must be at least 32 characters').optional(),
    /** A MongoDB connection string; the devdb launcher sets it in development. */
    DATABASE_URI: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'DATABASE_URI must be a mongodb:// or mongodb+srv:// URL')
      .optional(),
    /**
     * How long a request waits for the database before the CMS answers 503 with Retry-After. Short,
     * so that readers and editors get an answer while it is down, not a hung request.
     */
    DATABASE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(1_000),
    /**
     * Whether this process runs the jobs queue (scheduled publishes, notifications, revalidation
     * retries). Payload 3 does not claim jobs safely across processes, so exactly one CMS process
     * runs it; any further ones serve the admin and API with `CMS_JOBS=off`.
     */
    CMS_JOBS: z.enum(['on', 'off']).default('on'),
    /** Where the CMS is reachable, used for absolute URLs in the admin and API responses. */
    CMS_URL: z.url().optional(),
    CMS_PORT: z.coerce.number().int().positive().default(3001),
    /** Where the types are written by `payload generate:types` (tests point it at a temp file). */
    PAYLOAD_TYPES_OUTPUT: z.string().optional(),
    /** Where uploads are stored on disk. */
    MEDIA_DIR: z.string().optional(),
    /** The newsroom's content files, imported by the seed. */
    CONTENT_DIR: z.string().optional(),
    /** Set by npm: the folder `npm run` was typed in, which command-line paths are relative to. */
    INIT_CWD: z.string().optional(),
    /** The reader site; changes readers can see are announced to `${WEB_URL}/api/revalidate`. */
    WEB_URL: z.url().default('http://localhost:3000'),
    /** Shared with the reader site, which refuses revalidation requests without it. */
    REVALIDATE_SECRET: sharedSecret('REVALIDATE_SECRET'),
    /** Shared with the reader site: signs the short-lived links that open a draft in preview. */
    PREVIEW_SECRET: sharedSecret('PREVIEW_SECRET'),
    /** The largest JSON body the REST and GraphQL API reads, in bytes; larger ones answer 413. */
    MAX_JSON_BODY_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(2 * 1024 * 1024),
    /** The largest multipart body (an upload with its fields) the API reads; larger ones answer 413. */
    MAX_UPLOAD_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(20 * 1024 * 1024),
    /**
     * Sign-in attempts (logins and password-reset requests, together) one client address may make
     * per window before the CMS answers 429. `0` turns the limit off.
     */
    AUTH_RATE_LIMIT: z.coerce.number().int().min(0).default(30),
    AUTH_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
    /**
     * How many reverse proxies in front of the CMS append to `X-Forwarded-For`. The client address
     * is the entry that many places from the right; entries further left are the client's own say.
     */
    TRUSTED_PROXIES: z.coerce.number().int().min(1).default(1),
    /** Set to `false` to skip seeding an empty database when the CMS starts in development. */
    SEED_ON_START: z
      .enum(['true', 'false'])
      .default('true')
      .transform((value) => value === 'true'),
  },
  experimental__runtimeEnv: process.env,
  emptyStringAsUndefined: true,
})

export const isProduction = env.NODE_ENV === 'production'

/**
 * What a production server lacks before it may start. `next build` also runs with
 * NODE_ENV=production but needs neither, so this is checked when the server boots.
 */
export const missingProductionSettings = (): string[] =>
  isProduction ? (['PAYLOAD_SECRET', 'DATABASE_URI'] as const).filter((name) => !env[name]) : []

/** The secret Payload signs with: the configured one, or a fixed one outside production. */
export const payloadSecret = env.PAYLOAD_SECRET ?? DEV_SECRET

export const databaseUri = env.DATABASE_URI ?? 'mongodb://127.0.0.1:27017/copydesk'

export const serverUrl = env.CMS_URL ?? `http://localhost:${env.CMS_PORT}`

// npm runs every workspace script from the workspace folder, so paths default relative to it.
export const mediaDir = env.MEDIA_DIR ?? `${process.cwd()}/media`

/** The largest JSON body the API reads (REST and GraphQL). */
export const maxJsonBodyBytes = env.MAX_JSON_BODY_BYTES

/** The largest multipart body (an upload and its fields) the API reads. */
export const maxUploadBytes = env.MAX_UPLOAD_BYTES

export const contentDir = env.CONTENT_DIR ?? `${process.cwd()}/../../content`

/** Where a command-line path given to import, export, backup or restore is read from. */
export const invocationDir = env.INIT_CWD ?? process.cwd()

export type RevalidationSettings = {
  /** The reader site's revalidation endpoint. */
  endpoint: string
  secret: string
}

// In production a missing secret turns revalidation off rather than falling back to the
// development one, which anyone could read and use to flush the site's cache.
const revalidateSecret = resolveSharedSecret({
  name: 'REVALIDATE_SECRET',
  value: env.REVALIDATE_SECRET,
  isProduction,
})

/** Where changes readers can see are announced, or `null` when revalidation is off. */
export const revalidation: RevalidationSettings | null = revalidateSecret
  ? { endpoint: `${env.WEB_URL.replace(/\/+$/, '')}${REVALIDATE_PATH}`, secret: revalidateSecret }
  : null

/** The reader site's origin, without a trailing slash. */
export const webUrl = env.WEB_URL.replace(/\/+$/, '')

/**
 * The secret preview links are signed with, or `null` when preview is off (production without
 * PREVIEW_SECRET: the development secret is public).
 */
export const previewSecret: string | null = resolveSharedSecret({
  name: 'PREVIEW_SECRET',
  value: env.PREVIEW_SECRET,
  isProduction,
})

/** The sign-in rate limit (see src/collections/Users/hooks/limitSignInAttempts.ts). */
export const authRateLimit = {
  limit: env.AUTH_RATE_LIMIT,
  windowMs: env.AUTH_RATE_LIMIT_WINDOW_SECONDS * 1000,
  trustedProxies: env.TRUSTED_PROXIES,
}
