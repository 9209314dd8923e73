import { dirname, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import type { EdgeEnv } from './env.ts'
import { readEdgeEnv } from './env.ts'
import { findNginx, nginxVersion, startNginx, stopLeftover } from './nginx.ts'
import { renderEdgeConfig } from './render.ts'

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..')
/** Git-ignored; holds the rendered config, pid file, cache and temp files. */
const edgeRunDir = resolve(packageDir, '.run', 'edge')

const USAGE = `usage: node --import tsx src/cli.ts [start|render]

  start   run nginx in the foreground as the site's shared cache until Ctrl-C (default)
  render  print the nginx.conf that start would use`

const log = (line: string) => console.error(`edge: ${line}`)

const edgeConfig = (env: EdgeEnv): string =>
  renderEdgeConfig({
    runDir: edgeRunDir,
    listenHost: env.listenHost,
    listenPort: env.listenPort,
    origins: env.origins.map((url) => ({ host: url.hostname, port: Number(url.port || 80) })),
    workers: env.workers,
  })

const start = async () => {
  const env = readEdgeEnv()
  const bin = findNginx(env)
  if (!bin) {
    // `npm run start` brings up the database, CMS and site with turbo; without nginx the site
    // still works, only uncached, so this is a notice rather than a failure.
    console.log(
      `edge: nginx is not installed (apt-get install nginx, or set NGINX_BIN); not starting the shared cache, the site is still on ${env.origin.origin}`,
    )
    return 0
  }
  if (await stopLeftover(edgeRunDir)) log('stopped an nginx left running by an earlier start')
  const nginx = await startNginx({
    bin,
    runDir: edgeRunDir,
    config: edgeConfig(env),
    host: env.listenHost,
    port: env.listenPort,
  })
  log(
    `http://${env.listenHost}:${env.listenPort} → ${env.origins.map((url) => url.origin).join(', ')} (${nginxVersion(bin)}, pid ${nginx.pid}, files in ${relative(process.cwd(), edgeRunDir) || '.'})`,
  )

  let stopping: Promise<void> | undefined
  const onSignal = (reason: string) => {
    if (stopping) return
    log(`${reason}: stopping nginx`)
    stopping = nginx.stop()
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal)
  // A wrapper that dies without passing its signal on (npm's `sh -c`, a killed terminal) leaves
  // this process to the init process: treat that as a stop rather than keep the port.
  const parent = process.ppid
  const orphanCheck = setInterval(() => {
    if (process.ppid !== parent) onSignal('parent process gone')
  }, 1000).unref()

  const result = await nginx.exited
  clearInterval(orphanCheck)
  if (stopping) {
    await stopping
    return 0
  }
  log(`nginx exited on its own (${result})`)
  return typeof result === 'number' ? result || 1 : 1
}

const render = () => {
  process.stdout.write(edgeConfig(readEdgeEnv()))
  return 0
}

const main = async (argv: string[]): Promise<number> => {
  const [command = 'start', ...rest] = argv
  if (rest.length > 0 || !['start', 'render'].includes(command)) {
    console.error(USAGE)
    return 2
  }
  try {
    return command === 'render' ? render() : await start()
  } catch (error) {
    // Settings and start-up problems are one line each; nginx has already printed its own.
    log(error instanceof Error ? error.message : String(error))
    return 1
  }
}

process.exitCode = await main(process.argv.slice(2))
