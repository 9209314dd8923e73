import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { databaseUri, E2E, inheritedEnv, webUrl } from './env'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/**
 * The newsroom's import (`npm run seed [-- <folder>]`, `content/` by default) against the
 * end-to-end stack. It announces what it changed to the e2e site, as a publish does.
 */
export const runImport = (folder?: string) =>
  spawnSync('npm', ['run', 'seed', ...(folder ? ['--', folder] : [])], {
    cwd: root,
    env: {
      ...inheritedEnv,
      DATABASE_URI: databaseUri,
      PAYLOAD_SECRET: E2E.secret,
      WEB_URL: webUrl,
      REVALIDATE_SECRET: E2E.revalidateSecret,
    },
    encoding: 'utf8',
  })
