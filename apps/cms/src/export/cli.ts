import config from '@payload-config'
import path from 'node:path'
import { getPayload } from 'payload'

import { contentDir as defaultContentDir, invocationDir } from '../env'
import { ExportPathError, exportContent, formatExportSummary } from './exportContent'

// `payload run` executes this file with the config's environment loaded. The one optional
// argument is the folder to write (`npm run export -- path/to/folder`); content/ by default.
const main = async () => {
  const startedAt = Date.now()
  const contentDir = path.resolve(invocationDir, process.argv[2] ?? defaultContentDir)
  const payload = await getPayload({ config })
  console.log(`Exporting published articles, authors and FAQs to ${contentDir}`)
  try {
    const summary = await exportContent({ payload, contentDir, log: (line) => console.log(line) })
    console.log(`\n${formatExportSummary(summary)}\n`)
    if (summary.untouched.length > 0) {
      console.log(
        `Left alone (no published document by that slug): ${summary.untouched.join(', ')}`,
      )
    }
    console.log(
      `Exported in ${Date.now() - startedAt} ms. Drafts and workflow history are not exported.`,
    )
    process.exitCode = 0
  } catch (error) {
    if (!(error instanceof ExportPathError)) throw error
    console.error(`export: ${error.message}`)
    process.exitCode = 1
  } finally {
    await payload.destroy()
  }
  process.exit(process.exitCode)
}

await main()
