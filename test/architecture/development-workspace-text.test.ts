import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The development workspace (../shared/datasets/workspaces/fernhill) measures understanding; a
 * second workspace nobody here has seen judges it. Its sentences may not be written into the code,
 * the tests, the act-training data or the README, or the project is tuned to its wording: no run of
 * WINDOW words from one of its messages appears in those files. Skipped where ../shared is absent.
 */
const WORKSPACE = resolve('..', 'shared', 'datasets', 'workspaces', 'fernhill');
const WINDOW = 7;
const SCANNED = [
  'src',
  'test',
  'scripts',
  'bench',
  'fixtures/dialogue-acts',
  'fixtures/probes',
  'evals',
  'README.md',
];
/** Wording common to any chat, which the development workspace happens to use too. */
const COMMON = ['it would be great if someone could'];

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) =>
    entry.name === 'node_modules' ? [] : files(join(path, entry.name)),
  );
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
}

function windows(text: string): string[] {
  const all = words(text);
  const out: string[] = [];
  for (let i = 0; i + WINDOW <= all.length; i++) out.push(all.slice(i, i + WINDOW).join(' '));
  return out;
}

/** Every string value with a space in it from the workspace's chat exports, and its calendar's texts. */
function workspaceSentences(): string[] {
  const out: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.includes(' ') && !/^https?:/.test(value)) out.push(value);
    } else if (Array.isArray(value)) value.forEach(collect);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const file of files(WORKSPACE)) {
    if (file.endsWith('.json') && !file.endsWith('truth.json'))
      collect(JSON.parse(readFileSync(file, 'utf8')));
    if (file.endsWith('.ics'))
      out.push(...(readFileSync(file, 'utf8').match(/^(?:SUMMARY|DESCRIPTION|LOCATION)[;:].*$/gm) ?? []));
  }
  return out;
}

describe.skipIf(!existsSync(join(WORKSPACE, 'truth.json')))(
  'the development workspace is measured on, never written into the project',
  () => {
    it(`no ${WINDOW} words in a row of its messages appear in src, tests, scripts, training data or the README`, () => {
      const common = new Set(COMMON.flatMap(windows));
      const known = new Set(workspaceSentences().flatMap(windows));
      for (const window of common) known.delete(window);
      expect(known.size).toBeGreaterThan(1_000);
      const found: string[] = [];
      for (const file of SCANNED.flatMap((path) => files(resolve(path)))) {
        if (!/\.(?:ts|tsx|mts|mjs|js|json|jsonl|md|txt)$/.test(file)) continue;
        const seen = windows(readFileSync(file, 'utf8')).filter((window) => known.has(window));
        if (seen.length > 0) found.push(`${relative('.', file)}: "${seen[0]}"`);
      }
      expect(found).toEqual([]);
    });
  },
);
