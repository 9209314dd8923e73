import tsconfigPaths from 'vite-tsconfig-paths'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    environment: 'node',
    include: ['tests/int/**/*.int.spec.ts', 'src/**/*.test.ts'],
    globalSetup: ['./tests/int/globalSetup.ts'],
    // A database (and so a jobs queue) per file; files still run one at a time on two cores.
    setupFiles: ['./tests/int/isolateDatabase.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 600_000,
    reporters: ['default', ['json', { outputFile: '../../.test-results/cms.json' }]],
  },
})
