// The site's cache when it runs as several workers: ISR pages, fetch results and tag
// revalidations live in Redis (REDIS_URL), so a publish one worker hears about reaches them all.
// next.config.ts points Next here only when REDIS_URL is set; otherwise each process keeps Next's
// own cache. Loaded by Next at runtime, outside the bundle, hence plain JavaScript.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { RedisStringsHandler } from '@trieb.work/nextjs-turbo-redis-cache'
import { commandOptions } from 'redis'

import { HeldPages } from './held-pages.mjs'

// Entries of one build only: a new deployment starts with an empty cache rather than reading
// pages rendered by code that no longer exists.
const buildId = () => {
  try {
    return readFileSync(join(process.cwd(), '.next', 'BUILD_ID'), 'utf8').trim()
  } catch {
    return 'development'
  }
}

// What a slow Redis may cost a reader before the page is treated as not cached (the handler's own
// reads wait as long).
const READ_TIMEOUT_MS = 500

// Rendered pages and route responses. Fetch results stay with the handler, which also checks them
// against revalidated tags.
const PAGE_KINDS = new Set(['APP_PAGE', 'APP_ROUTE'])

/**
 * One worker's view of the shared cache.
 * @param {{ redisUrl: string, keyPrefix: string, maxBytes?: number }} options
 */
export const createSharedCache = ({ redisUrl, keyPrefix, maxBytes }) => {
  const redis = new RedisStringsHandler({
    redisUrl,
    database: 0,
    keyPrefix,
    // The handler could keep what it read in memory for a while, but another worker's
    // revalidation would not clear that copy. Pages are held by HeldPages instead, which asks
    // Redis on every request whether its copy is still the current one.
    inMemoryCachingTime: 0,
  })
  const pages = new HeldPages({
    maxBytes,
    readHead: (key, length) =>
      redis.isClientUnavailable()
        ? Promise.resolve(null)
        : redis.client.getRange(
            commandOptions({ signal: AbortSignal.timeout(READ_TIMEOUT_MS) }),
            keyPrefix + key,
            0,
            length - 1,
          ),
  })
  return {
    redis,
    pages,
    get: (key, ctx) =>
      PAGE_KINDS.has(ctx?.kind) ? pages.get(key, () => redis.get(key, ctx)) : redis.get(key, ctx),
    set: (key, data, ctx) => {
      pages.forget(key)
      return redis.set(key, data, ctx)
    },
    revalidateTag: (...args) => redis.revalidateTag(...args),
    resetRequestCache: (...args) => redis.resetRequestCache(...args),
  }
}

let shared

// Next makes one of these per request; they all share the worker's one connection and held pages.
export default class SharedCacheHandler {
  constructor() {
    shared ??= createSharedCache({
      redisUrl: process.env.REDIS_URL,
      keyPrefix: `copydesk:${buildId()}:`,
    })
  }

  get(...args) {
    return shared.get(...args)
  }

  set(...args) {
    return shared.set(...args)
  }

  revalidateTag(...args) {
    return shared.revalidateTag(...args)
  }

  resetRequestCache(...args) {
    return shared.resetRequestCache(...args)
  }
}
