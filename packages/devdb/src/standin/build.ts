import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFile, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { stripVTControlCharacters } from 'node:util'

import { packageDir, readEnv } from '../env.ts'
import type { Log } from '../util.ts'
import { buildDir, withBuildLock } from '../buildLock.ts'
import { findOnPath, stderrLog, TailBuffer } from '../util.ts'

export const NO_DATABASE_MESSAGE =
  'No database available: install Java 17 and Maven (to build the bundled MongoDB-wire stand-in), put mongod on PATH, or set DATABASE_URI.'

export class NoDatabaseError extends Error {
  override name = 'NoDatabaseError'
  constructor() {
    super(NO_DATABASE_MESSAGE)
  }
}

export const javaDir = join(packageDir, 'java')
export { buildDir }
const mavenOutputJar = join(buildDir, 'maven', 'devdb-standin.jar')

const HEARTBEAT_MS = 20_000

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const files = await Promise.all(
    entries.map((entry) => {
      const full = join(dir, entry.name)
      return entry.isDirectory() ? listFiles(full) : Promise.resolve([full])
    }),
  )
  return files.flat()
}

/** Hash of everything that affects the jar; the cache key. */
export async function standinSourceHash(): Promise<string> {
  const files = [join(javaDir, 'pom.xml'), ...(await listFiles(join(javaDir, 'src')))]
  const named = files.map((file) => ({ file, name: relative(javaDir, file).split('\\').join('/') }))
  named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const hash = createHash('sha256')
  for (const { file, name } of named) {
    // Length-prefixing keeps "a"+"bc" and "ab"+"c" from colliding.
    const content = await readFile(file)
    hash.update(`${name}\0${content.length}\0`)
    hash.update(content)
  }
  return hash.digest('hex')
}

export async function standinJarPath(): Promise<string> {
  const hash = await standinSourceHash()
  return join(buildDir, `standin-${hash.slice(0, 16)}.jar`)
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile()
  } catch {
    return false
  }
}

async function runMaven(mvn: string, log: Log): Promise<void> {
  const output = new TailBuffer(60)
  const child = spawn(mvn, ['-B', '-q', 'package'], {
    cwd: javaDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk))

  const started = Date.now()
  // Maven is silent under -q; a heartbeat shows the build has not hung.
  const heartbeat = setInterval(() => {
    log(`  still building… ${Math.round((Date.now() - started) / 1000)} s`)
  }, HEARTBEAT_MS)

  try {
    const code = await new Promise<number | null>((resolveCode, reject) => {
      child.once('error', reject)
      child.once('close', (exitCode) => resolveCode(exitCode))
    })
    if (code !== 0) {
      // Maven's console library emits colour resets even in batch mode.
      const text = stripVTControlCharacters(output.text())
      if (text) for (const line of text.split('\n')) log(`  mvn: ${line}`)
      throw new Error(
        `Building the database stand-in failed: mvn exited with code ${code}${text ? ' (output above)' : ''}.`,
      )
    }
  } finally {
    clearInterval(heartbeat)
  }
}

async function removeOtherJars(keep: string): Promise<void> {
  const entries = await readdir(buildDir).catch(() => [] as string[])
  await Promise.all(
    entries
      .filter((name) => /^standin-[0-9a-f]+\.jar$/.test(name) && join(buildDir, name) !== keep)
      .map((name) => rm(join(buildDir, name), { force: true })),
  )
}

/**
 * Builds the mongo-java-server jar once per source hash and returns its path. A second call with
 * unchanged sources only reports the cached jar.
 */
export async function ensureStandinBuilt(opts: { log?: Log } = {}): Promise<string> {
  const log = opts.log ?? stderrLog
  const jar = await standinJarPath()
  if (await exists(jar)) {
    log('stand-in cached')
    return jar
  }

  const { pathDirs } = readEnv()
  const [java, mvn] = await Promise.all([findOnPath('java', pathDirs), findOnPath('mvn', pathDirs)])
  if (!java || !mvn) throw new NoDatabaseError()

  return withBuildLock({ log, name: 'stand-in' }, async () => {
    // Another process may have finished the same build while we waited for the lock.
    if (await exists(jar)) {
      log('stand-in cached')
      return jar
    }
    log('building the local database stand-in (first run only, ~1-2 min)…')
    const started = Date.now()
    // A clean target folder keeps classes of deleted sources out of the jar.
    await rm(join(buildDir, 'maven'), { recursive: true, force: true })
    await runMaven(mvn, log)

    const partial = `${jar}.${process.pid}.tmp`
    await copyFile(mavenOutputJar, partial)
    // rename is atomic, so a concurrent reader never sees a half-written jar.
    await rename(partial, jar)
    await removeOtherJars(jar)
    log(`stand-in built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    return jar
  })
}
