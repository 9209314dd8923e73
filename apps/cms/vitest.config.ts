import tsconfigPaths from 'vite-tsconfig-paths'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    environment: 'node',
    include: ['tests/int/**/*.int.spec.ts'],
    globalSetup: ['./tests/int/globalSetup.ts'],
    // One database for the run: files go one at a time so their fixtures never interleave.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 600_000,
    reporters: ['default', ['json', { outputFile: '../../.test-results/cms.json' }]],
  },
})
