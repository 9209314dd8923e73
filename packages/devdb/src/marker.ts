import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

import { isPidAlive, isPortOpen } from './util.ts'

/** Written to `<dataDir>/devdb.json` while a database started by us serves that directory. */
export type Marker = {
  pid: number
  ownerPid: number
  port: number
  kind: 'mongod' | 'documentdb'
  replicaSet?: string
  /** DocumentDB: the postmaster behind the gateway (pid). */
  postmasterPid?: number
  startedAt: string
}

export function markerPath(dataDir: string): string {
  return join(dataDir, 'devdb.json')
}

export async function readMarker(dataDir: string): Promise<Marker | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(markerPath(dataDir), 'utf8'))
    if (
      parsed &&
      typeof parsed === 'object' &&
      typeof (parsed as Marker).pid === 'number' &&
      typeof (parsed as Marker).port === 'number'
    ) {
      return parsed as Marker
    }
  } catch {
    // missing or unreadable: treated as no marker
  }
  return undefined
}

/** A marker only counts while its process lives and still holds its port (pids get reused). */
export async function liveMarker(dataDir: string): Promise<Marker | undefined> {
  const marker = await readMarker(dataDir)
  if (!marker) return undefined
  if (isPidAlive(marker.pid) && (await isPortOpen(marker.port))) return marker
  return undefined
}

export async function removeMarkerIfOwned(dataDir: string, pid: number | undefined): Promise<void> {
  const marker = await readMarker(dataDir)
  if (marker && marker.pid === pid) await rm(markerPath(dataDir), { force: true })
}

export async function writeMarker(dataDir: string, marker: Marker): Promise<void> {
  await mkdir(dataDir, { recursive: true })
  await writeFile(markerPath(dataDir), `${JSON.stringify(marker, null, 2)}\n`)
}
