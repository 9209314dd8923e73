import path from 'node:path'

import { databaseUri, invocationDir, mediaDir } from '../env'
import { ArchiveError } from './archive'
import { RestoreRefusedError, restoreDatabase } from './restore'
import { formatManifest } from './summary'

/**
 * `npm run restore -- <archive> [--replace]`: loads a backup into an empty database and media
 * folder; `--replace` deletes what is there first.
 */
const main = async () => {
  const args = process.argv.slice(2)
  const replace = args.includes('--replace')
  const [archive, ...rest] = args.filter((arg) => arg !== '--replace')
  if (!archive || rest.length > 0) {
    console.error('restore: usage: npm run restore -- <archive> [--replace]')
    process.exitCode = 2
    return
  }
  const file = path.resolve(invocationDir, archive)
  const { hostname, pathname } = new URL(databaseUri)
  console.log(
    `Restoring ${file} into database "${pathname.slice(1)}" on ${hostname} and ${mediaDir}`,
  )
  try {
    const result = await restoreDatabase({
      uri: databaseUri,
      mediaDir,
      file,
      replace,
      log: (line) => console.log(line),
    })
    console.log(`\n${formatManifest(result.manifest)}\n`)
    console.log(`Restored in ${result.ms} ms; every collection and file matched its checksum.`)
  } catch (error) {
    if (error instanceof ArchiveError) console.error(`restore: ${file}: ${error.message}`)
    else if (error instanceof RestoreRefusedError) console.error(`restore: ${error.message}`)
    else console.error(`restore: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  }
}

await main()
