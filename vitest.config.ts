import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Child-process tests run the built CLI: rebuild dist/ first when src/ is newer.
    globalSetup: ['test/built-cli-setup.ts'],
  },
});
