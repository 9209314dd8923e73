import { timingSafeEqual } from 'node:crypto'

import { revalidateTag } from 'next/cache'
import { z } from 'zod'

import { revalidateSecret } from '@/env'

const bodySchema = z.strictObject({
  tags: z.array(z.string().min(1).max(256)).min(1).max(500),
})

const isAuthorised = (header: string | null): boolean => {
  // Unset only in a production server that should not have started: refuse everyone.
  if (!revalidateSecret) return false
  const given = Buffer.from(header?.replace(/^Bearer /, '') ?? '')
  const expected = Buffer.from(revalidateSecret)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/**
 * Called by the CMS after a change readers can see. Tags expire at once rather than serving
 * one more stale copy: an unpublished story must disappear on the next request.
 */
export const POST = async (request: Request) => {
  if (!isAuthorised(request.headers.get('authorization'))) {
    return Response.json(
      { error: 'A valid "authorization: Bearer <secret>" header is required.' },
      { status: 401 },
    )
  }
  let json: unknown
  try {
    json = await request.json()
  } catch {
    return Response.json(
      { error: 'The body must be JSON: { "tags": ["articles", …] }.' },
      { status: 400 },
    )
  }
  const parsed = bodySchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue?.path.length ? issue.path.join('.') : 'body'
    return Response.json({ error: `${field}: ${issue?.message ?? 'invalid'}` }, { status: 400 })
  }
  for (const tag of parsed.data.tags) revalidateTag(tag, { expire: 0 })
  return Response.json({ revalidated: parsed.data.tags, now: Date.now() })
}
