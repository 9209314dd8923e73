import config from '@payload-config'
import { getPayload } from 'payload'

import { env, isProduction, missingProductionSettings, revalidation } from './env'
import { migrations } from './migrations'
import { ensureDevAccounts } from './seed/devAccounts'
import { seedIfEmpty } from './seed/seedIfEmpty'

export const startup = async () => {
  const missing = missingProductionSettings()
  if (missing.length > 0) {
    console.error(
      `Refusing to start in production without ${missing.join(' and ')}. See .env.example.`,
    )
    process.exit(1)
  }
  // `cron` starts the jobs queue's poller now rather than on the first request (src/jobs).
  const payload = await getPayload({ config, cron: true })
  if (!revalidation) {
    payload.logger.warn(
      'REVALIDATE_SECRET is not set, so revalidation is off: the reader site keeps serving its cached pages after changes. See .env.example.',
    )
  }
  if (isProduction) return
  // A development database from before a schema change comes up in the current shape (production
  // runs the same migrations on connect: database.ts).
  await payload.db.migrate({ migrations })
  if (env.SEED_ON_START) await seedIfEmpty({ payload })
  await ensureDevAccounts({ payload })
}
