import type { JobsConfig } from 'payload'

import { revalidateTask } from './revalidate'

/**
 * Background work, run inside the CMS server: `autoRun` polls the queue every 5 seconds, so
 * `npm run dev`, `npm run start` and the tests need no separate worker. Payload starts the
 * poller with the first `getPayload({ cron: true })` (see startup.ts) and never during
 * `next build`. This assumes a long-running server, not a serverless host.
 */
export const jobs: JobsConfig = {
  tasks: [revalidateTask],
  autoRun: [{ cron: '*/5 * * * * *', queue: 'default', limit: 10 }],
}
