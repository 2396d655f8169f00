import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { acmeDay, TZ } from './test-support/acme-day.js';
import { openTestStore } from './test-support/brief-builders.js';
import { digestFileName, writeDigest, writeDigestTo } from './write-digest.js';

let temp: ReturnType<typeof makeTempDir>;
let store: ReturnType<typeof openTestStore>;
const config = { me: 'priya', timezone: TZ, digest: { window: '24h' } };
const fireTime = new Date('2026-11-20T07:00:00.000Z');

beforeEach(() => {
  temp = makeTempDir('outro-digest-');
  store = openTestStore(join(temp.dir, 'outro.db'));
  store.log.appendAll(acmeDay());
});
afterEach(() => {
  store.close();
  temp.cleanup();
});

describe('writeDigest', () => {
  it('names the file after the fire time in UTC', () => {
    expect(digestFileName(fireTime)).toBe('digest-2026-11-20T0700Z.md');
  });

  it('writes the digest for a fire time once; a second call writes nothing and keeps the file', () => {
    const dir = join(temp.dir, 'digests');
    const first = writeDigest({ store, config, fireTime, dir });
    expect(first).toMatchObject({ written: true, file: join(dir, 'digest-2026-11-20T0700Z.md') });
    const before = statSync(first.file);
    writeFileSync(first.file, `${readFileSync(first.file, 'utf8')}<!-- my notes -->\n`);
    const second = writeDigest({ store, config, fireTime, dir });
    expect(second.written).toBe(false);
    expect(readFileSync(first.file, 'utf8')).toContain('<!-- my notes -->');
    expect(statSync(first.file).ino).toBe(before.ino);
    // Only the digest: no temp files left behind.
    expect(readdirSync(dir)).toEqual(['digest-2026-11-20T0700Z.md']);
  });

  it('uses the configured window ending at the fire time', () => {
    const result = writeDigest({
      store,
      config: { ...config, digest: { window: '3d' } },
      fireTime,
      dir: temp.dir,
    });
    expect(result.brief.window).toEqual({
      since: '2026-11-17T07:00:00.000Z',
      until: '2026-11-20T07:00:00.000Z',
      from: 'option',
    });
    const text = readFileSync(result.file, 'utf8');
    expect(text.startsWith('---\n')).toBe(true);
    expect(text).toContain('## Waiting on you (');
  });

  it('writes different fire times to different files', () => {
    writeDigest({ store, config, fireTime, dir: temp.dir });
    writeDigest({ store, config, fireTime: new Date('2026-11-21T07:00:00.000Z'), dir: temp.dir });
    expect(
      readdirSync(temp.dir)
        .filter((name) => name.startsWith('digest-'))
        .sort(),
    ).toEqual(['digest-2026-11-20T0700Z.md', 'digest-2026-11-21T0700Z.md']);
  });

  it('replaces an --out file atomically (a new inode, never a half-written file)', () => {
    const file = join(temp.dir, 'today.md');
    writeFileSync(file, 'old');
    const inode = statSync(file).ino;
    writeDigestTo(file, { store, config, fireTime });
    expect(readFileSync(file, 'utf8')).toContain('# Brief for Priya Nair');
    expect(statSync(file).ino).not.toBe(inode);
    expect(readdirSync(temp.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
