import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one fewer worker than CPUs: one on a 2-core CI machine, every file in
    // turn, while most of the slow files wait on child processes (the CLI, daemons, crash workers).
    maxWorkers: 2,
    // Child-process tests run the built CLI: rebuild dist/ first when src/ is newer.
    globalSetup: ['test/built-cli-setup.ts'],
  },
});
