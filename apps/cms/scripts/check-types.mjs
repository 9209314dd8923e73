// Fails when packages/types/src/payload-types.ts differs from what the Payload config generates,
// so a schema change can't land without its types.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const committed = path.resolve(here, '../../../packages/types/src/payload-types.ts')
const dir = mkdtempSync(path.join(tmpdir(), 'copydesk-types-'))
const generated = path.join(dir, 'payload-types.ts')

try {
  execFileSync('npx', ['payload', 'generate:types'], {
    cwd: path.resolve(here, '..'),
    // See the seed script in package.json: Lexical's top-level await needs this condition on Node 20.
    env: {
      ...process.env,
      NODE_OPTIONS: '--conditions=production',
      PAYLOAD_TYPES_OUTPUT: generated,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (readFileSync(generated, 'utf8') !== readFileSync(committed, 'utf8')) {
    console.error(
      'packages/types/src/payload-types.ts is out of date with the Payload config.\n' +
        'Run `npm run generate:types` and commit the result.',
    )
    process.exit(1)
  }
  console.log('payload-types.ts matches the Payload config.')
} finally {
  rmSync(dir, { recursive: true, force: true })
}
