import { spawn } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'

import { readEnv } from '../env.ts'
import { writeMarker } from '../marker.ts'
import { describeExit, ownChild } from '../owned.ts'
import { buildUri, HOST, probe } from '../probe.ts'
import type { DatabaseHandle } from '../types.ts'
import type { Log } from '../util.ts'
import { findOnPath, TailBuffer } from '../util.ts'
import { ensureStandinBuilt, NoDatabaseError } from './build.ts'

const READY_TIMEOUT_MS = 60_000

const READY_LINE = /^devdb ready on ([^\s:]+):(\d+)\s*$/

export async function startStandin(
  requestedPort: number,
  dataDir: string,
  memory: boolean,
  dbName: string,
  log: Log,
): Promise<DatabaseHandle> {
  const { pathDirs } = readEnv()
  const java = await findOnPath('java', pathDirs)
  if (!java) throw new NoDatabaseError()
  const jar = await ensureStandinBuilt({ log })

  const args = ['-jar', jar, '--host', HOST, '--port', String(requestedPort)]
  if (memory) {
    args.push('--backend', 'memory')
  } else {
    const file = join(dataDir, 'standin', 'copydesk')
    await mkdir(join(dataDir, 'standin'), { recursive: true })
    args.push('--backend', 'h2', '--file', file)
  }

  const started = Date.now()
  log(`starting the database stand-in (${memory ? 'in memory' : `data in ${dataDir}`})…`)
  // stdin stays a pipe that we never write: when this process dies, even by SIGKILL, the pipe
  // closes and the server exits on EOF. Own process group so a terminal Ctrl-C reaches us first.
  const child = spawn(java, args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true })
  const stderr = new TailBuffer()
  const stdout = new TailBuffer(5)
  let ready = false

  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = stderr.push(chunk)
    // Warnings after startup are worth seeing; before it, they end up in the error if start fails.
    if (ready) for (const line of lines) if (line.trim()) log(`devdb: ${line}`)
  })

  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => {
      cleanup()
      child.kill('SIGKILL')
      reject(
        withOutput(
          `The database stand-in was not ready within ${READY_TIMEOUT_MS / 1000} s`,
          stderr,
        ),
      )
    }, READY_TIMEOUT_MS)
    const onData = (chunk: string) => {
      for (const line of stdout.push(chunk)) {
        const match = READY_LINE.exec(line)
        if (match) {
          cleanup()
          resolvePort(Number(match[2]))
          return
        }
      }
    }
    const onExit = () => {
      cleanup()
      reject(
        withOutput(
          `The database stand-in exited with ${describeExit(child)} before it was ready`,
          stderr,
        ),
      )
    }
    const onError = (error: Error) => {
      cleanup()
      reject(new Error(`Could not start java: ${error.message}`))
    }
    const cleanup = () => {
      clearTimeout(timer)
      child.stdout?.off('data', onData)
      child.off('exit', onExit)
      child.off('error', onError)
    }
    child.stdout?.setEncoding('utf8').on('data', onData)
    child.once('exit', onExit)
    child.once('error', onError)
  })
  ready = true
  // Keep draining stdout so a chatty server can never block on a full pipe.
  child.stdout?.resume()

  const handle = ownChild(child, memory ? undefined : dataDir, {
    uri: buildUri(port, dbName),
    compat: 'mongo-java-server',
    kind: 'stand-in',
  })

  if (!(await probe(port, 10_000))) {
    await handle.stop()
    throw withOutput(`The database stand-in on port ${port} did not answer a MongoDB ping`, stderr)
  }

  if (!memory) {
    await writeMarker(dataDir, {
      pid: child.pid ?? 0,
      ownerPid: process.pid,
      port,
      kind: 'stand-in',
      compat: 'mongo-java-server',
      startedAt: new Date().toISOString(),
    })
  }
  log(
    `database stand-in ready on ${HOST}:${port} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
  return handle
}

function withOutput(message: string, output: TailBuffer): Error {
  const text = output.text()
  return new Error(text ? `${message}:\n${text}` : `${message}.`)
}
