import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // Some tests start real Redis and site processes; one file at a time on two cores.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Settings from the developer's shell would point the tests at their servers.
    env: { REDIS_URL: '', REDIS_PORT: '', WEB_WORKERS: '', WEB_PORT: '' },
    reporters: ['default', ['json', { outputFile: '../../.test-results/origin.json' }]],
  },
})
