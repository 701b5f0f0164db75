import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A zone far from Asia/Shanghai, so that code which forgets the office's zone fails.
    env: { TZ: 'America/Los_Angeles' },
    reporters: ['default'],
    globalSetup: ['test/support/global-setup.ts'],
  },
});
