import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  baseExport,
  slackMessage,
  writeExport,
} from '../connectors/slack/test-support/slack-export-fixture.js';
import { CONNECTORS } from '../connectors/registry.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { ingestPaths } from './ingest.js';
import { openStore, type Store } from './store.js';

describe('ingestPaths naming what it read', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: Store;
  beforeEach(() => {
    temp = makeTempDir('outro-ingest-names-');
    store = openStore(join(temp.dir, 'outro.db'));
  });
  afterEach(() => {
    store.close();
    temp.cleanup();
  });

  const options = {
    connectors: CONNECTORS,
    connectorOptions: { now: new Date('2026-03-01T12:00:00Z'), calendarPastDays: 30, calendarFutureDays: 90 },
  };

  it('reads a folder at its absolute path and names it, what is inside it and its problems as the user typed it', async () => {
    const work = join(temp.dir, 'work');
    await writeExport(
      join(work, 'acme'),
      baseExport({ 'general/2026-02-27.json': [slackMessage('1772193600.000100')] }),
    );
    mkdirSync(join(work, 'teams'));
    writeFileSync(join(work, 'teams', 'broken.json'), '{"value": [');
    const summary = await ingestPaths(
      store,
      [
        { path: work, shown: 'work' },
        { path: join(temp.dir, 'gone.json'), shown: '../gone.json' },
      ],
      options,
    );
    expect(summary.paths).toEqual(['work', '../gone.json']);
    expect(summary.inputs).toEqual([{ path: 'work/acme', format: 'slack-export' }]);
    expect(summary.problems.map((problem) => [problem.path, problem.reason.slice(0, 40)])).toEqual([
      ['work/teams/broken.json', 'work/teams/broken.json is not a format o'],
      ['../gone.json', '../gone.json does not exist or cannot be'],
    ]);
    // The store remembers the run and its problems by the same names (`outro status` shows them).
    expect(store.ingest.lastRun()?.paths).toEqual(['work', '../gone.json']);
    expect(store.ingest.problems(summary.runId).map((problem) => problem.path)).toEqual([
      'work/teams/broken.json',
      '../gone.json',
    ]);
  });
});
