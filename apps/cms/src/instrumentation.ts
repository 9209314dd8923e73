import { isNodeRuntime } from './env'

/**
 * Next.js calls this once when the server starts. Payload is initialised here rather than on
 * the first request so that a fresh development database is seeded, and the development
 * accounts are ready, before anyone opens the admin.
 */
export async function register() {
  if (!isNodeRuntime) return
  const { startup } = await import('./startup')
  await startup()
}
