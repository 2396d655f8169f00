import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = resolve('bin/outro');
const WORKSPACE = resolve('fixtures/workspace');

interface Row {
  conversationId: string;
  channel: string;
  annotation: { topic: string } | null;
  related?: Array<{ conversationId: string; channel: string; topic: string | null; score: number }>;
}

/** `outro conversations` over the ingested sample workspace, as a user runs the built CLI. */
describe('outro conversations', () => {
  let home: string;
  const outro = (args: string[]) =>
    spawnSync(process.execPath, [BIN, ...args], {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        HOME: home,
        OUTRO_HOME: home,
        OUTRO_NO_DAEMON: '1',
        OUTRO_CONFIG: join(WORKSPACE, 'outro.yaml'),
        OUTRO_NOW: '2026-11-20T08:30:00+01:00',
      },
    });

  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'outro-e2e-conversations-'));
    const ingest = outro(['ingest', ...['slack', 'discord', 'teams'].map((name) => join(WORKSPACE, name))]);
    expect(ingest.status).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it("lists a channel's conversations, and with --related the same story in other channels", () => {
    const plain = JSON.parse(outro(['conversations', '--channel', 'incidents', '--json']).stdout) as Row[];
    expect(plain.length).toBeGreaterThan(1);
    expect(plain.every((row) => row.channel === plain[0].channel && row.related === undefined)).toBe(true);

    const result = outro(['conversations', '--channel', 'incidents', '--related', '--json']);
    expect(result.status).toBe(0);
    const rows = JSON.parse(result.stdout) as Row[];
    const outage = rows.find((row) => row.annotation?.topic === 'retry worker');
    expect(outage?.related?.[0]).toEqual(
      expect.objectContaining({ channel: expect.stringMatching(/^teams:/), topic: 'billing' }),
    );
    for (const row of rows) {
      for (const hit of row.related ?? []) {
        expect(hit.channel).not.toBe(row.channel);
        expect(hit.score).toBeGreaterThanOrEqual(0.6);
      }
    }
    const text = outro(['conversations', '--channel', 'incidents', '--related']).stdout;
    expect(text).toMatch(/related: teams .* "billing" 0\.\d\d/);
  });
});
