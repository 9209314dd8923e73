import type { Log } from './util.ts'

export type DatabaseKind = 'external' | 'reused' | 'mongod' | 'documentdb'

export type DatabaseHandle = {
  uri: string
  kind: DatabaseKind
  stop(): Promise<void>
}

export type EnsureDatabaseOptions = {
  /** Defaults to DEVDB_PORT (27017). 0 picks a free port and never reuses a running database. */
  port?: number
  /** Defaults to DEVDB_DATA_DIR (`<repo>/.data`). */
  dataDir?: string
  /**
   * Nothing is kept: the stand-in keeps data in memory, DocumentDB uses a throwaway cluster in a
   * temporary directory. dataDir is not touched.
   */
  memory?: boolean
  dbName?: string
  log?: Log
}
