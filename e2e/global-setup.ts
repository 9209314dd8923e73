import { ACCOUNTS, cmsUrl, E2E, webWorkerUrls } from './env'
import { runImport } from './seed'

/**
 * Prepares the production stack the way a newsroom would: the content import (`npm run seed`)
 * and the first admin through Payload's first-register endpoint, who then creates the others.
 */
/** Playwright waits for one address per server; the site has a worker on each of these. */
const waitForWorkers = async () => {
  const deadline = Date.now() + 60_000
  for (const url of webWorkerUrls) {
    while (
      !(await fetch(`${url}/robots.txt`).then(
        (res) => res.ok,
        () => false,
      ))
    ) {
      if (Date.now() > deadline) throw new Error(`no site worker answered at ${url} within 60 s`)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
}

export default async function globalSetup() {
  await waitForWorkers()
  const seed = runImport()
  if (seed.status !== 0)
    throw new Error(`seed failed (${seed.status}):\n${seed.stdout}\n${seed.stderr}`)

  const [admin, ...others] = ACCOUNTS
  const first = await fetch(`${cmsUrl}/api/users/first-register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: admin.email, name: admin.name, password: E2E.password }),
  })
  if (!first.ok) throw new Error(`first-register answered ${first.status}: ${await first.text()}`)
  const { token } = (await first.json()) as { token: string }

  for (const account of others) {
    const res = await fetch(`${cmsUrl}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({
        email: account.email,
        name: account.name,
        roles: [account.role],
        password: E2E.password,
      }),
    })
    if (!res.ok)
      throw new Error(`creating ${account.email} answered ${res.status}: ${await res.text()}`)
  }
}
