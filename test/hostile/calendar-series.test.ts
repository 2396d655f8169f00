import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KuzuGraphStore } from '../../src/memory/graph/kuzu/kuzu-graph-store.js';
import { secondlyCalendar, writeText } from './support/inputs.js';
import { outro, report, scratch } from './support/run-outro.js';

/**
 * Issue 16, calendar expansion: a FREQ=SECONDLY series with no end made 50,000 occurrences and
 * the graph projector then took 84 s. Now a series keeps calendar.maxOccurrences (default 5,000)
 * with a warning, and the graph takes them in one projection run (one COPY per table). Measured
 * (ingest with agents, 2 shared cores, load 8): 11.0 s, 416 MB. Ceilings: 10× those.
 */
describe('hostile: a runaway calendar series', { timeout: 600_000 }, () => {
  let dirs: ReturnType<typeof scratch>;
  beforeEach(() => (dirs = scratch()));
  afterEach(() => dirs.cleanup());

  it('keeps the first 5,000 occurrences with a warning naming the setting, all in the graph', async () => {
    const file = join(dirs.work, 'tick.ics');
    writeText(file, secondlyCalendar());
    const run = outro(dirs.home, ['ingest', file, '--json'], { timeoutMs: 110_000 });
    report('secondly calendar', run);
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout) as { problems: Array<{ severity: string; reason: string }> };
    expect(summary.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        reason: expect.stringMatching(/calendar\.maxOccurrences/),
      }),
    ]);
    expect(run.ms).toBeLessThan(110_000);
    expect(run.maxRssMb).toBeLessThan(4_160);
    const graph = await KuzuGraphStore.open(join(dirs.home, 'graph'));
    try {
      expect((await graph.counts()).meetings).toBe(5_000);
      expect(await graph.meetings({ people: ['calendar:email:tom@example.com'] })).toHaveLength(5_000);
    } finally {
      await graph.close();
    }
  });
});
