import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../app/store.js';
import type { Brief } from '../../answers/brief/brief-types.js';
import { acmeDay, NOW } from '../../answers/brief/test-support/acme-day.js';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { runLocal } from '../main.js';
import { runCaptured as run } from '../test-support/run-captured.js';

describe('outro brief and outro digest', () => {
  const temp = makeTempDir('outro-brief-cli-');
  const env: NodeJS.ProcessEnv = {
    OUTRO_HOME: temp.dir,
    OUTRO_NOW: NOW.toISOString(),
    OUTRO_NO_DAEMON: '1',
    PATH: process.env.PATH,
  };

  beforeAll(() => {
    writeFileSync(
      join(temp.dir, 'config.yaml'),
      'me: priya@acme.io\ntimezone: Europe/Berlin\ndigest:\n  window: 24h\n',
    );
    const store = openStore(join(temp.dir, 'outro.db'));
    store.log.appendAll(acmeDay());
    store.close();
  });
  afterAll(() => temp.cleanup());

  it('prints the brief as JSON for the config reader, and --me picks another', async () => {
    const mine = await run(env, ['brief', '--json', '--peek']);
    expect(mine.code, mine.stderr).toBeUndefined();
    const brief = JSON.parse(mine.stdout) as Brief;
    expect(brief.reader.name).toBe('Priya Nair');
    expect(brief.counts.waiting).toBe(5);
    const dana = JSON.parse(
      (await run(env, ['brief', '--json', '--peek', '--me', 'Dana Kim'])).stdout,
    ) as Brief;
    expect(dana.reader.name).toBe('Dana Kim');
    expect(dana.waiting.map((item) => item.id)).toEqual(['a-dana']);
  });

  it('fails with USAGE and close matches for an unknown reader', async () => {
    const result = await run(env, ['brief', '--me', 'dana k']);
    expect(result.code).toBe('USAGE');
    expect(result.stderr).toContain('Close matches: Dana Kim');
  });

  it('prints plain text when stdout is not a terminal, and markdown with --md', async () => {
    const text = await run(env, ['brief', '--peek']);
    expect(text.stdout.split('\n')[0]).toContain('Brief for Priya Nair');
    expect(text.stdout).toContain('Waiting on you (5)');
    const md = await run(env, ['brief', '--md', '--peek']);
    expect(md.stdout).toContain('## Changed facts (2)');
  });

  it('draws the Ink view with colour when stdout is a terminal', async () => {
    // Ink's colours follow the process's terminal (chalk reads FORCE_COLOR when Ink first loads).
    vi.stubEnv('FORCE_COLOR', '1');
    const stdout = Object.assign(new PassThrough(), { isTTY: true, columns: 120, rows: 40 });
    const chunks: string[] = [];
    stdout.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    const result = await runLocal(['brief', '--peek'], {
      env: { ...env, FORCE_COLOR: '1' },
      stdout,
      stderr: new PassThrough(),
    });
    expect(result.code).toBeUndefined();
    const text = chunks.join('');
    expect(text).toMatch(/\u001b\[/);
    const plain = text.replace(/\u001b\[[0-9;?]*[a-zA-Z]/g, '');
    expect(plain).toContain('Waiting on you (5)');
    expect(plain).toContain('Changed facts (2)');
    expect(plain.endsWith('\n')).toBe(true);
    vi.unstubAllEnvs();
  });

  it('remembers the brief as seen, so the next one starts where it ended', async () => {
    await run(env, ['brief', '--json']);
    const later = { ...env, OUTRO_NOW: '2026-11-20T12:00:00.000Z' };
    const next = JSON.parse((await run(later, ['brief', '--json'])).stdout) as Brief;
    expect(next.window).toEqual({
      since: NOW.toISOString(),
      until: '2026-11-20T12:00:00.000Z',
      from: 'last-brief',
    });
    // Still waiting: open items do not vanish because they were seen.
    expect(next.waiting.map((item) => item.id)).toContain('a-overdue');
    expect(next.decisions).toEqual([]);
  });

  it('writes a digest once per fire time', async () => {
    const dir = join(temp.dir, 'digests');
    const first = await run(env, ['digest', '--dir', dir, '--at', '2026-11-20T08:00:00+01:00', '--json']);
    expect(first.code, first.stderr).toBeUndefined();
    expect(JSON.parse(first.stdout)).toMatchObject({
      written: true,
      file: join(dir, 'digest-2026-11-20T0700Z.md'),
    });
    const second = await run(env, ['digest', '--dir', dir, '--at', '2026-11-20T07:00:00Z']);
    expect(second.stdout).toContain('Already written');
    expect(readdirSync(dir)).toEqual(['digest-2026-11-20T0700Z.md']);
    expect(readFileSync(join(dir, 'digest-2026-11-20T0700Z.md'), 'utf8')).toMatch(
      /^---\ntitle: outro digest 2026-11-20T07:00:00.000Z\n/,
    );
  });

  it('writes into config digest.dir, relative to the config file, by default', async () => {
    const configDir = join(temp.dir, 'conf');
    mkdirSync(configDir, { recursive: true });
    writeFileSync(
      join(configDir, 'outro.yaml'),
      'me: priya\ntimezone: Europe/Berlin\ndigest:\n  dir: notes\n',
    );
    const result = await run({ ...env, OUTRO_CONFIG: join(configDir, 'outro.yaml') }, ['digest', '--json']);
    expect(result.code, result.stderr).toBeUndefined();
    expect(JSON.parse(result.stdout)).toMatchObject({
      written: true,
      file: join(configDir, 'notes', 'digest-2026-11-20T0830Z.md'),
    });
  });

  it('refuses --out with --dir', async () => {
    expect((await run(env, ['digest', '--out', 'a.md', '--dir', 'b'])).code).toBe('USAGE');
  });
});

describe('throughPager', () => {
  it('sends the view through $PAGER, and says when no pager ran (PAGER empty, cat, or not found)', async () => {
    const { throughPager } = await import('./print-brief.js');
    const dir = mkdtempSync(join(tmpdir(), 'outro-pager-'));
    try {
      const file = join(dir, 'paged.txt');
      expect(await throughPager('line 1\nline 2\n', { PATH: process.env.PATH, PAGER: `cat > ${file}` })).toBe(
        true,
      );
      expect(readFileSync(file, 'utf8')).toBe('line 1\nline 2\n');
      expect(await throughPager('x\n', { PATH: process.env.PATH, PAGER: '' })).toBe(false);
      expect(await throughPager('x\n', { PATH: process.env.PATH, PAGER: 'cat' })).toBe(false);
      expect(await throughPager('x\n', { PATH: process.env.PATH, PAGER: 'no-such-pager-outro' })).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
