import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/temp-dir.js';
import { ExportWatcher } from './export-watcher.js';

describe('ExportWatcher', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let watcher: ExportWatcher | undefined;
  beforeEach(() => {
    temp = makeTempDir('od-watch-');
  });
  afterEach(async () => {
    await watcher?.close();
    temp.cleanup();
  });

  it('reports each changed top-level export once per quiet period, and skips partial downloads', async () => {
    const folder = join(temp.dir, 'exports');
    mkdirSync(join(folder, 'existing'), { recursive: true });
    writeFileSync(join(folder, 'existing', 'users.json'), '[]');
    const batches: string[][] = [];
    watcher = new ExportWatcher({
      folders: [folder],
      onChange: (exports) => batches.push(exports),
      debounceMs: 300,
      stableMs: 200,
    });
    await watcher.start();
    // The existing export is reported at start.
    await waitUntil(() => batches.length === 1);
    expect(batches[0]).toEqual([join(folder, 'existing')]);

    mkdirSync(join(folder, 'slack', 'general'), { recursive: true });
    writeFileSync(join(folder, 'slack', 'users.json'), '[]');
    writeFileSync(join(folder, 'slack', 'general', '2026-02-27.json'), '[]');
    writeFileSync(join(folder, 'discord.json.part'), '{');
    writeFileSync(join(folder, '.DS_Store'), '');
    await waitUntil(() => batches.length === 2);
    expect(batches[1]).toEqual([join(folder, 'slack')]);

    writeFileSync(join(folder, 'calendar.ics'), 'BEGIN:VCALENDAR\nEND:VCALENDAR\n');
    await waitUntil(() => batches.length === 3);
    expect(batches[2]).toEqual([join(folder, 'calendar.ics')]);
  });

  it('maps a path to the top-level entry of its watched folder', () => {
    const watcherForPaths = new ExportWatcher({ folders: ['/w/a'], onChange: () => undefined });
    expect(watcherForPaths.exportOf('/w/a/slack/general/x.json')).toBe('/w/a/slack');
    expect(watcherForPaths.exportOf('/w/a/file.zip')).toBe('/w/a/file.zip');
    expect(watcherForPaths.exportOf('/w/b/file.zip')).toBeUndefined();
    expect(watcherForPaths.exportOf('/w/a')).toBeUndefined();
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
