// Adds up the JSON reports every test runner in the monorepo writes to .test-results/ and
// prints one line per suite, then the total as the last line: "N passed, N failed, N skipped".
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../.test-results')
const expected = (process.argv[2] ?? '').split(',').filter(Boolean)

const counts = (report) => {
  // Playwright
  if (report.stats && 'expected' in report.stats) {
    const { expected: ok, unexpected, flaky, skipped } = report.stats
    // Errors outside any test (a web server that could not start, a crashed global setup).
    return { passed: ok + flaky, failed: unexpected + (report.errors?.length ?? 0), skipped }
  }
  // Vitest (Jest-compatible JSON)
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0),
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  }
}

let files = []
try {
  files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
} catch {
  // no reports at all: counted as a failure below
}

const total = { passed: 0, failed: 0, skipped: 0 }
for (const file of files) {
  const c = counts(JSON.parse(readFileSync(path.join(dir, file), 'utf8')))
  // A suite that ran nothing at all did not pass; it must not read as a clean line.
  const ranNothing = c.passed + c.failed + c.skipped === 0
  if (ranNothing) c.failed = 1
  console.log(
    `${path.basename(file, '.json').padEnd(10)} ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped${ranNothing ? ' (no test ran)' : ''}`,
  )
  for (const key of Object.keys(total)) total[key] += c[key]
}
// A suite that crashed before writing its report must not vanish from the count.
for (const name of expected) {
  if (!files.includes(`${name}.json`)) {
    console.log(`${name.padEnd(10)} no report (the suite did not run to the end)`)
    total.failed += 1
  }
}
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`)
process.exitCode = total.failed > 0 || total.passed === 0 ? 1 : 0
