import { describe, expect, it } from 'vitest';
import { normalizeQuestion, parseAsOf, parseQuestion } from './parse-question.js';

const NOW = new Date('2026-11-20T07:30:00.000Z');

describe('parseQuestion', () => {
  it.each([
    ['who owns billing', 'owner', 'billing'],
    ['Who is the point person for the billing svc?', 'owner', 'the billing svc'],
    ['who took over billing from Priya', 'owner', 'billing'],
    ['when did Marco take over billing', 'owner', 'billing'],
    ['who handles deploys', 'owner', 'deploys'],
    ['who should I ask about SSO', 'ask-whom', 'sso'],
    ['who knows the billing database best', 'expert', 'the billing database'],
    ['who is working on the SDK', 'works-on', 'the sdk'],
    ['what did we decide about Friday deploys?', 'decided', 'friday deploys'],
    ["what's Priya working on", 'working-on', 'priya'],
    ['what is blocking Lena', 'blocking', 'lena'],
    ["what's waiting on me?", 'waiting-on-me', ''],
    ['what changed about billing', 'changed', 'billing'],
    ['billing owner?', 'owner', 'billing'],
    ['whos the owner of billing', 'owner', 'billing'],
    ['what does Priya own', 'working-on', 'priya'],
    ['decisions about the SDK', 'decided', 'the sdk'],
    ['who owns billing right now', 'owner', 'billing'],
    ['who is Greg?', 'person', 'greg'],
    ['tell me about Priya', 'person', 'priya'],
    ["who's on call", 'on-call', ''],
    ['who is the router expert?', 'expert', 'router'],
    ["who's our billing guru", 'expert', 'billing'],
    ['who is the search migration lead?', 'owner', 'search migration'],
    ["who's the contact for SSO", 'owner', 'sso'],
    ['anything I need to reply to?', 'waiting-on-me', ''],
    ['who needs an answer from me', 'waiting-on-me', ''],
    ['what did Lena ask me for', 'owed-to', 'lena'],
    ['open action items for Sam', 'working-on', 'sam'],
    ["what's assigned to Marco", 'working-on', 'marco'],
    ['when is the customer summary due?', 'item-due', 'customer summary'],
    ["what's Lena's role", 'person', 'lena'],
    ['what does Priya do', 'person', 'priya'],
    ["what's the deadline for the search backfill", 'item-due', 'the search backfill'],
  ])('understands "%s"', (question, intent, target) => {
    expect(parseQuestion(question, NOW)).toEqual({ intent, target });
  });

  it('takes the time a question names', () => {
    expect(parseQuestion('who owned billing last week', NOW)).toMatchObject({
      intent: 'owner',
      target: 'billing',
      asOf: '2026-11-13T07:30:00.000Z',
    });
    expect(parseQuestion('who owned billing on 2026-11-10', NOW)?.asOf).toBe('2026-11-10T23:59:59.999Z');
    expect(parseQuestion('who owned billing 3 days ago', NOW)?.asOf).toBe('2026-11-17T07:30:00.000Z');
  });

  it('leaves questions it does not understand alone', () => {
    expect(parseQuestion('make me a sandwich', NOW)).toBeUndefined();
    expect(parseQuestion('who owns', NOW)).toBeUndefined();
  });

  it('reads relative phrases from the time it is given (the as-of), not the clock', () => {
    const asOf = new Date('2026-10-23T23:59:59.999Z');
    expect(parseQuestion('who owned the sync service last week', asOf)?.asOf).toBe(
      '2026-10-16T23:59:59.999Z',
    );
    expect(parseQuestion('who was responsible for the export worker on October 14', asOf)).toMatchObject({
      intent: 'owner',
      target: 'the export worker',
      asOf: '2026-10-14T23:59:59.999Z',
    });
  });

  it.each([
    ['who looks after the invoicing API', 'owner', 'the invoicing api'],
    ["who's responsible for map tiles", 'owner', 'map tiles'],
    ['who do I talk to about seat pricing', 'ask-whom', 'seat pricing'],
    ['whose account is Brightwater', 'owner', 'brightwater'],
    ['what do I still owe people', 'waiting-on-me', ''],
    ['who is on call this week', 'on-call', ''],
    ["who's on call next week?", 'on-call', 'next week'],
    ['who is on call tomorrow', 'on-call', 'tomorrow'],
    ["what's on Tomasz's plate", 'working-on', 'tomasz'],
    ["what are Tomasz's open items?", 'working-on', 'tomasz'],
    ['what does Tomasz still have to do', 'working-on', 'tomasz'],
    ['what am I waiting on?', 'blocking', 'i'],
    ['who owes me anything', 'blocking', 'me'],
    ["what's the latest on the Harbor account", undefined, undefined],
    ['what did Tomasz decide about the rollout', 'decided', 'the rollout'],
    ['when is the next leads sync', 'meeting', 'leads sync'],
    ['when do I meet Tomasz', 'meeting', 'tomasz'],
    ['when is the HIPAA review', undefined, undefined],
    ['what time is the roadmap review', 'meeting', 'roadmap review'],
    ['csv export — who?', 'owner', 'csv export'],
    ['billing: who owns it', 'owner', 'billing'],
    ['whose call was it to drop the xlsx export', 'decider', 'drop the xlsx export'],
    ['anything I owe people', 'waiting-on-me', ''],
    ['is sam still the search indexer guy? need someone for the lag tickets', 'owner', 'search indexer'],
    ['what did i promise elena and is it due', 'owed-to', 'elena'],
    ["what's waiting on me this morning? approvals, questions, anything", 'waiting-on-me', ''],
    ['what time is my 1:1 w priya today', 'meeting', '1:1 with priya'],
    ['what meetings do I have tomorrow', 'my-meetings', 'tomorrow'],
  ])('understands the paraphrase "%s"', (question, intent, target) => {
    if (intent === undefined) expect(parseQuestion(question, NOW)).toBeUndefined();
    else expect(parseQuestion(question, NOW)).toMatchObject({ intent, target });
  });
});

describe('parseAsOf', () => {
  it('reads a day as the end of that day in the zone, and an ISO time as given', () => {
    expect(parseAsOf('2026-11-12')).toBe('2026-11-12T23:59:59.999Z');
    expect(parseAsOf('2026-11-12', 'Europe/Berlin')).toBe('2026-11-12T22:59:59.999Z');
    expect(parseAsOf('2026-11-10T12:00:00+01:00')).toBe('2026-11-10T11:00:00.000Z');
    expect(parseAsOf('next tuesday')).toBeUndefined();
  });
});

describe('normalizeQuestion', () => {
  it('spells out "why\'d" and a bare "whats" before the patterns read the question', () => {
    expect(normalizeQuestion("Why'd we back out of the XLSX export?")).toBe(
      'why did we back out of the xlsx export',
    );
    expect(normalizeQuestion('whats blocking Lena')).toBe("what's blocking lena");
  });
});
