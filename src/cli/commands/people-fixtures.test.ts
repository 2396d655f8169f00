import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TruthFile } from '../../../fixtures/truth-schema.js';
import type { PeopleResult } from '../../answers/people/people-types.js';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { runCaptured as run } from '../test-support/run-captured.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const workspace = path.join(root, 'fixtures/workspace');
const labelled = existsSync(path.join(workspace, 'truth.json'));
const inputs = ['slack', 'discord', 'teams', 'calendar.ics'].map((entry) => path.join(workspace, entry));

async function json(env: NodeJS.ProcessEnv, ...args: string[]): Promise<PeopleResult> {
  const result = await run(env, ['people', '--json', ...args]);
  expect(result.code, result.stderr).toBeUndefined();
  return JSON.parse(result.stdout) as PeopleResult;
}

/** The truth's `slack:U04…` / `email:x@y` as the identity's config id or email. */
function holds(person: { emails: string[] }, configIds: readonly string[], identity: string): boolean {
  return identity.startsWith('email:')
    ? person.emails.includes(identity.slice('email:'.length))
    : configIds.includes(identity);
}

describe.skipIf(!labelled)('outro people on the labelled Acme workspace', () => {
  const temp = makeTempDir('outro-people-e2e-');
  const truth = labelled
    ? TruthFile.parse(JSON.parse(readFileSync(path.join(workspace, 'truth.json'), 'utf8')))
    : undefined;
  const env: NodeJS.ProcessEnv = {
    OUTRO_HOME: temp.dir,
    OUTRO_CONFIG: path.join(workspace, 'outro.yaml'),
    OUTRO_NOW: truth?.now,
    OUTRO_NO_DAEMON: '1',
  };

  beforeAll(async () => {
    const ingest = await run(env, ['ingest', '--no-agents', ...inputs]);
    expect(ingest.stderr).not.toMatch(/outro:/);
  }, 120_000);
  afterAll(() => temp.cleanup());

  it('lists one person per labelled human, each holding all of its identities', async () => {
    const result = await json(env);
    if (result.kind !== 'list') throw new Error('expected a list');
    expect(result.counts.humans).toBe(truth!.people.length);
    expect(result.people.every((person) => !person.isBot)).toBe(true);
    for (const human of truth!.people) {
      const shown = await json(env, human.identities[0].replace(/^email:/, ''));
      if (shown.kind !== 'show') throw new Error('expected one person');
      const configIds = shown.person.identities.map((identity) => identity.configId);
      const missing = human.identities.filter((identity) => !holds(shown.person, configIds, identity));
      expect(missing, `${human.name} is split`).toEqual([]);
      expect(result.people.filter((person) => person.id === shown.person.id)).toHaveLength(1);
    }
    const withBots = await json(env, '--bots');
    expect(withBots.kind === 'list' && withBots.people.some((person) => person.isBot)).toBe(true);
  });

  it('shows one person with every identity and each link with its method, confidence and basis', async () => {
    const result = await json(env, 'pj_dev');
    if (result.kind !== 'show') throw new Error('expected one person');
    expect(result.person.name).toBe('Priya Nair');
    expect(result.person.identities.map((identity) => identity.configId).sort()).toEqual([
      'calendar:priya@acme.io',
      'discord:524830918762037248',
      'slack:U04PN3XR8TB',
    ]);
    const discord = result.person.links.find(
      (link) => link.a.startsWith('discord:') || link.b.startsWith('discord:'),
    );
    expect(discord).toMatchObject({ method: 'alias', confidence: 1, basis: 'Priya Nair', joins: true });
    expect(result.override.example.join('\n')).toContain(
      'ids: [calendar:priya@acme.io, discord:524830918762037248, slack:U04PN3XR8TB]',
    );

    const text = await run(env, ['people', 'priya.nair']);
    expect(text.code, text.stderr).toBeUndefined();
    expect(text.stdout).toMatch(/^Priya Nair — 3 identities on calendar, discord, slack/);
    expect(text.stdout).toMatch(/discord:524830918762037248 \(pj_dev\)\s+alias 1\.00\s+"Priya Nair"/);
  });

  it('fails with close matches for a name nobody has', async () => {
    const result = await run(env, ['people', 'Pryia Nair']);
    expect(result.code).toBe('USAGE');
    expect(result.stderr).toContain('Priya Nair');
  });
});

describe.skipIf(!labelled)('outro people and the config', () => {
  const temp = makeTempDir('outro-people-config-');
  const config = path.join(temp.dir, 'outro.yaml');
  const env: NodeJS.ProcessEnv = { OUTRO_HOME: temp.dir, OUTRO_CONFIG: config, OUTRO_NO_DAEMON: '1' };
  afterAll(() => temp.cleanup());

  it('keeps identities apart that the config excludes, pending until the next ingest', async () => {
    writeFileSync(config, readFileSync(path.join(workspace, 'outro.yaml'), 'utf8'));
    expect((await run(env, ['ingest', '--no-agents', ...inputs])).stderr).not.toMatch(/outro:/);
    const before = await json(env, 'priya@acme.io');
    expect(before.kind === 'show' && before.person.identityCount).toBe(3);
    expect(before.override.pending).toEqual([]);

    writeFileSync(
      config,
      [
        'me: dana@acme.io',
        'people:',
        '  - name: Priya Nair',
        '    ids: [slack:U04PN3XR8TB, priya@acme.io]',
        '    exclude: [discord:pj_dev]',
      ].join('\n'),
    );
    const pending = await json(env, 'priya@acme.io');
    expect(pending.kind === 'show' && pending.person.identityCount).toBe(3);
    expect(pending.override.pending.map((link) => link.method)).toContain('notSame');

    expect((await run(env, ['ingest', '--no-agents', ...inputs])).stderr).not.toMatch(/outro:/);
    const after = await json(env, 'priya@acme.io');
    if (after.kind !== 'show') throw new Error('expected one person');
    expect(after.override.pending).toEqual([]);
    expect(after.person.identities.map((identity) => identity.source).sort()).toEqual(['calendar', 'slack']);
    expect(after.person.notJoined).toContainEqual(
      expect.objectContaining({ method: 'notSame', apart: 'kept apart by the config (exclude)' }),
    );
    const discord = await json(env, 'pj_dev');
    expect(discord.kind === 'show' && discord.person.identityCount).toBe(1);
  }, 120_000);
});
