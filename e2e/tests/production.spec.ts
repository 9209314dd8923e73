import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { expect, test } from '@playwright/test'

import { inheritedEnv } from '../env'

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../apps/cms')

/** Starts the built CMS in production with the given settings and waits for it to exit. */
const startProduction = (env: Record<string, string>) =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    const { PAYLOAD_SECRET: _secret, DATABASE_URI: _uri, ...rest } = inheritedEnv
    const child = spawn(
      path.join(cmsDir, '../../node_modules/.bin/next'),
      ['start', '--port', '3198'],
      {
        cwd: cmsDir,
        env: { ...rest, NODE_ENV: 'production', ...env },
      },
    )
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })

test.describe('a production server', () => {
  test('refuses to start without PAYLOAD_SECRET and DATABASE_URI', async () => {
    const { code, output } = await startProduction({})
    expect(code).toBe(1)
    expect(output).toContain(
      'Refusing to start in production without PAYLOAD_SECRET and DATABASE_URI',
    )
  })

  test('refuses a secret that is too short, naming the variable', async () => {
    const { code, output } = await startProduction({
      PAYLOAD_SECRET: 'short',
      DATABASE_URI: 'mongodb://127.0.0.1:1/none',
    })
    expect(code).not.toBe(0)
    expect(output).toMatch(/PAYLOAD_SECRET must be at least 32 characters/)
  })
})
