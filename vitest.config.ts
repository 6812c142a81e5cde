import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The bot tests start real HTTP servers and child processes; 2 cores is the machine size.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    env: { TZ: 'UTC' },
  },
});
