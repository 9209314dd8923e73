import config from '@payload-config'
import { getPayload } from 'payload'

import { env, isProduction, missingProductionSettings } from './env'
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
  const payload = await getPayload({ config })
  if (isProduction) return
  if (env.SEED_ON_START) await seedIfEmpty({ payload })
  await ensureDevAccounts({ payload })
}
