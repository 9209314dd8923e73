import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

import { packageDir } from './env.ts'
import type { Log } from './util.ts'
import { isPidAlive, sleep } from './util.ts'

/** Git-ignored cache of everything devdb builds (DocumentDB's extensions and gateway). */
export const buildDir = join(packageDir, '.build')

const LOCK_WAIT_LIMIT_MS = 30 * 60_000

/**
 * Only one process may build a given engine at a time: two test runs or a test run plus `dev` would
 * otherwise write the same build folder. A lock left by a dead process is taken over.
 */
export async function withBuildLock<T>(
  { log, name }: { log: Log; name: string },
  work: () => Promise<T>,
): Promise<T> {
  await mkdir(buildDir, { recursive: true })
  const lockFile = join(buildDir, `${name}.lock`)
  const started = Date.now()
  let announced = false
  for (;;) {
    try {
      await writeFile(lockFile, String(process.pid), { flag: 'wx' })
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const holder = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim())
    if (!Number.isInteger(holder) || holder <= 0 || !isPidAlive(holder)) {
      await rm(lockFile, { force: true })
      continue
    }
    if (!announced) {
      log(`waiting for another build of the ${name} (pid ${holder})…`)
      announced = true
    }
    if (Date.now() - started > LOCK_WAIT_LIMIT_MS) {
      throw new Error(
        `Timed out waiting for the ${name} build lock held by pid ${holder} (${lockFile}).`,
      )
    }
    await sleep(500)
  }
  try {
    return await work()
  } finally {
    await rm(lockFile, { force: true })
  }
}
