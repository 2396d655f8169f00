import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scratch } from './support/run-outro.js';

interface Summary {
  runs: number;
  withAgents: number;
  failures: Record<string, number>;
  fuzzerErrors: number[];
}

/**
 * Issue 16, `npm run fuzz` in under 30 minutes: most runs ingest without the agents (the readers
 * and the log, what a mutated export attacks); every --agents-every'th run ingests with them and
 * then asks and briefs. Runs the fuzzer itself over three seeds (the built CLI, as `npm run fuzz`).
 */
describe('hostile: the fuzz run samples the agents', { timeout: 300_000 }, () => {
  let dirs: ReturnType<typeof scratch>;
  beforeEach(() => (dirs = scratch()));
  afterEach(() => dirs.cleanup());

  it('runs the agents, ask and brief on every third run only, and records the rest without them', () => {
    const out = join(dirs.work, 'fuzz');
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/fuzz/fuzz.ts',
        '--runs',
        '3',
        '--seed',
        '7',
        '--jobs',
        '1',
        '--agents-every',
        '3',
        '--out',
        out,
      ],
      { encoding: 'utf8', timeout: 280_000 },
    );
    expect(run.stderr).toBe('');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
    expect(summary).toMatchObject({ runs: 3, withAgents: 1, fuzzerErrors: [] });
    expect(summary.failures).toEqual({ crash: 0, hang: 0, memory: 0 });
    const lines = run.stdout.split('\n').filter((line) => /^\[\d\/3\]/.test(line));
    expect(lines).toHaveLength(3);
    // The first run (index 0) is the sampled one: with the agents, then ask and brief where
    // something was stored; the other two ingest alone (--no-agents).
    expect(lines[0]).toMatch(/^\[\d\/3\] seed \d+ \[agents\] /);
    for (const line of lines.slice(1)) {
      expect(line).not.toContain('[agents]');
      expect(line).not.toMatch(/, ask /);
    }
    expect(run.stdout).toMatch(/3 runs \(1 with the agents, ask and brief\)/);
  });
});
