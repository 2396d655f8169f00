import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseExport,
  slackMessage,
  writeExport,
} from '../../src/connectors/slack/test-support/slack-export-fixture.js';

const BIN = resolve('bin/outro');

/** `outro init` with flags (no terminal), over a store holding Dana and Fox Example. */
describe('outro init', () => {
  const home = mkdtempSync(join(tmpdir(), 'outro-init-'));
  const config = join(home, 'config.yaml');
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    OUTRO_HOME: home,
    OUTRO_CONFIG: config,
    OUTRO_NOW: '2026-02-28T09:00:00Z',
  };
  const outro = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8' });

  beforeAll(async () => {
    const exportDir = await writeExport(
      join(home, 'slack'),
      baseExport({
        'general/2026-02-27.json': [
          slackMessage('1772193600.000100', { user: 'U2', text: '<@U1> can you review?' }),
        ],
      }),
    );
    expect(outro('ingest', exportDir, '--json').status).toBe(0);
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('before init, the brief says how to set me in one line and still shows the rest', () => {
    const brief = outro('brief', '--peek');
    expect(brief.status, brief.stderr).toBe(0);
    expect(brief.stdout).toMatch(/run `outro init`/);
    expect(brief.stdout).toMatch(/^Brief for everyone/);
  });

  it('writes me (found among the people of the store), the time zone and the digest, keeping other keys', () => {
    writeFileSync(config, '# mine\ncalendar: { pastDays: 7 }\n');
    const result = outro(
      'init',
      '--me',
      'dana',
      '--timezone',
      'Europe/Berlin',
      '--digest-dir',
      '~/notes',
      '--json',
    );
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      created: false,
      written: { me: 'dana@example.com', timezone: 'Europe/Berlin', digest: { dir: '~/notes' } },
    });
    const text = readFileSync(config, 'utf8');
    expect(text).toContain('# mine');
    expect(text).toMatch(/pastDays: 7/);
    expect(text).toMatch(/me: dana@example.com/);
    expect(outro('brief', '--peek').stdout).toMatch(/^Brief for Dana Example/);
  });

  it('refuses a me nobody matches, a time zone that is not one, and leaves the file as it was', () => {
    const before = readFileSync(config, 'utf8');
    const nobody = outro('init', '--me', 'zelda');
    expect(nobody.status).toBe(2);
    expect(nobody.stderr).toMatch(/No person in the store matches "zelda"/);
    expect(outro('init', '--timezone', 'Mars/Olympus').stderr).toMatch(/not an IANA time zone/);
    expect(readFileSync(config, 'utf8')).toBe(before);
  });
});
