import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { createClient } from 'redis'
import { afterEach, describe, expect, it } from 'vitest'

import { type RedisHandle, startRedis } from './redis'

const freePort = () =>
  new Promise<number>((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => done(port))
    })
  })

const started: RedisHandle[] = []
afterEach(async () => {
  await Promise.all(started.splice(0).map((redis) => redis.stop()))
})

const quiet = () => {}

describe('startRedis', () => {
  it('starts a cache-only Redis that reports expired and evicted keys', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'origin-redis-'))
    const port = await freePort()
    const redis = await startRedis({ port, dir, log: quiet })
    started.push(redis)
    const client = createClient({ url: redis.url })
    await client.connect()
    try {
      expect(await client.ping()).toBe('PONG')
      const config = await client.configGet('*')
      expect(config['notify-keyspace-events']).toMatch(/^(?=.*E)(?=.*x)(?=.*e)/)
      expect(config.save).toBe('')
      expect(config.appendonly).toBe('no')
      expect(config['maxmemory-policy']).toBe('allkeys-lru')
      expect(config.bind).toBe('127.0.0.1')
    } finally {
      await client.quit()
    }
    expect(Number(readFileSync(join(dir, `redis-${port}.pid`), 'utf8'))).toBe(redis.pid)
  })

  it('stops a Redis an earlier run left behind, by its pid file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'origin-redis-'))
    const port = await freePort()
    const first = await startRedis({ port, dir, log: quiet })
    // As if its owner had been killed without a chance to stop it: the next start on that port
    // finds it by its pid file.
    const lines: string[] = []
    const second = await startRedis({ port, dir, log: (l) => lines.push(l) })
    started.push(second)
    await first.exited
    expect(lines.join('\n')).toContain(`left behind (pid ${first.pid})`)
  })

  it('leaves a Redis on another port alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'origin-redis-'))
    const first = await startRedis({ port: await freePort(), dir, log: quiet })
    started.push(first)
    started.push(await startRedis({ port: await freePort(), dir, log: quiet }))
    expect(existsSync(`/proc/${first.pid}`)).toBe(true)
  })

  it('says which setting to change when the port is taken', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'origin-redis-'))
    const port = await freePort()
    const squatter = createServer().listen(port, '127.0.0.1')
    try {
      await expect(startRedis({ port, dir, log: quiet })).rejects.toThrow(
        /set REDIS_PORT or REDIS_URL/,
      )
    } finally {
      squatter.close()
    }
  })

  it('stops when asked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'origin-redis-'))
    const redis = await startRedis({ port: await freePort(), dir, log: quiet })
    await redis.stop()
    expect(existsSync(`/proc/${redis.pid}`)).toBe(false)
  })
})

describe('copydesk-origin redis', () => {
  it('runs Redis in the foreground and stops it with itself', async () => {
    const port = await freePort()
    const bin = join(import.meta.dirname, '..', 'bin', 'copydesk-origin.js')
    const child = spawn(process.execPath, [bin, 'redis'], {
      env: {
        ...process.env,
        REDIS_PORT: String(port),
        DEVDB_DATA_DIR: mkdtempSync(join(tmpdir(), 'origin-cli-')),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    for (let i = 0; i < 100 && !output.includes('ready'); i++) {
      await new Promise((done) => setTimeout(done, 100))
    }
    expect(output).toContain(`Redis ready at redis://127.0.0.1:${port}`)
    const pid = Number(/pid (\d+)/.exec(output)?.[1])
    child.kill('SIGTERM')
    await new Promise((done) => child.once('exit', done))
    expect(existsSync(`/proc/${pid}`)).toBe(false)
  })
})
