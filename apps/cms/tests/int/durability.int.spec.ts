/**
 * Durability: every write the CMS acknowledged survives a SIGKILL of the database. Four writers
 * create and update authors through the REST API; mid-run the database processes are killed with
 * SIGKILL (gateway and postmaster), started again on the same data directory and port, and every
 * acknowledged create and update is looked up afterwards. The file starts a database of its own.
 */
import { MongoClient, ObjectId } from 'mongodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CmsServer } from '../helpers/http'
import type { CmsOnOwnDatabase, OwnDatabase } from '../helpers/ownDatabase'
import { startCmsOnOwnDatabase } from '../helpers/ownDatabase'

const WRITERS = 4
/** Writes acknowledged before the kill: the first requests also wait for Payload to start. */
const ACKED_BEFORE_KILL = 40
const WRITE_AFTER_RESTART_MS = 3_000
const log = (line: string) => console.log(`[durability] ${line}`)

let cms: CmsOnOwnDatabase
let db: OwnDatabase
let server: CmsServer
let auth: string

beforeAll(async () => {
  cms = await startCmsOnOwnDatabase({ name: 'durability', log })
  ;({ db, server, auth } = cms)
}, 600_000)

afterAll(async () => {
  await cms?.stop()
})

type Acked = { creates: Map<string, string>; updates: Map<string, number>; updateCount: number }

async function send(
  method: 'POST' | 'PATCH',
  route: string,
  body: unknown,
): Promise<Response | undefined> {
  try {
    return await fetch(`${server.url}${route}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: auth },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    })
  } catch {
    return undefined
  }
}

async function writer(id: number, acked: Acked, shouldStop: () => boolean): Promise<number> {
  const mine: string[] = []
  let attempts = 0
  for (let i = 0; !shouldStop(); i++) {
    attempts++
    const name = `durability-${id}-${i}`
    const created = await send('POST', '/api/authors', { name })
    if (created?.status === 201) {
      const { doc } = (await created.json()) as { doc: { id: string } }
      acked.creates.set(doc.id, name)
      mine.push(doc.id)
    } else {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const target = mine[Math.floor(Math.random() * mine.length)]
    if (target === undefined) continue
    attempts++
    const version = (acked.updates.get(target) ?? 0) + 1
    const updated = await send('PATCH', `/api/authors/${target}`, {
      name: `${acked.creates.get(target)}~${version}`,
    })
    if (updated?.status === 200) {
      acked.updates.set(target, Math.max(version, acked.updates.get(target) ?? 0))
      acked.updateCount++
    }
  }
  return attempts
}

describe('durability', () => {
  it('keeps every acknowledged write through a SIGKILL of the database and a restart', async () => {
    const acked: Acked = { creates: new Map(), updates: new Map(), updateCount: 0 }
    let stop = false
    const writers = Array.from({ length: WRITERS }, (_, id) => writer(id, acked, () => stop))

    const waitStarted = Date.now()
    while (acked.creates.size < ACKED_BEFORE_KILL && Date.now() - waitStarted < 120_000) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    const ackedBeforeKill = acked.creates.size
    const pids = await db.kill()
    expect(pids.length).toBeGreaterThan(0)
    log(`SIGKILL to ${pids.join(', ')} after ${ackedBeforeKill} acknowledged creates`)

    await new Promise((resolve) => setTimeout(resolve, 1_000))
    const restartedAt = Date.now()
    const restarted = await db.restart()
    expect(restarted.kind).not.toBe('reused')
    log(`${restarted.kind} restarted in ${((Date.now() - restartedAt) / 1000).toFixed(1)} s`)
    const ackedAtRestart = acked.creates.size
    await new Promise((resolve) => setTimeout(resolve, WRITE_AFTER_RESTART_MS))
    stop = true
    const attempts = (await Promise.all(writers)).reduce((sum, n) => sum + n, 0)

    const client = await MongoClient.connect(db.uri(), { serverSelectionTimeoutMS: 10_000 })
    try {
      const ids = [...acked.creates.keys()]
      const docs = await client
        .db()
        .collection<{ _id: ObjectId; name: string }>('authors')
        .find({ _id: { $in: ids.map((id) => new ObjectId(id)) } })
        .toArray()
      const stored = new Map(docs.map((doc) => [doc._id.toHexString(), doc.name]))
      const lostCreates = ids.filter((id) => !stored.has(id))
      const lostUpdates = [...acked.updates].filter(([id, version]) => {
        const found = /~(\d+)$/.exec(stored.get(id) ?? '')
        return !found || Number(found[1]) < version
      })
      log(
        `${attempts} requests; acknowledged ${acked.creates.size} creates and ${acked.updateCount} updates ` +
          `(${acked.creates.size - ackedAtRestart} creates after the restart); ` +
          `lost ${lostCreates.length} creates and ${lostUpdates.length} updated documents`,
      )
      expect(lostCreates).toEqual([])
      expect(lostUpdates).toEqual([])
      // The CMS must have come back by itself: writes were acknowledged again after the restart.
      expect(acked.creates.size).toBeGreaterThan(ackedAtRestart)
      expect(ackedBeforeKill).toBeGreaterThan(0)
    } finally {
      await client.close()
    }
  })
})
