import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeZip } from '../../src/connectors/test-support/make-zip.js';
import { chatLine, discordExport } from './support/inputs.js';
import { outro, report, scratch, tree, type OutroRun } from './support/run-outro.js';

/**
 * Issue 16, the cases that already passed when it was filed, kept passing: zip-slip, a zip bomb,
 * non-UTF-8 and deep nesting. Each input is generated here; each run asserts the exit status, the
 * message, that a sound file beside it was stored, that nothing was written outside $OUTRO_HOME and
 * a time and memory ceiling. Measured on 2 shared cores: the refusals 1.5–3 s / 80–90 MB, the
 * deep-nested message 13 s / 384 MB; ceilings 10× (at least 30 s and 900 MB).
 */

const STACK = /^\s+at .+:\d+:\d+\)?$/m;

function slackFiles(): Record<string, string> {
  return {
    'users.json': JSON.stringify([{ id: 'U1', name: 'lena', real_name: 'Lena Park' }]),
    'channels.json': JSON.stringify([{ id: 'C1', name: 'general', created: 1767225600 }]),
    'general/2026-02-01.json': JSON.stringify([
      { type: 'message', user: 'U1', text: 'we decided to ship billing on friday', ts: '1769936400.000100' },
    ]),
    // Renamed below, in place, to an unsafe name of the same length.
    'xx/xxxxxxxxxxxxxxxx.json': '{}',
  };
}

/** A zip whose placeholder entry is renamed, byte for byte, to `name` (yazl refuses unsafe names). */
async function zipWithEntry(file: string, name: string): Promise<void> {
  const placeholder = 'xx/xxxxxxxxxxxxxxxx.json';
  expect(name).toHaveLength(placeholder.length);
  await writeZip(file, slackFiles());
  const bytes = readFileSync(file).toString('latin1');
  writeFileSync(file, Buffer.from(bytes.replaceAll(placeholder, name), 'latin1'));
}

function events(home: string): number {
  const db = new Database(join(home, 'outro.db'), { readonly: true });
  try {
    return (
      db.prepare("SELECT count(*) AS n FROM events WHERE type = 'message.posted'").get() as { n: number }
    ).n;
  } finally {
    db.close();
  }
}

function bounded(run: OutroRun, ceiling: { ms: number; mb: number }): void {
  expect(run.stderr).not.toMatch(STACK);
  expect(run.ms).toBeLessThan(ceiling.ms);
  expect(run.maxRssMb).toBeLessThan(ceiling.mb);
}

const SMALL = { ms: 30_000, mb: 900 };

describe('hostile: archives, encodings and nesting', { timeout: 300_000 }, () => {
  let dirs: ReturnType<typeof scratch>;
  beforeEach(() => (dirs = scratch()));
  afterEach(() => dirs.cleanup());

  /** Everything under the scratch root but $OUTRO_HOME, to check the run wrote nothing there. */
  const outside = (): string[] => tree(dirs.root).filter((path) => !path.startsWith('home'));

  it.each([
    ['a parent-directory entry', '../../../../escaped.json'],
    ['an absolute entry', '/tmp/outro-zip-slip.json'],
  ])(
    'zip-slip, %s: refused whole with exit 4, nothing written outside; beside a sound file exit 3',
    async (_, name) => {
      const zip = join(dirs.work, 'slack.zip');
      await zipWithEntry(zip, name);
      const sound = join(dirs.work, 'general.json');
      writeFileSync(sound, discordExport({ messages: 4 }));
      const before = outside();

      const alone = outro(dirs.home, ['ingest', zip], { cwd: dirs.work });
      report(`zip-slip ${name}`, alone);
      expect(alone.status).toBe(4);
      expect(alone.stdout + alone.stderr).toMatch(
        /slack\.zip holds an entry with an .*path .*; refusing the whole archive/,
      );
      expect(alone.stdout + alone.stderr).toContain(name);
      bounded(alone, SMALL);

      const both = outro(dirs.home, ['ingest', zip, sound], { cwd: dirs.work });
      expect(both.status).toBe(3);
      expect(events(dirs.home)).toBe(4);
      expect(outside()).toEqual(before);
      // Where an extracting tool would have put it, from the folder the command ran in or from /.
      expect(existsSync(resolve(dirs.work, name))).toBe(false);
      expect(existsSync(resolve('/', name))).toBe(false);
    },
  );

  it('a zip bomb (20 MB of zeros, about 1000:1) is refused before it is read: exit 4, the ratio named', async () => {
    const zip = join(dirs.work, 'bomb.zip');
    await writeZip(zip, { ...slackFiles(), 'general/2026-02-02.json': Buffer.alloc(20 * 1024 * 1024, 0x20) });
    const before = outside();

    const run = outro(dirs.home, ['ingest', zip]);
    report('zip bomb', run);
    expect(run.status).toBe(4);
    expect(run.stdout + run.stderr).toMatch(/expands \d+:1, over the 100:1 limit \(a zip bomb\?\)/);
    bounded(run, SMALL);
    expect(outside()).toEqual(before);
  });

  it('a Latin-1 file: exit 4 naming it and iconv; beside a sound file exit 3, the sound one stored', () => {
    const latin = join(dirs.work, 'latin.json');
    writeFileSync(
      latin,
      Buffer.from(discordExport({ messages: 3, content: () => 'le café est prêt' }), 'latin1'),
    );
    const sound = join(dirs.work, 'general.json');
    writeFileSync(sound, discordExport({ messages: 5, channel: '1200000000000000002' }));
    const before = outside();

    const alone = outro(dirs.home, ['ingest', latin]);
    report('latin-1', alone);
    expect(alone.status).toBe(4);
    expect(alone.stdout + alone.stderr).toContain(`${latin} is not valid UTF-8`);
    expect(alone.stdout + alone.stderr).toContain('iconv -t UTF-8');
    bounded(alone, SMALL);

    const both = outro(dirs.home, ['ingest', latin, sound]);
    expect(both.status).toBe(3);
    expect(events(dirs.home)).toBe(5);
    expect(outside()).toEqual(before);
  });

  it('a file of 100,000 nested arrays, and one with a 100,000-deep object before its messages: exit 4, no stack', () => {
    const depth = 100_000;
    const arrays = join(dirs.work, 'arrays.json');
    writeFileSync(arrays, '['.repeat(depth) + ']'.repeat(depth));
    const objects = join(dirs.work, 'objects.json');
    writeFileSync(
      objects,
      discordExport({ messages: 2 }).replace(
        '"messages":[',
        `"extra":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)},"messages":[`,
      ),
    );
    const before = outside();
    for (const file of [arrays, objects]) {
      const run = outro(dirs.home, ['ingest', file]);
      report(`deep ${file}`, run);
      expect(run.status).toBe(4);
      expect(run.stdout + run.stderr).toContain(`${file} is not a format outro reads`);
      bounded(run, SMALL);
    }
    expect(outside()).toEqual(before);
  });

  it('a message whose content is 100,000 nested arrays: its neighbours are stored, no stack', () => {
    const depth = 100_000;
    const file = join(dirs.work, 'general.json');
    writeFileSync(
      file,
      discordExport({ messages: 5, content: (i) => (i === 2 ? 'DEEP' : chatLine(i)) }).replace(
        '"DEEP"',
        '['.repeat(depth) + ']'.repeat(depth),
      ),
    );
    const before = outside();
    const run = outro(dirs.home, ['ingest', file]);
    report('deep message', run);
    expect([0, 3]).toContain(run.status);
    expect(events(dirs.home)).toBeGreaterThanOrEqual(4);
    bounded(run, { ms: 130_000, mb: 3_840 });
    expect(outside()).toEqual(before);
  });
});
