import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import type { DatabaseHandle } from '@copydesk/devdb/ensure'
import { ensureDatabase, readMarker } from '@copydesk/devdb/ensure'

import type { CmsServer } from './http'

/**
 * A database server of the file's own, with its data on disk, for tests that kill it: the run's
 * shared server must not go down under the other files. `kill()` sends SIGKILL to every process of
 * the engine (DocumentDB: gateway and postmaster); `restart()` starts it again on the same data
 * directory and port, so a URI handed out before keeps working.
 */
export type OwnDatabase = {
  uri: () => string
  kill: () => Promise<number[]>
  restart: () => Promise<DatabaseHandle>
  stop: () => Promise<void>
}

export const startOwnDatabase = async ({
  name,
  log,
}: {
  name: string
  log: (line: string) => void
}): Promise<OwnDatabase> => {
  const dataDir = await mkdtemp(path.join(tmpdir(), `copydesk-${name}-`))
  // DocumentDB's PostgreSQL runs as the postgres user when we are root: it must pass through.
  await chmod(dataDir, 0o755)

  const start = async (port: number): Promise<DatabaseHandle> => {
    // ensureDatabase hands back whatever DATABASE_URI names; here it must start the engine itself.
    const uri = process.env.DATABASE_URI
    delete process.env.DATABASE_URI
    try {
      // A restart right after a SIGKILL can find the old processes still letting go of the data dir.
      for (let attempt = 1; ; attempt++) {
        try {
          return await ensureDatabase({ port, dataDir, dbName: name, log })
        } catch (error) {
          if (attempt >= 10) throw error
          await new Promise((resolve) => setTimeout(resolve, 500))
        }
      }
    } finally {
      if (uri === undefined) delete process.env.DATABASE_URI
      else process.env.DATABASE_URI = uri
    }
  }

  let handle = await start(0)
  const port = Number(new URL(handle.uri).port)
  return {
    uri: () => handle.uri,
    kill: async () => {
      const marker = await readMarker(dataDir)
      const pids = [marker?.pid, marker?.postmasterPid].filter((pid): pid is number => !!pid)
      for (const pid of pids) process.kill(pid, 'SIGKILL')
      // Lets the handle reap what is left (PostgreSQL's backends) and release the data dir.
      await handle.stop()
      return pids
    },
    restart: async () => {
      handle = await start(port)
      return handle
    },
    stop: async () => {
      await handle.stop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

export type CmsOnOwnDatabase = {
  db: OwnDatabase
  server: CmsServer
  payload: Payload
  /** The `Authorization` header of an admin, `<name>@example.com`. */
  auth: string
  stop: () => Promise<void>
}

/**
 * The CMS's API on a real port, over a database of the file's own (see startOwnDatabase), with an
 * admin signed in. Must run before anything imports the Payload config, which reads DATABASE_URI
 * once.
 */
export const startCmsOnOwnDatabase = async ({
  name,
  log,
}: {
  name: string
  log: (line: string) => void
}): Promise<CmsOnOwnDatabase> => {
  const db = await startOwnDatabase({ name, log })
  process.env.DATABASE_URI = db.uri()
  const { startCmsServer, login } = await import('./http')
  const { testPayload } = await import('./payload')
  const payload = await testPayload()
  const email = `${name}@example.com`
  const password = 'a-long-password'
  await payload.create({
    collection: 'users',
    data: { email, name, roles: ['admin'], password },
  })
  const server = await startCmsServer()
  const auth = await login({ url: server.url, email, password })
  return {
    db,
    server,
    payload,
    auth,
    stop: async () => {
      await server.stop()
      await db.stop()
    },
  }
}
