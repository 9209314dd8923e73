import type { ChildProcess } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'

import type { Marker } from './marker.ts'
import { markerPath, removeMarkerIfOwned } from './marker.ts'
import type { DatabaseHandle } from './types.ts'
import { hasExited, waitForExit } from './util.ts'

// Children we started are stopped when this process ends, however it ends.

const STOP_GRACE_MS = 10_000

export type OwnedProcess = {
  child: ChildProcess
  /** How this process is asked to stop (PostgreSQL: SIGINT, its fast shutdown). */
  stopSignal?: NodeJS.Signals
}

type Owned = {
  processes: OwnedProcess[]
  dataDir: string | undefined
  /** The marker in dataDir is ours while it names this pid. */
  markerPid: number | undefined
  handle: DatabaseHandle
  cleanup: (() => void) | undefined
}

const owned = new Set<Owned>()
const exitPromises = new WeakMap<DatabaseHandle, Promise<void>>()
let hooksInstalled = false

function onProcessExit(): void {
  for (const entry of owned) {
    for (const { child, stopSignal } of entry.processes) {
      if (!hasExited(child)) child.kill(stopSignal ?? 'SIGTERM')
    }
    entry.cleanup?.()
    if (entry.dataDir) {
      try {
        // 'exit' listeners must be synchronous.
        const marker = JSON.parse(readFileSync(markerPath(entry.dataDir), 'utf8')) as Marker
        if (marker.pid === entry.markerPid) rmSync(markerPath(entry.dataDir), { force: true })
      } catch {
        // no marker to clean up
      }
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  // A host with its own handler (such as `exec`, which waits for its command) decides when to stop.
  if (process.listenerCount(signal) > 1) return
  void Promise.allSettled([...owned].map((entry) => entry.handle.stop())).then(() => {
    // Even if a stop failed, our listener must go, or the re-raised signal would land here again.
    owned.clear()
    uninstallHooks()
    // Re-raise so the process ends the way it would have without our listener.
    process.kill(process.pid, signal)
  })
}

function installHooks(): void {
  if (hooksInstalled) return
  hooksInstalled = true
  process.on('exit', onProcessExit)
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
}

function uninstallHooks(): void {
  if (!hooksInstalled || owned.size > 0) return
  hooksInstalled = false
  process.off('exit', onProcessExit)
  process.off('SIGINT', onSignal)
  process.off('SIGTERM', onSignal)
}

export async function terminate({ child, stopSignal }: OwnedProcess): Promise<void> {
  // No pid: the spawn itself failed, so there is nothing to wait for.
  if (child.pid === undefined || hasExited(child)) return
  child.kill(stopSignal ?? 'SIGTERM')
  if (await waitForExit(child, STOP_GRACE_MS)) return
  child.kill('SIGKILL')
  await waitForExit(child, STOP_GRACE_MS)
}

/**
 * Ties processes to this one: stop() ends them in the order given, and so does this process's exit.
 * The handle counts as exited as soon as any of them exits (a gateway without its PostgreSQL, or
 * the other way round, is no database).
 */
export function ownProcesses(
  processes: OwnedProcess[],
  options: {
    dataDir: string | undefined
    base: Omit<DatabaseHandle, 'stop'>
    /** Runs after the processes have stopped, also (synchronously) on exit. */
    cleanup?: () => void
  },
): DatabaseHandle {
  let stopping: Promise<void> | undefined
  const markerPid = processes[0]?.child.pid
  const entry: Owned = {
    processes,
    dataDir: options.dataDir,
    markerPid,
    cleanup: options.cleanup,
    handle: {
      ...options.base,
      stop: () =>
        (stopping ??= (async () => {
          for (const proc of processes) await terminate(proc)
          owned.delete(entry)
          uninstallHooks()
          options.cleanup?.()
          if (options.dataDir) await removeMarkerIfOwned(options.dataDir, markerPid)
        })()),
    },
  }
  owned.add(entry)
  installHooks()
  exitPromises.set(
    entry.handle,
    Promise.race(
      processes.map(
        ({ child }) =>
          new Promise<void>((resolveExit) => {
            if (hasExited(child)) resolveExit()
            else child.once('exit', () => resolveExit())
          }),
      ),
    ),
  )
  return entry.handle
}

export function ownChild(
  child: ChildProcess,
  dataDir: string | undefined,
  base: Omit<DatabaseHandle, 'stop'>,
): DatabaseHandle {
  return ownProcesses([{ child }], { dataDir, base })
}

/**
 * Resolves when a database process started by this handle exits, whether through stop() or on its
 * own; undefined for handles that own no process.
 */
export function databaseExited(handle: DatabaseHandle): Promise<void> | undefined {
  return exitPromises.get(handle)
}

export function describeExit(child: ChildProcess): string {
  return child.signalCode ? `signal ${child.signalCode}` : `code ${child.exitCode}`
}
