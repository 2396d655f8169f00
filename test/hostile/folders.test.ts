import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discordExport } from './support/inputs.js';
import { outro, report, scratch, tree } from './support/run-outro.js';

/**
 * Issue 16, walking folders: `outro ingest p/l2` with `up -> ..` stored files outside p/l2 (40
 * levels deep), `self -> .` read one file 41 times, both together never finished (killed at 300 s,
 * 1.2 GB). Measured after (2 shared cores, agents included): 12.3 s / 422 MB for the farm below; ceilings 10×.
 */
describe('hostile: a symlink farm', () => {
  let dirs: ReturnType<typeof scratch>;
  beforeEach(() => (dirs = scratch()));
  afterEach(() => dirs.cleanup());

  it(
    'stores only what is inside the folder given, once, and names each skipped link',
    { timeout: 300_000 },
    () => {
      const parent = join(dirs.work, 'p');
      const root = join(parent, 'l2');
      mkdirSync(join(root, 'deep'), { recursive: true });
      writeFileSync(
        join(parent, 'outside.json'),
        discordExport({ messages: 3, channel: '1200000000000000009' }),
      );
      writeFileSync(join(root, 'general.json'), discordExport({ messages: 4 }));
      writeFileSync(
        join(root, 'deep', 'random.json'),
        discordExport({ messages: 2, channel: '1200000000000000002' }),
      );
      symlinkSync('..', join(root, 'up'));
      symlinkSync('.', join(root, 'self'));
      symlinkSync('..', join(root, 'deep', 'loop'));
      const before = tree(dirs.work);

      const run = outro(dirs.home, ['ingest', root, '--json'], { timeoutMs: 123_000 });
      report('symlink farm', run);
      expect(run.status).toBe(0);
      const summary = JSON.parse(run.stdout) as {
        files: number;
        appended: number;
        problems: Array<{ path: string; reason: string }>;
      };
      expect(summary.files).toBe(2);
      const reasons = summary.problems.map((problem) => problem.reason);
      expect(reasons.filter((reason) => reason.includes('/up is a symbolic link'))).toHaveLength(1);
      expect(reasons.filter((reason) => reason.includes('/self is a symbolic link'))).toHaveLength(1);
      expect(reasons.filter((reason) => reason.includes('/deep/loop is a symbolic link'))).toHaveLength(1);
      expect(reasons.some((reason) => reason.includes('outside.json'))).toBe(false);
      expect(run.ms).toBeLessThan(123_000);
      expect(run.maxRssMb).toBeLessThan(4_220);
      expect(tree(dirs.work)).toEqual(before);

      const status = outro(dirs.home, ['status', '--json']);
      expect(JSON.parse(status.stdout)).toMatchObject({ stats: { events: expect.any(Number) } });
    },
  );
});
