import config from '@payload-config'
import type { Payload } from 'payload'
import { getPayload } from 'payload'

let instance: Promise<Payload> | undefined

/**
 * One Payload per test file, connected to the run's database (see globalSetup.ts), with the jobs
 * queue's poller running as it does in the server.
 */
export const testPayload = (): Promise<Payload> => (instance ??= getPayload({ config, cron: true }))

/** A unique suffix so parallel-looking fixtures never collide on unique slugs. */
export const uid = (): string => Math.random().toString(36).slice(2, 8)
