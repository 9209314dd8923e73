import type { ChildProcess } from 'node:child_process'
import { spawn, spawnSync } from 'node:child_process'
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { connect, createServer } from 'node:net'
import { delimiter, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

// Debian and most distributions put nginx in /usr/sbin, which is not on a normal user's PATH.
const WELL_KNOWN = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx']

const isExecutable = (file: string): boolean => {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** The nginx binary: NGINX_BIN, else the first on PATH, else a well-known place; or undefined. */
export const findNginx = ({
  nginxBin,
  path,
}: {
  nginxBin: string | undefined
  path: string | undefined
}): string | undefined => {
  if (nginxBin) return isExecutable(nginxBin) ? nginxBin : undefined
  const candidates = [
    ...(path ?? '')
      .split(delimiter)
      .filter(Boolean)
      .map((dir) => join(dir, 'nginx')),
    ...WELL_KNOWN,
  ]
  return candidates.find(isExecutable)
}

/** `nginx version: nginx/1.22.1` → `nginx/1.22.1`. */
export const nginxVersion = (bin: string): string => {
  const { stderr } = spawnSync(bin, ['-v'], { encoding: 'utf8' })
  return stderr.trim().replace(/^nginx version:\s*/, '') || 'nginx'
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * Stops an nginx left running from this run directory by a launcher that was killed outright
 * (SIGKILL cannot be forwarded). Only a process whose command line names this directory is
 * touched, so a recycled pid never hits someone else's process.
 */
export const stopLeftover = async (runDir: string): Promise<boolean> => {
  const pidFile = join(runDir, 'nginx.pid')
  if (!existsSync(pidFile)) return false
  const pid = Number(readFileSync(pidFile, 'utf8').trim())
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return false
  let cmdline = ''
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
  } catch {
    return false
  }
  if (!cmdline.includes('nginx') || !cmdline.includes(runDir)) return false
  process.kill(pid, 'SIGTERM')
  for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100)
  return true
}

const canConnect = (host: string, port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host, port })
    socket.setTimeout(500)
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('timeout', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', () => resolve(false))
  })

/** A port on 127.0.0.1 that nothing listens on right now, picked by the system. */
export const findFreePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })

export type RunningNginx = {
  pid: number
  /** Resolves with nginx's exit code (or the signal's name) once the master process is gone. */
  exited: Promise<number | string>
  /** Fast shutdown (SIGTERM); waits until the master and its workers are gone. */
  stop: () => Promise<void>
}

/**
 * Starts nginx in the foreground with `runDir` as its prefix and `config` as its nginx.conf,
 * and resolves once it accepts connections on host:port. Rejects if it exits first (a port in
 * use, a config error: nginx has printed why on stderr).
 */
export const startNginx = async ({
  bin,
  runDir,
  config,
  host,
  port,
}: {
  bin: string
  runDir: string
  config: string
  host: string
  port: number
}): Promise<RunningNginx> => {
  // Otherwise the readiness check below would mistake whatever holds the port for this nginx.
  if (await canConnect(host, port)) throw new Error(`${host}:${port} is already in use`)
  mkdirSync(runDir, { recursive: true })
  // A unix socket left by an nginx that was killed would stop this one from listening there.
  for (const name of readdirSync(runDir)) {
    if (name.endsWith('.sock')) rmSync(join(runDir, name), { force: true })
  }
  const confPath = join(runDir, 'nginx.conf')
  writeFileSync(confPath, config)
  // Its own process group: a terminal's Ctrl-C reaches the launcher, which stops nginx and waits
  // for it, instead of both racing; and the whole group can be killed if nginx ever hangs.
  const child: ChildProcess = spawn(
    bin,
    ['-p', `${runDir}/`, '-c', confPath, '-e', 'stderr', '-g', 'daemon off;'],
    { stdio: ['ignore', 'inherit', 'inherit'], detached: true },
  )
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'))
    child.once('error', () => resolve('spawn failed'))
  })
  let hasExited = false
  void exited.then(() => {
    hasExited = true
  })
  const pid = child.pid
  if (pid === undefined) throw new Error(`could not start ${bin}`)

  const stop = async () => {
    if (hasExited) return
    try {
      process.kill(pid, 'SIGTERM')
    } catch {
      // It exited on its own just now; `exited` settles with its code.
    }
    // The timer is cancelled once nginx is gone, or it would hold the launcher open for 10 s.
    const timer = new AbortController()
    const done = await Promise.race([
      exited.then(() => true),
      sleep(10_000, false, { signal: timer.signal }).catch(() => false),
    ])
    timer.abort()
    if (!done) {
      try {
        process.kill(-pid, 'SIGKILL')
      } catch {
        // Already gone between the check and the kill.
      }
      await exited
    }
  }

  for (let i = 0; i < 100; i++) {
    if (hasExited)
      throw new Error(`nginx exited (${await exited}) before listening on ${host}:${port}`)
    if (await canConnect(host, port)) return { pid, exited, stop }
    await sleep(100)
  }
  await stop()
  throw new Error(`nginx did not listen on ${host}:${port} within 10 s`)
}
