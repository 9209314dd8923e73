import { delimiter, dirname, isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export type DevDbEnv = {
  /** Set when the database is provided from outside; nothing is started then. */
  databaseUri: string | undefined
  devdbPort: number
  devdbDataDir: string
  /**
   * The password a NEW DocumentDB cluster is given (an existing one keeps its own). Unset: a random
   * one. For runs that must know the URI before the database starts, such as the end-to-end suite.
   */
  devdbPassword: string | undefined
  /** DocumentDB source: an archive or an unpacked folder; a relative path is taken from the repo root. */
  documentdbSource: string | undefined
  /** Directories of PATH, used to look for `mongod` and `cargo`. */
  pathDirs: string[]
}

const srcDir = dirname(fileURLToPath(import.meta.url))

/** packages/devdb/src → packages/devdb → packages → repo root */
export const repoRoot = resolve(srcDir, '../../..')
export const packageDir = resolve(srcDir, '..')

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

  const devdbPassword = read(source, 'DEVDB_PASSWORD')
  // It goes into PostgreSQL's CREATE ROLE and into a connection string: keep it to safe characters.
  if (devdbPassword !== undefined && !/^[A-Za-z0-9_-]{12,}$/.test(devdbPassword)) {
    throw new EnvError(
      'DEVDB_PASSWORD must be at least 12 characters of letters, digits, "-" and "_".',
    )
  }

  const pathDirs = (read(source, 'PATH') ?? '').split(delimiter).filter(Boolean)

  return {
    databaseUri,
    devdbPort,
    devdbDataDir,
    devdbPassword,
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
