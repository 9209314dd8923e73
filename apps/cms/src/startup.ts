import config from '@payload-config'
import { getPayload } from 'payload'

import { env, isProductionRuntime } from './env'
import { ensureDevAccounts } from './seed/devAccounts'
import { seedIfEmpty } from './seed/seedIfEmpty'

export const startup = async () => {
  const payload = await getPayload({ config })
  if (isProductionRuntime) return
  if (env.SEED_ON_START) await seedIfEmpty({ payload })
  await ensureDevAccounts({ payload })
}
