import type { MongoClient, TopologyDescriptionChangedEvent } from 'mongodb'

/**
 * Whether the database can be reached, as the MongoDB driver sees it: every server it knows of
 * turned `Unknown` (refused, reset, timed out) means unreachable; any server answering again means
 * reachable. Kept on `globalThis` because Next bundles each route separately and only the one that
 * connected Payload hears the driver.
 */
type Health = { unreachableSince: number | undefined; watched: WeakSet<MongoClient> }

const KEY = Symbol.for('copydesk.databaseHealth')
const health = (): Health =>
  ((globalThis as { [KEY]?: Health })[KEY] ??= {
    unreachableSince: undefined,
    watched: new WeakSet(),
  })

/** When the database became unreachable (ms since the epoch), or undefined while it answers. */
export const databaseUnreachableSince = (): number | undefined => health().unreachableSince

/** Follows the driver's view of its servers from now on (once per client). */
export const watchDatabaseHealth = (client: MongoClient): void => {
  const state = health()
  if (state.watched.has(client)) return
  state.watched.add(client)
  state.unreachableSince = undefined
  client.on('topologyDescriptionChanged', (event: TopologyDescriptionChangedEvent) => {
    const servers = [...event.newDescription.servers.values()]
    const isReachable = servers.some((server) => server.type !== 'Unknown')
    if (isReachable) state.unreachableSince = undefined
    else state.unreachableSince ??= Date.now()
  })
}
