/**
 * Next.js calls this once when the server starts. Payload is initialised here rather than on
 * the first request so that a fresh development database is seeded, and the development
 * accounts are ready, before anyone opens the admin.
 */
export async function register() {
  // Next.js only drops the Node.js-only import from its Edge bundle when it sees this exact
  // comparison, so it cannot go through env.ts.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startup } = await import('./startup')
    await startup()
  }
}
