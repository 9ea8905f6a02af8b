import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/{unit,backend,electron,security,renderer,faults,properties}/**/*.test.ts'],
    environment: 'node',
    // Backend tests open real SQLite files and spawn processes: give them room on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
