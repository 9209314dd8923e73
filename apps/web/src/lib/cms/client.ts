import { PayloadSDK } from '@payloadcms/sdk'

import type { Config } from '@copydesk/types/payload-types'

import { env } from '@/env'

import { fetchNotingFailures } from './availability'

/**
 * The one REST client of the CMS. Anonymous on purpose: the CMS's access rules then return
 * published documents only, so a draft can never reach a page through this client.
 */
export const cms = new PayloadSDK<Config>({
  baseURL: `${env.CMS_URL}/api`,
  // Failures are noted so the error a reader gets says "unavailable" (503), not "broken" (500).
  fetch: fetchNotingFailures,
})

/** `fetch` options for a cached read that is invalidated by these tags. */
export const tagged = (...tags: string[]): RequestInit => ({
  cache: 'force-cache',
  next: { tags },
})

/** Relative media URLs from the CMS, made absolute for `next/image` and feeds. */
export const cmsUrl = (pathOrUrl: string | null | undefined): string | undefined =>
  pathOrUrl ? new URL(pathOrUrl, env.CMS_URL).toString() : undefined
