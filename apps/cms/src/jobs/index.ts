import type { JobsConfig } from 'payload'

import { isEditorAccess } from '../access/isEditor'
import { env } from '../env'

import { notifyTask } from './notify'
import { revalidateTask } from './revalidate'
import { publishScheduledTask, unpublishScheduledTask } from './schedule'

/**
 * Background work, run inside the CMS server: `autoRun` polls the queue every second (a scheduled publish is
 * due to the second), so
 * `npm run dev`, `npm run start` and the tests need no separate worker. Payload starts the
 * poller with the first `getPayload({ cron: true })` (see startup.ts) and never during
 * `next build`. This assumes a long-running server, not a serverless host. With several CMS
 * processes on one database, exactly one runs the queue (`CMS_JOBS`, see env.ts).
 */
export const jobs: JobsConfig = {
  tasks: [revalidateTask, publishScheduledTask, unpublishScheduledTask, notifyTask],
  autoRun: [{ cron: '* * * * * *', queue: 'default', limit: 10 }],
  // One runner per database: the others (CMS_JOBS=off) only queue work for it.
  shouldAutoRun: () => env.CMS_JOBS === 'on',
  // Scheduled and failed jobs are part of the newsroom's day: editors can see them.
  // Read-only: jobs are written by the workflow and the queue, never by hand.
  jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
    ...defaultJobsCollection,
    labels: { singular: 'Job', plural: 'Jobs' },
    access: { ...defaultJobsCollection.access, read: isEditorAccess },
    admin: {
      ...defaultJobsCollection.admin,
      hidden: false,
      group: 'Workflow',
      defaultColumns: ['taskSlug', 'waitUntil', 'totalTried', 'hasError', 'completedAt'],
      description: 'Scheduled publishes, notifications and revalidation retries, with any errors.',
    },
  }),
}
