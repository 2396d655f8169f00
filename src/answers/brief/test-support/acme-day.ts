import type { EventEnvelope } from '../../../domain/events.js';
import { actionItem, answered, cancelled, channel, completed, conversation, decision, entity, ev, fact, link, meeting, person, question, retracted } from './brief-builders.js';

/**
 * One realistic morning for Priya Nair (Europe/Berlin), who is `U1`/`priya` on Slack and
 * `pj_dev` on Discord (linked by email). Now is 2026-11-20 09:30 Berlin (08:30 UTC); the
 * default window is the 24 h before.
 */
export const NOW = new Date('2026-11-20T08:30:00.000Z');
export const TZ = 'Europe/Berlin';

export const K = {
  priyaSlack: 'slack:T1:U1',
  priyaDiscord: 'discord:G1:111',
  dana: 'slack:T1:U2',
  sam: 'discord:G1:222',
  bot: 'slack:T1:B1',
  billing: 'slack:T1:C1',
  dev: 'discord:G1:D1',
} as const;

export function acmeDay(): EventEnvelope[] {
  const e = (channelKey: string, id: string, author: string, ts: string, text: string) => ev(channelKey, id, author, ts, text);
  return [
    person('slack', 'T1', 'U1', ['Priya Nair'], { handles: ['priya'], emails: ['priya@acme.io'] }),
    person('discord', 'G1', '111', ['pj_dev'], { handles: ['pj_dev'], emails: ['priya@acme.io'] }),
    person('slack', 'T1', 'U2', ['Dana Kim'], { handles: ['dana'], emails: ['dana@acme.io'] }),
    person('discord', 'G1', '222', ['Sam Ortiz'], { handles: ['sam_o'] }),
    person('slack', 'T1', 'B1', ['deploybot'], { isBot: true }),
    link(K.priyaDiscord, K.priyaSlack, 'priya@acme.io'),
    channel('slack', 'T1', 'C1', 'billing'),
    channel('discord', 'G1', 'D1', 'dev'),
    entity('component:billing', 'billing service'),
    entity('component:search', 'search'),

    // Questions: one to each of Priya's identities, one approval, one answered, one not for her.
    question({ questionId: 'q1', conversationId: 'c1', channel: K.billing, text: 'Can you check the retry limits before Friday?', asker: K.dana, addressees: [K.priyaSlack], at: '2026-11-19T10:05:00.000Z', evidence: [e(K.billing, '1700000001.000100', K.dana, '2026-11-19T10:05:00.000Z', '@Priya Nair can you check the retry limits before Friday?')] }),
    question({ questionId: 'q2', conversationId: 'c2', channel: K.dev, text: 'Is the search reindex still running?', asker: K.sam, addressees: [K.priyaDiscord], at: '2026-11-19T11:00:00.000Z', evidence: [e(K.dev, '9001', K.sam, '2026-11-19T11:00:00.000Z', '@pj_dev is the search reindex still running?')] }),
    answered('q2', K.priyaDiscord, '2026-11-19T11:10:00.000Z', e(K.dev, '9002', K.priyaDiscord, '2026-11-19T11:10:00.000Z', 'done since 10')),
    question({ questionId: 'q3', conversationId: 'c1', channel: K.billing, kind: 'approval', text: 'Blocked on Priya Nair sign-off for the Stripe contract', asker: K.dana, addressees: [], at: '2026-11-19T16:30:00.000Z', evidence: [e(K.billing, '1700000002.000200', K.dana, '2026-11-19T16:30:00.000Z', 'blocked on Priya Nair sign-off for the Stripe contract')] }),
    question({ questionId: 'q4', conversationId: 'c2', channel: K.dev, text: 'Who has the staging password?', asker: K.priyaDiscord, addressees: [K.sam], at: '2026-11-19T12:00:00.000Z', evidence: [e(K.dev, '9003', K.priyaDiscord, '2026-11-19T12:00:00.000Z', 'who has the staging password?')] }),

    // Action items: overdue, due soon, later, completed, someone else's.
    actionItem({ itemId: 'a-later', conversationId: 'c1', channel: K.billing, summary: 'Write the billing runbook', assignee: K.priyaSlack, requestedBy: K.dana, due: '2026-12-10', at: '2026-11-19T10:00:00.000Z', evidence: [e(K.billing, '1700000003.000300', K.dana, '2026-11-19T10:00:00.000Z', 'Priya, write the billing runbook by Dec 10')] }),
    actionItem({ itemId: 'a-soon', conversationId: 'c1', channel: K.billing, summary: 'Send the invoice export', assignee: K.priyaDiscord, requestedBy: K.dana, due: '2026-11-20T15:00:00.000Z', dueText: 'today 4pm', at: '2026-11-19T09:00:00.000Z', evidence: [e(K.billing, '1700000004.000400', K.dana, '2026-11-19T09:00:00.000Z', 'send the invoice export today 4pm')] }),
    actionItem({ itemId: 'a-overdue', conversationId: 'c2', channel: K.dev, summary: 'Review the reindex PR', assignee: K.priyaDiscord, requestedBy: K.sam, due: '2026-11-18', dueText: 'by Wednesday', at: '2026-11-16T09:00:00.000Z', evidence: [e(K.dev, '8001', K.sam, '2026-11-16T09:00:00.000Z', '@pj_dev review the reindex PR by Wednesday')] }),
    actionItem({ itemId: 'a-done', conversationId: 'c2', channel: K.dev, summary: 'Rotate the API key', assignee: K.priyaSlack, requestedBy: K.sam, due: null, at: '2026-11-19T08:00:00.000Z', evidence: [e(K.dev, '8002', K.sam, '2026-11-19T08:00:00.000Z', 'rotate the API key')] }),
    completed('a-done', K.priyaSlack, '2026-11-19T13:00:00.000Z', e(K.dev, '8003', K.priyaDiscord, '2026-11-19T13:00:00.000Z', 'rotated')),
    actionItem({ itemId: 'a-dana', conversationId: 'c1', channel: K.billing, summary: 'Email finance', assignee: K.dana, requestedBy: K.priyaSlack, due: '2026-11-19', at: '2026-11-19T10:00:00.000Z', evidence: [e(K.billing, '1700000005.000500', K.priyaSlack, '2026-11-19T10:00:00.000Z', 'Dana, email finance')] }),

    // Decisions: one old, one made and reversed in the window.
    decision({ decisionId: 'd-old', conversationId: 'c0', channel: K.billing, summary: 'Freeze billing deploys on Fridays', decidedBy: [K.dana], at: '2026-11-10T10:00:00.000Z', evidence: [e(K.billing, '1699000000.000100', K.dana, '2026-11-10T10:00:00.000Z', 'no billing deploys on Fridays')] }),
    decision({ decisionId: 'd1', conversationId: 'c1', channel: K.billing, summary: 'Retry failed charges 5 times', about: ['component:billing'], decidedBy: [K.dana, K.priyaSlack], at: '2026-11-19T10:30:00.000Z', evidence: [e(K.billing, '1700000006.000600', K.dana, '2026-11-19T10:30:00.000Z', "let's retry failed charges 5 times")] }),
    decision({ decisionId: 'd2', conversationId: 'c1', channel: K.billing, summary: 'Retry failed charges 3 times, not 5', about: ['component:billing'], decidedBy: [K.priyaSlack], reverses: 'd1', at: '2026-11-19T15:00:00.000Z', evidence: [e(K.billing, '1700000007.000700', K.priyaSlack, '2026-11-19T15:00:00.000Z', 'actually 3 retries, not 5')] }),

    // Conversations: "billing retries" on two sources, search, noise, one from last week.
    conversation({ conversationId: 'c1', channel: K.billing, topic: 'billing retries', summary: 'Dana and Priya agreed on retry limits for failed charges. The Stripe contract needs sign-off.', participants: [K.dana, K.priyaSlack], mentioned: [K.priyaSlack], entities: ['component:billing'], start: '2026-11-19T10:00:00.000Z', end: '2026-11-19T16:30:00.000Z', messageCount: 14 }),
    conversation({ conversationId: 'c3', channel: K.dev, topic: 'Billing retries', summary: 'Sam asked whether retries hit the payment provider rate limit.', participants: [K.sam], entities: ['component:billing'], start: '2026-11-19T17:00:00.000Z', end: '2026-11-19T17:20:00.000Z', messageCount: 4 }),
    conversation({ conversationId: 'c2', channel: K.dev, topic: 'search reindex', summary: 'Sam and pj_dev tracked the search reindex. It finished at 10.', participants: [K.sam, K.priyaDiscord], entities: ['component:search'], start: '2026-11-19T11:00:00.000Z', end: '2026-11-19T12:05:00.000Z', messageCount: 9 }),
    conversation({ conversationId: 'c4', channel: K.dev, topic: 'office plants', summary: 'Sam talked about plants.', participants: [K.sam], start: '2026-11-19T18:00:00.000Z', end: '2026-11-19T18:10:00.000Z', messageCount: 3 }),
    conversation({ conversationId: 'n1', channel: K.billing, topic: 'deploy notices', summary: 'deploybot posted deploys.', participants: [K.bot], noise: true, start: '2026-11-19T12:00:00.000Z', end: '2026-11-19T12:00:00.000Z', messageCount: 6 }),
    conversation({ conversationId: 'n2', channel: K.dev, topic: 'lunch', summary: 'lunch?', participants: [K.sam], noise: true, start: '2026-11-19T11:30:00.000Z', end: '2026-11-19T11:35:00.000Z', messageCount: 2 }),
    conversation({ conversationId: 'c-old', channel: K.dev, topic: 'old topic', summary: 'last week', participants: [K.priyaDiscord], start: '2026-11-12T10:00:00.000Z', end: '2026-11-12T11:00:00.000Z' }),

    // Facts: billing changes hands from Dana to Priya in the window; a retracted expertise claim.
    fact({ factId: 'f-dana', subject: K.dana, relation: 'owns', object: 'component:billing', validFrom: '2026-11-01T09:00:00.000Z', conversationId: 'c0', evidence: [e(K.billing, '1698000000.000100', K.dana, '2026-11-01T09:00:00.000Z', 'I own billing')] }),
    fact({ factId: 'f-priya', subject: K.priyaSlack, relation: 'owns', object: 'component:billing', validFrom: '2026-11-19T14:00:00.000Z', conversationId: 'c1', evidence: [e(K.billing, '1700000008.000800', K.dana, '2026-11-19T14:00:00.000Z', 'Priya takes over billing from today')] }),
    fact({ factId: 'f-sam-search', subject: K.sam, relation: 'expert_in', object: 'component:search', validFrom: '2026-11-05T09:00:00.000Z', conversationId: 'c2', evidence: [e(K.dev, '7001', K.sam, '2026-11-05T09:00:00.000Z', 'I know search')] }),
    retracted({ factId: 'f-sam-search', reason: 'correction', at: '2026-11-19T11:30:00.000Z', by: K.sam, evidence: [e(K.dev, '9004', K.sam, '2026-11-19T11:30:00.000Z', 'actually I never worked on search')] }),

    // Meetings: today in Berlin (one just after local midnight), one cancelled, one tomorrow in Berlin that is still "today" in UTC.
    meeting({ uid: 'standup', start: '2026-11-20T08:00:00.000Z', end: '2026-11-20T08:15:00.000Z', summary: 'Daily standup', recurring: true, attendees: [{ email: 'priya@acme.io' }, { email: 'dana@acme.io' }] }),
    meeting({ uid: 'billing-review', start: '2026-11-20T14:00:00.000Z', end: '2026-11-20T15:00:00.000Z', summary: 'Billing retries review', location: 'Room 2', organizer: { email: 'dana@acme.io', name: 'Dana Kim' }, attendees: [{ email: 'priya@acme.io' }] }),
    meeting({ uid: 'early', start: '2026-11-19T23:30:00.000Z', end: '2026-11-19T23:45:00.000Z', summary: 'Early call with Sydney', attendees: [] }),
    meeting({ uid: 'dropped', start: '2026-11-20T10:00:00.000Z', end: '2026-11-20T11:00:00.000Z', summary: 'Dropped meeting', attendees: [] }),
    cancelled({ calendar: 'calendar:team', uid: 'dropped', occurrence: '2026-11-20T10:00:00.000Z' }),
    meeting({ uid: 'late', start: '2026-11-20T23:30:00.000Z', end: '2026-11-21T00:00:00.000Z', summary: 'Tomorrow in Berlin', attendees: [] }),
  ];
}
