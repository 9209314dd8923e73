import { randomBytes } from 'node:crypto'

/**
 * Each test file gets a database of its own on the run's server (see globalSetup.ts), and with it
 * a jobs queue of its own: no file sees another's documents, or picks up the revalidation and
 * scheduled-publish jobs another file queued. This runs before the file imports the Payload
 * config, which reads DATABASE_URI once.
 */
const base = process.env.DATABASE_URI
const prefix = process.env.TEST_DATABASE_PREFIX
if (!base || !prefix) throw new Error('globalSetup.ts sets DATABASE_URI and TEST_DATABASE_PREFIX')

const uri = new URL(base)
uri.pathname = `/${prefix}${randomBytes(4).toString('hex')}`
process.env.DATABASE_URI = uri.toString()
