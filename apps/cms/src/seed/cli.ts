import config from '@payload-config'
import path from 'node:path'
import { getPayload } from 'payload'

import { contentDir as defaultContentDir, invocationDir } from '../env'
import { ContentPathError, ContentValidationError } from './content'
import { formatSummary, isUnchanged, seed } from './seed'

// `payload run` executes this file with the config's environment loaded. The one optional
// argument is the folder to import (`npm run seed -- path/to/content`); content/ by default.
const main = async () => {
  const startedAt = Date.now()
  const contentDir = path.resolve(invocationDir, process.argv[2] ?? defaultContentDir)
  const payload = await getPayload({ config })
  console.log(`Importing ${contentDir}`)
  try {
    const summary = await seed({ payload, contentDir, log: (line) => console.log(line) })
    console.log(`\n${formatSummary(summary)}\n`)
    console.log(
      isUnchanged(summary)
        ? `Nothing to do: the database already matches ${contentDir} (${Date.now() - startedAt} ms).`
        : `Imported in ${Date.now() - startedAt} ms; every change was announced to the reader site (a site that was not reachable gets it from the jobs queue).`,
    )
    process.exitCode = 0
  } catch (error) {
    if (error instanceof ContentValidationError || error instanceof ContentPathError) {
      console.error(`import: ${error.message}`)
      process.exitCode = 1
    } else {
      throw error
    }
  } finally {
    await payload.destroy()
  }
  process.exit(process.exitCode)
}

await main()
