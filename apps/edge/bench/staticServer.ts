import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

import type { RunningNginx } from '../src/nginx.ts'
import { findFreePort, startNginx } from '../src/nginx.ts'
import { renderStaticConfig } from '../src/render.ts'

/**
 * nginx serving `body` from a file at `path`: the ceiling the benchmarks compare the site with,
 * the same bytes with none of the work. Its files live in `scratch`, which nginx's workers must
 * be able to read (they run as `nobody` when nginx is started as root).
 */
export const startStaticServer = async ({
  bin,
  scratch,
  path,
  body,
  port,
  workers,
}: {
  bin: string
  scratch: string
  path: string
  body: Buffer
  /** 0 picks a free one. */
  port: number
  workers: string
}): Promise<{ nginx: RunningNginx; url: URL }> => {
  const docRoot = join(scratch, 'root')
  const file = join(docRoot, path)
  mkdirSync(dirname(file), { recursive: true, mode: 0o755 })
  chmodSync(docRoot, 0o755)
  chmodSync(dirname(file), 0o755)
  writeFileSync(file, body, { mode: 0o644 })
  const listenPort = port || (await findFreePort())
  const runDir = join(scratch, 'static-run')
  const nginx = await startNginx({
    bin,
    runDir,
    config: renderStaticConfig({ runDir, listenHost: '127.0.0.1', listenPort, docRoot, workers }),
    host: '127.0.0.1',
    port: listenPort,
  })
  return { nginx, url: new URL(`http://127.0.0.1:${listenPort}`) }
}
