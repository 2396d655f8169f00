// `npm run lint`: correctness rules for TypeScript, and the layer rules of docs/ARCHITECTURE.md that
// imports can break (the full layer table, cycles and the storage boundary are tests in test/architecture).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const UI_PACKAGES = ['ink', 'ink/*', 'react', 'react/*', 'commander', 'ink-testing-library'];
const STORAGE_PACKAGES = ['better-sqlite3', 'kuzu'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'fixtures/**', 'models/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        fetch: 'readonly',
        queueMicrotask: 'readonly',
        globalThis: 'readonly',
        NodeJS: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Terminal escape codes and NUL separators are matched on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    // Tests, benchmarks and the test fakes read untyped JSON on purpose.
    files: ['**/*.test.ts', '**/*.test.tsx', 'bench/**', 'src/**/testing/**', 'src/**/test-support/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/cli/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: UI_PACKAGES,
              message: 'Only src/cli renders: ink, react and commander stay there (docs/ARCHITECTURE.md).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/memory/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: STORAGE_PACKAGES,
              message:
                'Only src/memory touches storage: put the query behind a memory/ store (docs/ARCHITECTURE.md).',
            },
            {
              group: ['**/memory/**/kuzu/**'],
              message: 'Open the graph through memory/graph/open-graph.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'src/cli/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: STORAGE_PACKAGES, message: 'Only src/memory touches storage.' },
            {
              group: ['**/memory/**/kuzu/**'],
              message: 'Open the graph through memory/graph/open-graph.ts.',
            },
          ],
        },
      ],
    },
  },
);
