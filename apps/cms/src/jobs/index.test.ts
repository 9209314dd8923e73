import { afterEach, describe, expect, it, vi } from 'vitest'

import type { Payload } from 'payload'

const loadJobs = async (value: string | undefined) => {
  vi.resetModules()
  vi.stubEnv('CMS_JOBS', value)
  return (await import('./index')).jobs
}

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('jobs', () => {
  it('runs the queue in a CMS process by default', async () => {
    const jobs = await loadJobs(undefined)
    expect(await jobs.shouldAutoRun?.({} as Payload)).toBe(true)
  })

  it('leaves the queue to the one runner when CMS_JOBS=off', async () => {
    const jobs = await loadJobs('off')
    expect(await jobs.shouldAutoRun?.({} as Payload)).toBe(false)
  })

  it('refuses a value it does not know, naming the setting', async () => {
    await expect(loadJobs('maybe')).rejects.toThrow(/CMS_JOBS|Invalid environment variables/)
  })
})
