import { createHash } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

import { buildDir, withBuildLock } from '../buildLock.ts'
import { childEnv, packageDir, readEnv, repoRoot } from '../env.ts'
import type { Log } from '../util.ts'
import { findOnPath, stderrLog } from '../util.ts'
import { ensurePackages, EngineUnavailableError, isRoot, PG_CONFIG, run } from './packages.ts'

/** The DocumentDB commit the patches in documentdb/patches apply to. */
export const DOCUMENTDB_COMMIT = 'b2e220c47d85ec6fed1651f03968da2317f71c10'
const ARCHIVE_NAME = 'documentdb-b2e220c4.tar.gz'
const UPSTREAM_ARCHIVE = `https://github.com/documentdb/documentdb/archive/${DOCUMENTDB_COMMIT}.tar.gz`
/** Bump when the build steps change in a way the cache key would not see. */
const RECIPE_VERSION = '1'

/** No LLVM bitcode for PostgreSQL's JIT: it would double the compile time for nothing we use. */
const MAKE_ARGS = ['with_llvm=no']

export const patchDir = join(packageDir, 'documentdb', 'patches')

export type DocumentDbBuild = {
  /** The gateway binary (pg_documentdb_gw), copied out of cargo's target folder. */
  gateway: string
  /** Upstream's gateway settings, the base of the generated configuration. */
  setupConfiguration: string
}

/**
 * Where the source comes from: DOCUMENTDB_SOURCE (an archive or an unpacked folder), else the
 * vendored archive next to the repository on machines that have one.
 */
export function findSource(sourceSetting: string | undefined): string {
  if (sourceSetting) {
    const path = resolve(repoRoot, sourceSetting)
    if (!existsSync(path)) {
      throw new EngineUnavailableError(`DOCUMENTDB_SOURCE points at ${path}, which does not exist.`)
    }
    return path
  }
  const candidates = [
    resolve(repoRoot, '..', 'shared', 'vendor', ARCHIVE_NAME),
    join('/work/shared/vendor', ARCHIVE_NAME),
  ]
  const found = candidates.find((candidate) => existsSync(candidate))
  if (found) return found
  throw new EngineUnavailableError(
    `DocumentDB source not found: download ${UPSTREAM_ARCHIVE} and set DOCUMENTDB_SOURCE to the file.`,
  )
}

async function hashFile(hash: ReturnType<typeof createHash>, file: string): Promise<void> {
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
}

/** Cache key: the source, the patches, PostgreSQL's version and this recipe. */
async function buildKey(source: string): Promise<string> {
  const hash = createHash('sha256')
  hash.update(`recipe ${RECIPE_VERSION}\0`)
  if ((await stat(source)).isFile()) await hashFile(hash, source)
  else hash.update(`dir ${source}\0`)
  for (const name of (await readdir(patchDir)).sort()) {
    hash.update(`${name}\0`)
    await hashFile(hash, join(patchDir, name))
  }
  const pgVersion = await run(PG_CONFIG, ['--version']).catch(() => ({ output: 'none' }))
  hash.update(pgVersion.output)
  return hash.digest('hex').slice(0, 16)
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`
}

async function countFiles(dir: string, suffix: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true })
  return entries.filter((name) => name.endsWith(suffix)).length
}

/** Runs a build step, printing "n/total" every few seconds so a long build never looks hung. */
async function step(
  log: Log,
  label: string,
  command: string,
  args: string[],
  options: {
    cwd: string
    env: NodeJS.ProcessEnv
    total?: number
    isUnit: (line: string) => boolean
  },
): Promise<void> {
  const started = Date.now()
  let done = 0
  const timer = setInterval(() => {
    const progress = options.total ? `${Math.min(done, options.total)}/${options.total}` : `${done}`
    log(`documentdb:   ${label}: ${progress}, ${seconds(started)}`)
  }, 10_000)
  try {
    const result = await run(command, args, {
      cwd: options.cwd,
      env: options.env,
      onLine: (line) => {
        if (options.isUnit(line)) done++
      },
    })
    if (result.code !== 0) {
      const tail = result.output.trimEnd().split('\n').slice(-25).join('\n')
      throw new Error(
        `DocumentDB build step "${label}" failed (${command} exited ${result.code}):\n${tail}`,
      )
    }
  } finally {
    clearInterval(timer)
  }
  log(`documentdb:   ${label} done in ${seconds(started)}`)
}

async function sha256(file: string): Promise<string | undefined> {
  if (!existsSync(file)) return undefined
  const hash = createHash('sha256')
  await hashFile(hash, file)
  return hash.digest('hex')
}

/** Debian's Intel decimal library ships no pkg-config file, and DocumentDB's Makefile asks for one. */
async function writeIntelMathPc(dir: string): Promise<void> {
  const multiarch = (await run('gcc', ['-print-multiarch'])).output.trim() || 'x86_64-linux-gnu'
  const libdir = `/usr/lib/${multiarch}`
  await mkdir(dir, { recursive: true })
  await writeFile(
    join(dir, 'intelmathlib.pc'),
    [
      `libdir=${libdir}`,
      'includedir=/usr/include',
      'Name: intelmathlib',
      'Description: Intel Decimal Floating-Point Math Library (libintelrdfpmath-dev)',
      'Version: 2.0',
      'Libs: ${libdir}/libbidgcc000.a',
      'Cflags: -I${includedir}',
      '',
    ].join('\n'),
  )
}

async function pkgLibDir(): Promise<string> {
  return (await run(PG_CONFIG, ['--pkglibdir'])).output.trim()
}

/** The extensions are installed into PostgreSQL's own folders; reinstalled when those hold another build. */
async function ensureInstalled(srcDir: string, env: NodeJS.ProcessEnv, log: Log): Promise<void> {
  const libDir = await pkgLibDir()
  const pairs = [
    ['pg_documentdb_core', join(libDir, 'pg_documentdb_core.so')],
    ['pg_documentdb', join(libDir, 'pg_documentdb.so')],
  ] as const
  for (const [name, installed] of pairs) {
    const built = await sha256(join(srcDir, name, `${name}.so`))
    if (built && built === (await sha256(installed))) continue
    if (!isRoot()) {
      throw new EngineUnavailableError(
        `DocumentDB's extensions must be installed into PostgreSQL: run "sudo make -C ${join(srcDir, name)} install".`,
      )
    }
    const started = Date.now()
    const result = await run('make', ['install', ...MAKE_ARGS], { cwd: join(srcDir, name), env })
    if (result.code !== 0) {
      throw new Error(
        `make install in ${name} failed:\n${result.output.trimEnd().split('\n').slice(-15).join('\n')}`,
      )
    }
    log(`documentdb:   ${name} installed into PostgreSQL in ${seconds(started)}`)
  }
}

/**
 * Builds DocumentDB's extensions and gateway once per source + patches and installs the extensions
 * into PostgreSQL 15. Later calls only check the cache (well under a second).
 */
export async function ensureDocumentDbBuilt(opts: { log?: Log } = {}): Promise<DocumentDbBuild> {
  const log = opts.log ?? stderrLog
  const env = readEnv()
  await ensurePackages(log)
  const cargo = await findOnPath('cargo', [...env.pathDirs, join(homedir(), '.cargo', 'bin')])
  const source = findSource(env.documentdbSource)
  const key = await buildKey(source)
  const outDir = join(buildDir, `documentdb-${key}`)
  const srcDir = join(outDir, 'src')
  const result: DocumentDbBuild = {
    gateway: join(outDir, 'documentdb_gateway'),
    setupConfiguration: join(srcDir, 'pg_documentdb_gw', 'SetupConfiguration.json'),
  }
  const makeEnv = childEnv({
    PG_CONFIG,
    PKG_CONFIG_PATH: [join(outDir, 'pkgconfig'), childEnv().PKG_CONFIG_PATH]
      .filter(Boolean)
      .join(':'),
  })

  if (existsSync(join(outDir, 'done.json'))) {
    await ensureInstalled(srcDir, makeEnv, log)
    return result
  }
  if (!cargo) {
    throw new EngineUnavailableError(
      "DocumentDB's gateway needs Rust >= 1.81: install it from https://rustup.rs (Debian 12's rustc is too old).",
    )
  }

  return withBuildLock({ log, name: 'documentdb' }, async () => {
    if (existsSync(join(outDir, 'done.json'))) {
      await ensureInstalled(srcDir, makeEnv, log)
      return result
    }
    const started = Date.now()
    log(`documentdb: building from ${source} (first run only; ~4 min on 2 cores)…`)
    await rm(outDir, { recursive: true, force: true })
    await mkdir(srcDir, { recursive: true })

    let t = Date.now()
    if ((await stat(source)).isFile()) {
      const untar = await run('tar', ['-xzf', source, '-C', srcDir, '--strip-components=1'])
      if (untar.code !== 0) throw new Error(`Could not unpack ${source}:\n${untar.output}`)
    } else {
      const copy = await run('cp', ['-a', `${source}/.`, srcDir])
      if (copy.code !== 0) throw new Error(`Could not copy ${source}:\n${copy.output}`)
    }
    const patches = (await readdir(patchDir)).filter((name) => name.endsWith('.patch')).sort()
    for (const name of patches) {
      const applied = await run('patch', ['-p1', '--forward', '-i', join(patchDir, name)], {
        cwd: srcDir,
      })
      if (applied.code !== 0) {
        throw new Error(`Patch ${name} does not apply to ${source}:\n${applied.output}`)
      }
    }
    await writeIntelMathPc(join(outDir, 'pkgconfig'))
    log(`documentdb: [1/4] source unpacked, ${patches.length} patches applied in ${seconds(t)}`)

    const isCompile = (line: string) => / -c -o \S+\.o /.test(line)
    t = Date.now()
    const coreDir = join(srcDir, 'pg_documentdb_core')
    await step(log, '[2/4] pg_documentdb_core (make)', 'make', ['-j2', ...MAKE_ARGS], {
      cwd: coreDir,
      env: makeEnv,
      total: await countFiles(join(coreDir, 'src'), '.c'),
      isUnit: isCompile,
    })
    const apiDir = join(srcDir, 'pg_documentdb')
    await step(log, '[3/4] pg_documentdb (make)', 'make', ['-j2', ...MAKE_ARGS], {
      cwd: apiDir,
      env: makeEnv,
      total: await countFiles(join(apiDir, 'src'), '.c'),
      isUnit: isCompile,
    })

    const gwDir = join(srcDir, 'pg_documentdb_gw')
    const lock = await readFile(join(gwDir, 'Cargo.lock'), 'utf8')
    await step(log, '[4/4] gateway (cargo build --release)', cargo, ['build', '--release'], {
      cwd: gwDir,
      // One target folder for every build key: a patch change does not recompile 342 crates.
      env: childEnv({
        CARGO_TARGET_DIR: join(buildDir, 'cargo-target'),
        CARGO_TERM_COLOR: 'never',
      }),
      total: (lock.match(/^\[\[package\]\]$/gm) ?? []).length,
      isUnit: (line) => /^\s*Compiling /.test(line),
    })
    const partial = `${result.gateway}.${process.pid}.tmp`
    await copyFile(join(buildDir, 'cargo-target', 'release', 'documentdb_gateway'), partial)
    await rename(partial, result.gateway)

    await ensureInstalled(srcDir, makeEnv, log)
    await removeOtherBuilds(outDir)
    await writeFile(
      join(outDir, 'done.json'),
      `${JSON.stringify({ source, builtAt: new Date().toISOString(), seconds: (Date.now() - started) / 1000 }, null, 2)}\n`,
    )
    log(`documentdb: built in ${seconds(started)}`)
    return result
  })
}

async function removeOtherBuilds(keep: string): Promise<void> {
  const entries = await readdir(buildDir).catch(() => [] as string[])
  await Promise.all(
    entries
      .filter((name) => /^documentdb-[0-9a-f]+$/.test(name) && join(buildDir, name) !== keep)
      .map((name) => rm(join(buildDir, name), { recursive: true, force: true })),
  )
}
