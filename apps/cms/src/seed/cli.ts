import config from '@payload-config'
import { getPayload } from 'payload'

import { contentDir } from '../env'
import { ContentValidationError } from './content'
import { formatSummary, isUnchanged, seed } from './seed'

// `payload run` executes this file with the config's environment loaded.
const main = async () => {
  const startedAt = Date.now()
  const payload = await getPayload({ config })
  console.log(`Importing ${contentDir}`)
  try {
    const summary = await seed({ payload, contentDir, log: (line) => console.log(line) })
    console.log(`\n${formatSummary(summary)}\n`)
    console.log(
      isUnchanged(summary)
        ? `Nothing to do: the database already matches content/ (${Date.now() - startedAt} ms).`
        : `Seeded in ${Date.now() - startedAt} ms.`,
    )
    process.exitCode = 0
  } catch (error) {
    if (error instanceof ContentValidationError) {
      console.error(error.message)
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
