import type { APIRequestContext } from '@playwright/test'

import { cmsUrl, E2E } from './env'

export type AuthHeaders = { authorization: string }

/** Signs in over REST as one of the e2e accounts. */
export const apiSignIn = async (
  request: APIRequestContext,
  email: string,
): Promise<AuthHeaders & { userId: string }> => {
  const res = await request.post(`${cmsUrl}/api/users/login`, {
    data: { email, password: E2E.password },
  })
  if (!res.ok()) throw new Error(`login ${email}: ${res.status()} ${await res.text()}`)
  const body = (await res.json()) as { token: string; user: { id: string } }
  return { authorization: `JWT ${body.token}`, userId: body.user.id }
}

type Collection = 'articles' | 'faqs' | 'authors'

/** Takes one workflow action over REST and returns the response. */
export const workflowAction = (
  request: APIRequestContext,
  {
    collection = 'articles',
    id,
    headers,
    ...input
  }: {
    collection?: Collection
    id: string
    headers: AuthHeaders
    action: string
    note?: string
    reviewer?: string
    publishAt?: string
    correctionNote?: string
  },
) =>
  request.post(`${cmsUrl}/api/${collection}/${id}/workflow`, {
    headers: { authorization: headers.authorization },
    data: input,
  })

/**
 * Walks a draft through review to the site as an editor (who may submit, approve and publish):
 * the only way anything is published.
 */
export const publishThroughReview = async (
  request: APIRequestContext,
  {
    collection = 'articles',
    id,
    editor,
  }: { collection?: Collection; id: string; editor: AuthHeaders & { userId: string } },
) => {
  const steps = [
    { action: 'submit', reviewer: editor.userId },
    { action: 'approve' },
    { action: 'publish' },
  ]
  let last = null
  for (const step of steps) {
    last = await workflowAction(request, { collection, id, headers: editor, ...step })
    if (!last.ok()) return last
  }
  return last
}
