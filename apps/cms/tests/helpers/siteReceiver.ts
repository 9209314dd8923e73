import { once } from 'node:events'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export type ReceivedRequest = {
  authorization: string | undefined
  tags: unknown
  status: number
}

/** How the receiver answers: like the site, with a server error, or never (a hung site). */
export type ReceiverMode = 'ok' | 'error' | 'hang'

export type SiteReceiver = {
  /** What to set WEB_URL to. */
  url: string
  /** Every request that got an answer, in order. */
  requests: ReceivedRequest[]
  mode: ReceiverMode
  /** Closes the port, as a site that is down. */
  stop: () => Promise<void>
  /** Listens again on the same port. */
  start: () => Promise<void>
}

const isTagList = (value: unknown): value is string[] =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every((tag) => typeof tag === 'string' && tag.length > 0)

/**
 * Stands in for the reader site's `POST /api/revalidate` (tested end to end in e2e/): the same
 * answers (200 `{ revalidated }`, 401 without the secret, 400 on a malformed body), and a record
 * of what it was sent.
 */
export const startSiteReceiver = async ({
  secret,
  port = 0,
}: {
  secret: string
  port?: number
}): Promise<SiteReceiver> => {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      if (receiver.mode === 'hang') return
      const authorization = request.headers.authorization
      let tags: unknown
      const answer = (status: number, body: unknown) => {
        receiver.requests.push({ authorization, tags, status })
        response.writeHead(status, { 'content-type': 'application/json' })
        response.end(JSON.stringify(body))
      }
      if (receiver.mode === 'error') return answer(500, { error: 'The site is having a bad day.' })
      if (request.method !== 'POST' || request.url !== '/api/revalidate') {
        return answer(404, { error: 'Not found.' })
      }
      if (authorization !== `Bearer ${secret}`) return answer(401, { error: 'Wrong secret.' })
      try {
        tags = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { tags?: unknown }).tags
      } catch {
        return answer(400, { error: 'The body must be JSON.' })
      }
      if (!isTagList(tags)) return answer(400, { error: 'tags: expected a list of strings.' })
      answer(200, { revalidated: tags })
    })
  })

  const listen = async (on: number) => {
    server.listen(on, '127.0.0.1')
    await once(server, 'listening')
    return (server.address() as AddressInfo).port
  }
  const boundPort = await listen(port)

  const receiver: SiteReceiver = {
    url: `http://127.0.0.1:${boundPort}`,
    requests: [],
    mode: 'ok',
    stop: async () => {
      if (!server.listening) return
      const closed = once(server, 'close')
      server.close()
      // Hung requests would otherwise keep the server open.
      server.closeAllConnections()
      await closed
    },
    start: async () => {
      if (!server.listening) await listen(boundPort)
    },
  }
  return receiver
}
