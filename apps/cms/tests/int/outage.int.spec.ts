/**
 * Database outages: while the database is down the CMS answers every kind of request (anonymous
 * and signed-in reads, writes, GraphQL, sign-in) with 503 and Retry-After within 2 s instead of
 * hanging, and serves again by itself once the database is back, without a restart of the CMS.
 * The file starts a database of its own, since the run's shared server must not be killed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CmsServer } from '../helpers/http'
import type { CmsOnOwnDatabase, OwnDatabase } from '../helpers/ownDatabase'
import { startCmsOnOwnDatabase } from '../helpers/ownDatabase'

const uid = (): string => Math.random().toString(36).slice(2, 8)

const ANSWER_WITHIN_MS = 2_000
const log = (line: string) => console.log(`[outage] ${line}`)

let cms: CmsOnOwnDatabase
let db: OwnDatabase
let server: CmsServer
let auth: string
let authorId: string

type Probe = {
  name: string
  method: 'GET' | 'POST' | 'PATCH'
  path: string
  body?: unknown
  signedIn?: boolean
}

const probes = (): Probe[] => [
  { name: 'anonymous list', method: 'GET', path: '/api/articles?limit=5' },
  {
    name: 'anonymous read by slug',
    method: 'GET',
    path: '/api/articles?where[slug][equals]=some-story',
  },
  { name: 'signed-in read of oneself', method: 'GET', path: '/api/users/me', signedIn: true },
  { name: 'signed-in list', method: 'GET', path: '/api/authors?limit=5', signedIn: true },
  {
    name: 'create',
    method: 'POST',
    path: '/api/authors',
    body: { name: `Author ${uid()}` },
    signedIn: true,
  },
  {
    name: 'update',
    method: 'PATCH',
    path: `/api/authors/${authorId}`,
    body: { name: 'Renamed' },
    signedIn: true,
  },
  {
    name: 'GraphQL read',
    method: 'POST',
    path: '/api/graphql',
    body: { query: '{ Articles(limit: 1) { docs { id } } }' },
  },
  {
    name: 'sign-in',
    method: 'POST',
    path: '/api/users/login',
    body: { email: 'outage@example.com', password: 'a-long-password' },
  },
]

const send = async (probe: Probe) => {
  const started = Date.now()
  const response = await fetch(`${server.url}${probe.path}`, {
    method: probe.method,
    headers: {
      'content-type': 'application/json',
      ...(probe.signedIn ? { authorization: auth } : {}),
    },
    body: probe.body === undefined ? undefined : JSON.stringify(probe.body),
    signal: AbortSignal.timeout(15_000),
  })
  const text = await response.text()
  return { response, text, ms: Date.now() - started }
}

beforeAll(async () => {
  cms = await startCmsOnOwnDatabase({ name: 'outage', log })
  ;({ db, server, auth } = cms)
  authorId = String(
    (await cms.payload.create({ collection: 'authors', data: { name: 'Before' } })).id,
  )
}, 600_000)

afterAll(async () => {
  await cms?.stop()
})

const byName = (name: string): Probe => {
  const found = probes().find((probe) => probe.name === name)
  if (!found) throw new Error(`no probe named ${name}`)
  return found
}

/**
 * The first request after the kill is the one that finds out: it waits for the driver and fails
 * (an anonymous read fails with the driver's error; a signed-in one is first taken for signed out by
 * Payload). Every later one is answered at once. Both first requests are tried, one outage each.
 */
describe.each(['anonymous list', 'signed-in read of oneself'])(
  'while the database is down, starting with a %s',
  (first) => {
    it('answers 503 with Retry-After within 2 s, then serves again by itself when it is back', async () => {
      for (const probe of probes()) {
        const { response, text } = await send(probe)
        expect(response.status, `${probe.name} before the outage: ${text}`).toBeLessThan(300)
      }

      const pids = await db.kill()
      log(`SIGKILL to ${pids.join(', ')}`)

      const timings: string[] = []
      for (const probe of [byName(first), ...probes().filter((each) => each.name !== first)]) {
        const { response, text, ms } = await send(probe)
        timings.push(`${probe.name} ${response.status} in ${ms} ms`)
        expect(response.status, `${probe.name}: ${text}`).toBe(503)
        expect(Number(response.headers.get('retry-after')), probe.name).toBeGreaterThan(0)
        expect(text, probe.name).toMatch(/database is unavailable/i)
        expect(ms, probe.name).toBeLessThan(ANSWER_WITHIN_MS)
      }
      log(`down: ${timings.join('; ')}`)

      const restartedAt = Date.now()
      await db.restart()
      // The CMS is not restarted: its driver finds the database again on its own.
      let status = 0
      while (Date.now() - restartedAt < 60_000) {
        status = (await send(byName('anonymous list'))).response.status
        if (status === 200) break
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
      expect(status).toBe(200)
      log(`serving again ${Date.now() - restartedAt} ms after the restart began`)
      for (const probe of probes()) {
        const { response, text } = await send(probe)
        expect(response.status, `${probe.name} after the outage: ${text}`).toBeLessThan(300)
      }
    })
  },
)
