import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/temporary-folder.ts'],
    testTimeout: 60_000,
    // Browser and server set-up (Chromium, Redis) can take long on a loaded 2-core machine.
    hookTimeout: 120_000,
  },
})
