import path from 'node:path'

import { databaseUri, invocationDir, mediaDir } from '../env'
import { backupDatabase } from './backup'
import { formatBytes, formatManifest } from './summary'

/**
 * `npm run backup -- [archive]`: the whole database and the media files in one archive
 * (default `copydesk-<date>.backup.gz` where the command was typed). Talks to the database
 * through the driver only, so it runs on any engine devdb starts and on any `DATABASE_URI`.
 */
const main = async () => {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)
  const file = path.resolve(invocationDir, process.argv[2] ?? `copydesk-${stamp}.backup.gz`)
  const { hostname, pathname } = new URL(databaseUri)
  console.log(
    `Backing up database "${pathname.slice(1)}" on ${hostname} and ${mediaDir} to ${file}`,
  )
  try {
    const result = await backupDatabase({
      uri: databaseUri,
      mediaDir,
      file,
      log: (line) => console.log(line),
    })
    console.log(`\n${formatManifest(result.manifest)}\n`)
    console.log(`Backup written in ${result.ms} ms: ${result.file} (${formatBytes(result.bytes)}).`)
  } catch (error) {
    console.error(`backup: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  }
}

await main()
