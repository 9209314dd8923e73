import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    // The tests start real database processes; running files side by side on 2 cores only adds flakiness.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // An external database from the developer's shell would make every test skip the code under test.
    env: {
      DATABASE_URI: '',
      DEVDB_PORT: '',
      DEVDB_DATA_DIR: '',
      DEVDB_PASSWORD: '',
    },
    reporters: ['default', ['json', { outputFile: '../../.test-results/devdb.json' }]],
  },
})
