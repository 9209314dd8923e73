import type { Payload } from 'payload'

import type { Role } from '@copydesk/workflow/roles'

export const DEV_PASSWORD = 'copydesk-dev'

export const DEV_ACCOUNTS: { email: string; name: string; role: Role }[] = [
  { email: 'admin@example.com', name: 'Ada Admin', role: 'admin' },
  { email: 'editor@example.com', name: 'Eddie Editor', role: 'editor' },
  { email: 'writer@example.com', name: 'Wren Writer', role: 'writer' },
]

/**
 * Creates the three development accounts if they are missing and prints them. Never called
 * in production (see startup.ts).
 */
export const ensureDevAccounts = async ({ payload }: { payload: Payload }) => {
  for (const account of DEV_ACCOUNTS) {
    const { totalDocs } = await payload.count({
      collection: 'users',
      where: { email: { equals: account.email } },
      overrideAccess: true,
    })
    if (totalDocs > 0) continue
    await payload.create({
      collection: 'users',
      data: {
        email: account.email,
        name: account.name,
        roles: [account.role],
        password: DEV_PASSWORD,
      },
      overrideAccess: true,
    })
  }
  const lines = DEV_ACCOUNTS.map(
    (a) => `  ${a.role.padEnd(7)} ${a.email.padEnd(20)} ${DEV_PASSWORD}`,
  )
  payload.logger.info(
    `Development accounts (sign in at ${payload.config.serverURL}/admin):\n${lines.join('\n')}`,
  )
}
