import config from '@payload-config'
import { getPayload } from 'payload'

import { foreignDocuments, removeArchive, writeArchive } from './write'

const USAGE = 'usage: npm run seed:archive -- --stories <count> [--force]'

const parseArgs = (args: string[]) => {
  let stories = 1000
  let isForced = false
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]
    if (arg === '--force') isForced = true
    else if (arg === '--stories') {
      stories = Number(args[i + 1])
      i += 1
    } else throw new Error(`unknown argument "${arg}"\n${USAGE}`)
  }
  if (!Number.isSafeInteger(stories) || stories < 1 || stories > 10_000_000)
    throw new Error(`--stories takes a whole number from 1 to 10,000,000\n${USAGE}`)
  return { stories, isForced }
}

const bar = (done: number, total: number, startedAt: number) => {
  const width = 30
  const filled = Math.round((done / total) * width)
  const seconds = (Date.now() - startedAt) / 1000
  const rate = done / Math.max(seconds, 0.001)
  const eta = rate > 0 ? Math.round((total - done) / rate) : 0
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en')}/${total.toLocaleString('en')} stories  ${Math.round(rate)}/s  ${eta}s left`
}

// `payload run` executes this file with the config's environment loaded:
// `npm run seed:archive -- --stories 100000` fills the database DATABASE_URI (or devdb) names.
// (The package script ends in `--`: `payload run` would take `--stories` as its own option.)
const main = async () => {
  const { stories, isForced } = parseArgs(process.argv.slice(2).map(String))
  const payload = await getPayload({ config })
  try {
    const foreign = await foreignDocuments(payload)
    const held = Object.entries(foreign).filter(([, count]) => count > 0)
    if (held.length > 0 && !isForced) {
      console.error(
        `seed:archive: this database holds content the archive did not write (${held.map(([kind, count]) => `${count} ${kind}`).join(', ')}); nothing was written. Use an empty database (npm run db:reset) or add --force to add the archive next to it.`,
      )
      process.exitCode = 1
      return
    }
    await removeArchive(payload)
    const startedAt = Date.now()
    const isTerminal = process.stdout.isTTY
    let lastLine = 0
    await writeArchive({
      payload,
      stories,
      onProgress: (done) => {
        // One updating line on a terminal; a line every few seconds in a log.
        if (isTerminal) process.stdout.write(`\r${bar(done, stories, startedAt)}`)
        else if (done === stories || Date.now() - lastLine > 5000) {
          lastLine = Date.now()
          console.log(bar(done, stories, startedAt))
        }
      },
    })
    const seconds = (Date.now() - startedAt) / 1000
    if (isTerminal) process.stdout.write('\n')
    console.log(
      `archive: stories=${stories} seconds=${seconds.toFixed(1)} stories_per_s=${Math.round(stories / seconds)}`,
    )
    process.exitCode = 0
  } finally {
    await payload.destroy()
  }
  process.exit(process.exitCode)
}

await main().catch((error: unknown) => {
  console.error(`seed:archive: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
