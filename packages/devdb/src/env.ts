import { delimiter, dirname, isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export type Compat = 'mongodb' | 'mongo-java-server'

/** Which engine devdb starts when nothing else is given (DATABASE_URI, a running database, mongod). */
export type Engine = 'documentdb' | 'mongo-java-server'

export type DevDbEnv = {
  /** Set when the database is provided from outside; nothing is started then. */
  databaseUri: string | undefined
  databaseCompat: Compat
  devdbPort: number
  devdbDataDir: string
  devdbEngine: Engine
  /** False when DEVDB_ENGINE is unset: then a machine that cannot build DocumentDB falls back to the stand-in. */
  isEngineChosen: boolean
  /** DocumentDB source: an archive or an unpacked folder; a relative path is taken from the repo root. */
  documentdbSource: string | undefined
  /** Directories of PATH, used to look for `mongod`, `java` and `mvn`. */
  pathDirs: string[]
}

const srcDir = dirname(fileURLToPath(import.meta.url))

/** packages/devdb/src → packages/devdb → packages → repo root */
export const repoRoot = resolve(srcDir, '../../..')
export const packageDir = resolve(srcDir, '..')

const COMPATS: readonly Compat[] = ['mongodb', 'mongo-java-server']
const ENGINES: readonly Engine[] = ['documentdb', 'mongo-java-server']
export const DEFAULT_ENGINE: Engine = 'documentdb'

export class EnvError extends Error {
  override name = 'EnvError'
}

/** Empty strings count as unset, so `DATABASE_URI= cmd` can switch the external database off. */
function read(source: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = source[name]?.trim()
  return value ? value : undefined
}

export function parseEnv(source: NodeJS.ProcessEnv): DevDbEnv {
  const databaseUri = read(source, 'DATABASE_URI')
  if (databaseUri !== undefined && !/^mongodb(\+srv)?:\/\/\S+$/.test(databaseUri)) {
    throw new EnvError('DATABASE_URI must be a mongodb:// or mongodb+srv:// connection string.')
  }

  const compatText = read(source, 'DATABASE_COMPAT') ?? 'mongodb'
  if (!COMPATS.includes(compatText as Compat)) {
    throw new EnvError(`DATABASE_COMPAT must be one of ${COMPATS.join(', ')}, got "${compatText}".`)
  }

  const portText = read(source, 'DEVDB_PORT') ?? '27017'
  const devdbPort = Number(portText)
  if (!/^\d+$/.test(portText) || devdbPort > 65535) {
    throw new EnvError(
      `DEVDB_PORT must be a port number 0-65535 (0 picks a free one), got "${portText}".`,
    )
  }

  const dataDirText = read(source, 'DEVDB_DATA_DIR')
  const devdbDataDir =
    dataDirText === undefined
      ? resolve(repoRoot, '.data')
      : isAbsolute(dataDirText)
        ? resolve(dataDirText)
        : // Relative paths are taken from the repo root so workspace scripts agree on one location.
          resolve(repoRoot, dataDirText)

  const engineText = read(source, 'DEVDB_ENGINE') ?? DEFAULT_ENGINE
  if (!ENGINES.includes(engineText as Engine)) {
    throw new EnvError(`DEVDB_ENGINE must be one of ${ENGINES.join(', ')}, got "${engineText}".`)
  }

  const pathDirs = (read(source, 'PATH') ?? '').split(delimiter).filter(Boolean)

  return {
    databaseUri,
    databaseCompat: compatText as Compat,
    devdbPort,
    devdbDataDir,
    devdbEngine: engineText as Engine,
    isEngineChosen: read(source, 'DEVDB_ENGINE') !== undefined,
    documentdbSource: read(source, 'DOCUMENTDB_SOURCE'),
    pathDirs,
  }
}

export function readEnv(): DevDbEnv {
  return parseEnv(process.env)
}

/** The current environment plus overrides, for handing to a child process. */
export function childEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key]
    else env[key] = value
  }
  return env
}
