import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import config from '@payload-config'

import type { RestHandler } from '../../src/validation/guardRequest'
import { guardedRoutes } from '../../src/validation/guardRequest'

const routes = guardedRoutes(config)
const REST: Record<string, RestHandler> = routes.rest
const graphql = routes.graphql

export type CmsServer = { url: string; stop: () => Promise<void> }

/**
 * The CMS's REST and GraphQL API on a real HTTP port, served by the same route handlers the
 * Next app mounts at `/api/[...slug]` and `/api/graphql`, so tests speak HTTP to Payload
 * without a production build of the admin.
 */
export const startCmsServer = async (): Promise<CmsServer> => {
  const server = createServer(async (incoming, outgoing) => {
    try {
      const url = new URL(incoming.url ?? '/', `http://${incoming.headers.host}`)
      const chunks: Buffer[] = []
      for await (const chunk of incoming) chunks.push(chunk as Buffer)
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined
      const headers = new Headers()
      for (const [key, value] of Object.entries(incoming.headers))
        if (typeof value === 'string') headers.set(key, value)
      const method = incoming.method ?? 'GET'
      const request = new Request(url, {
        method,
        headers,
        body: method === 'GET' || method === 'HEAD' ? undefined : body,
      })
      let response: Response
      if (url.pathname === '/api/graphql' && method === 'POST') response = await graphql(request)
      else if (url.pathname.startsWith('/api/') && REST[method]) {
        const slug = url.pathname.slice('/api/'.length).split('/').map(decodeURIComponent)
        response = await REST[method](request, { params: Promise.resolve({ slug }) })
      } else response = new Response('Not found', { status: 404 })
      outgoing.statusCode = response.status
      response.headers.forEach((value, key) => outgoing.setHeader(key, value))
      outgoing.end(Buffer.from(await response.arrayBuffer()))
    } catch (error) {
      outgoing.statusCode = 500
      outgoing.end(String(error))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** Signs in over REST and returns the `Authorization` header value for that user. */
export const login = async ({
  url,
  email,
  password,
}: {
  url: string
  email: string
  password: string
}): Promise<string> => {
  const response = await fetch(`${url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (!response.ok) throw new Error(`login ${email}: ${response.status} ${await response.text()}`)
  const { token } = (await response.json()) as { token: string }
  return `JWT ${token}`
}
