import { spawn } from 'node:child_process'
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

import { MongoServerError } from 'mongodb'

import { writeMarker } from './marker.ts'
import { describeExit, ownChild } from './owned.ts'
import { buildUri, helloReply, HOST, probe, withClient } from './probe.ts'
import type { DatabaseHandle } from './types.ts'
import type { Log } from './util.ts'
import { freePort, hasExited, sleep, TailBuffer } from './util.ts'

const REPLICA_SET = 'rs0'
const READY_TIMEOUT_MS = 60_000

export async function startMongod(
  mongod: string,
  requestedPort: number,
  dataDir: string,
  dbName: string,
  log: Log,
): Promise<DatabaseHandle> {
  const port = requestedPort === 0 ? await freePort() : requestedPort
  const dbPath = join(dataDir, 'mongod')
  const logPath = join(dataDir, 'mongod.log')
  await mkdir(dbPath, { recursive: true })

  log(`starting mongod on ${HOST}:${port} (${dbPath})…`)
  const stderr = new TailBuffer()
  const child = spawn(
    mongod,
    [
      '--replSet',
      REPLICA_SET,
      '--bind_ip',
      HOST,
      '--port',
      String(port),
      '--dbpath',
      dbPath,
      '--logpath',
      logPath,
      '--logappend',
    ],
    // Own process group: a terminal Ctrl-C reaches us, and we decide when the database goes.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  )
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk))
  let spawnError: Error | undefined
  child.once('error', (error) => {
    spawnError = error
  })
  const handle = ownChild(child, dataDir, {
    uri: buildUri(port, dbName, REPLICA_SET),
    kind: 'mongod',
  })

  const fail = async (reason: string): Promise<never> => {
    await handle.stop()
    const logTail = await readFile(logPath, 'utf8')
      .then((text) => text.trimEnd().split('\n').slice(-15).join('\n'))
      .catch(() => '')
    const details = [stderr.text(), logTail].filter(Boolean).join('\n')
    throw new Error(`mongod ${reason}${details ? `:\n${details}` : '.'}`)
  }

  const deadline = Date.now() + READY_TIMEOUT_MS
  for (;;) {
    if (spawnError) return fail(`could not be started (${spawnError.message})`)
    if (hasExited(child)) return fail(`exited with ${describeExit(child)} before it was ready`)
    if (await probe(port, 1000)) break
    if (Date.now() > deadline)
      return fail(`did not answer on port ${port} within ${READY_TIMEOUT_MS / 1000} s`)
    await sleep(250)
  }

  try {
    await withClient(port, 10_000, async (client) => {
      const admin = client.db('admin')
      try {
        await admin.command({ replSetGetStatus: 1 })
      } catch (error) {
        // 94 NotYetInitialized: a fresh dbpath; initiate once, later starts keep the config.
        if (!(error instanceof MongoServerError) || error.code !== 94) throw error
        log(`initiating replica set ${REPLICA_SET}…`)
        await admin.command({
          replSetInitiate: { _id: REPLICA_SET, members: [{ _id: 0, host: `${HOST}:${port}` }] },
        })
      }
      const isPrimary = async () => {
        const reply = await helloReply(admin)
        return reply.ismaster === true || reply.isWritablePrimary === true
      }
      while (!(await isPrimary())) {
        if (hasExited(child)) throw new Error(`exited with ${describeExit(child)}`)
        if (Date.now() > deadline) throw new Error('did not become primary in time')
        await sleep(250)
      }
    })
  } catch (error) {
    return fail(`replica set setup failed (${(error as Error).message})`)
  }

  await writeMarker(dataDir, {
    pid: child.pid ?? 0,
    ownerPid: process.pid,
    port,
    kind: 'mongod',
    replicaSet: REPLICA_SET,
    startedAt: new Date().toISOString(),
  })
  log(`mongod ready on ${HOST}:${port}`)
  return handle
}
