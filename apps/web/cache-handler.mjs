// The site's cache when it runs as several workers: ISR pages, fetch results and tag
// revalidations live in Redis (REDIS_URL), so a publish one worker hears about reaches them all.
// next.config.ts points Next here only when REDIS_URL is set; otherwise each process keeps Next's
// own cache. Loaded by Next at runtime, outside the bundle, hence plain JavaScript.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { RedisStringsHandler } from '@trieb.work/nextjs-turbo-redis-cache'

// Entries of one build only: a new deployment starts with an empty cache rather than reading
// pages rendered by code that no longer exists.
const buildId = () => {
  try {
    return readFileSync(join(process.cwd(), '.next', 'BUILD_ID'), 'utf8').trim()
  } catch {
    return 'development'
  }
}

let shared

export default class SharedCacheHandler {
  constructor() {
    shared ??= new RedisStringsHandler({
      redisUrl: process.env.REDIS_URL,
      database: 0,
      keyPrefix: `copydesk:${buildId()}:`,
      // The handler can keep what it read from Redis in memory for a while; another worker's
      // revalidation would not clear that copy, so a publish could stay invisible here for as
      // long. Reads always go to Redis (concurrent reads of one key still share one request).
      inMemoryCachingTime: 0,
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
