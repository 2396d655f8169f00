import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ChannelUpdated } from './channel.js';
import { Evidence } from './annotations.js';
import {
  decodeChecked,
  evidenceIn,
  isChannelUpdated,
  isEvidence,
  isPersonLinked,
  isPersonUpdated,
} from './payload-checks.js';
import { PersonLinked, PersonUpdated } from './person.js';

/** Values put in each field (and left out) to find where a check and its schema disagree. */
const PROBES: unknown[] = [
  undefined,
  null,
  0,
  0.5,
  1,
  -1,
  1.5,
  'x',
  '',
  true,
  false,
  [],
  ['x'],
  [1],
  ['x', null],
  {},
  ...['slack', 'discord', 'teams', 'calendar', 'irc'],
  ...['channel', 'private', 'dm', 'group_dm', 'meeting_chat', 'thread'],
  ...['email', 'name', 'alias', 'coreName', 'nickname', 'handle', 'firstName', 'introduction', 'notSame'],
];

const person = {
  key: 'slack:T1:U1',
  source: 'slack',
  workspace: 'T1',
  nativeId: 'U1',
  names: ['Ana'],
  handles: ['ana'],
  emails: ['ana@example.com'],
  isBot: false,
  title: 'eng',
  timezone: 'Europe/Berlin',
  deleted: false,
};
const link = {
  a: 'slack:T1:U1',
  b: 'discord:g:1',
  method: 'email',
  confidence: 0.9,
  basis: 'ana@example.com',
};
const evidence = {
  source: 'slack',
  workspace: 'T1',
  channel: 'C1',
  id: '1700000000.000100',
  author: 'slack:T1:U1',
  ts: '2026-11-10T09:00:00.000Z',
  snippet: 'Marco owns billing now',
};
const channel = {
  key: 'slack:T1:C1',
  source: 'slack',
  workspace: 'T1',
  nativeId: 'C1',
  name: 'billing',
  kind: 'channel',
  members: ['slack:T1:U1'],
  topic: 't',
  purpose: 'p',
  archived: false,
  nameFromId: false,
};

function variants(valid: Record<string, unknown>, schema: z.ZodObject): unknown[] {
  const fields = [...new Set([...Object.keys(schema.shape), ...Object.keys(valid), 'extra'])];
  const out: unknown[] = [valid, null, [], 'x', 1, [valid]];
  for (const field of fields)
    for (const probe of PROBES) {
      const changed: Record<string, unknown> = { ...valid, [field]: probe };
      if (probe === undefined) delete changed[field];
      out.push(changed);
    }
  return out;
}

describe('the zod-free payload checks', () => {
  const cases = [
    ['person.updated', person, PersonUpdated, isPersonUpdated],
    ['person.linked', link, PersonLinked, isPersonLinked],
    ['channel.updated', channel, ChannelUpdated, isChannelUpdated],
    ['evidence', evidence, Evidence, isEvidence],
  ] as const;
  for (const [type, valid, schema, check] of cases)
    it(`accept exactly what the ${type} schema accepts (every field left out or given each probe value)`, () => {
      const all = variants(valid, schema);
      expect(all.length).toBeGreaterThan(200);
      const disagree = all.filter((payload) => check(payload) !== schema.safeParse(payload).success);
      expect(disagree).toEqual([]);
      expect(all.filter((payload) => check(payload)).length).toBeGreaterThan(10);
    });

  it("read a payload's evidence as the schema outputs it, or none when an item is not Evidence", () => {
    const extra = { ...evidence, quote: 'kept out, as the schema strips it' };
    expect(evidenceIn(JSON.stringify({ factId: 'f1', evidence: [extra, evidence] }))).toEqual([
      Evidence.parse(extra),
      evidence,
    ]);
    expect(evidenceIn(JSON.stringify({ evidence: [evidence, { ...evidence, ts: 1 }] }))).toEqual([]);
    expect(evidenceIn(JSON.stringify({ factId: 'f1' }))).toEqual([]);
    expect(evidenceIn('null')).toEqual([]);
  });

  it('decode stored JSON, or leave a payload out as the schema would', () => {
    expect(decodeChecked(JSON.stringify(link), isPersonLinked)).toEqual(link);
    expect(decodeChecked(JSON.stringify({ ...link, confidence: 2 }), isPersonLinked)).toBeUndefined();
  });
});
