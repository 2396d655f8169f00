import type { EventEnvelope } from '../../../domain/events.js';
import { actionItem, answered, completed, decision, ev, question } from './brief-builders.js';
import { K } from './acme-keys.js';

/** Priya's morning, what waits: questions, action items and decisions (see acme-day.ts). */
export function acmeAsks(): EventEnvelope[] {
  return [
    // Questions: one to each of Priya's identities, one approval, one answered, one not for her.
    question({
      questionId: 'q1',
      conversationId: 'c1',
      channel: K.billing,
      text: 'Can you check the retry limits before Friday?',
      asker: K.dana,
      addressees: [K.priyaSlack],
      at: '2026-11-19T10:05:00.000Z',
      evidence: [
        ev(
          K.billing,
          '1700000001.000100',
          K.dana,
          '2026-11-19T10:05:00.000Z',
          '@Priya Nair can you check the retry limits before Friday?',
        ),
      ],
    }),
    question({
      questionId: 'q2',
      conversationId: 'c2',
      channel: K.dev,
      text: 'Is the search reindex still running?',
      asker: K.sam,
      addressees: [K.priyaDiscord],
      at: '2026-11-19T11:00:00.000Z',
      evidence: [
        ev(K.dev, '9001', K.sam, '2026-11-19T11:00:00.000Z', '@pj_dev is the search reindex still running?'),
      ],
    }),
    answered(
      'q2',
      K.priyaDiscord,
      '2026-11-19T11:10:00.000Z',
      ev(K.dev, '9002', K.priyaDiscord, '2026-11-19T11:10:00.000Z', 'done since 10'),
    ),
    question({
      questionId: 'q3',
      conversationId: 'c1',
      channel: K.billing,
      kind: 'approval',
      text: 'Blocked on Priya Nair sign-off for the Stripe contract',
      asker: K.dana,
      addressees: [],
      at: '2026-11-19T16:30:00.000Z',
      evidence: [
        ev(
          K.billing,
          '1700000002.000200',
          K.dana,
          '2026-11-19T16:30:00.000Z',
          'blocked on Priya Nair sign-off for the Stripe contract',
        ),
      ],
    }),
    question({
      questionId: 'q4',
      conversationId: 'c2',
      channel: K.dev,
      text: 'Who has the staging password?',
      asker: K.priyaDiscord,
      addressees: [K.sam],
      at: '2026-11-19T12:00:00.000Z',
      evidence: [
        ev(K.dev, '9003', K.priyaDiscord, '2026-11-19T12:00:00.000Z', 'who has the staging password?'),
      ],
    }),

    // Action items: overdue, due soon, later, completed, someone else's.
    actionItem({
      itemId: 'a-later',
      conversationId: 'c1',
      channel: K.billing,
      summary: 'Write the billing runbook',
      assignee: K.priyaSlack,
      requestedBy: K.dana,
      due: '2026-12-10',
      at: '2026-11-19T10:00:00.000Z',
      evidence: [
        ev(
          K.billing,
          '1700000003.000300',
          K.dana,
          '2026-11-19T10:00:00.000Z',
          'Priya, write the billing runbook by Dec 10',
        ),
      ],
    }),
    actionItem({
      itemId: 'a-soon',
      conversationId: 'c1',
      channel: K.billing,
      summary: 'Send the invoice export',
      assignee: K.priyaDiscord,
      requestedBy: K.dana,
      due: '2026-11-20T15:00:00.000Z',
      dueText: 'today 4pm',
      at: '2026-11-19T09:00:00.000Z',
      evidence: [
        ev(
          K.billing,
          '1700000004.000400',
          K.dana,
          '2026-11-19T09:00:00.000Z',
          'send the invoice export today 4pm',
        ),
      ],
    }),
    actionItem({
      itemId: 'a-overdue',
      conversationId: 'c2',
      channel: K.dev,
      summary: 'Review the reindex PR',
      assignee: K.priyaDiscord,
      requestedBy: K.sam,
      due: '2026-11-18',
      dueText: 'by Wednesday',
      at: '2026-11-16T09:00:00.000Z',
      evidence: [
        ev(K.dev, '8001', K.sam, '2026-11-16T09:00:00.000Z', '@pj_dev review the reindex PR by Wednesday'),
      ],
    }),
    actionItem({
      itemId: 'a-done',
      conversationId: 'c2',
      channel: K.dev,
      summary: 'Rotate the API key',
      assignee: K.priyaSlack,
      requestedBy: K.sam,
      due: null,
      at: '2026-11-19T08:00:00.000Z',
      evidence: [ev(K.dev, '8002', K.sam, '2026-11-19T08:00:00.000Z', 'rotate the API key')],
    }),
    completed(
      'a-done',
      K.priyaSlack,
      '2026-11-19T13:00:00.000Z',
      ev(K.dev, '8003', K.priyaDiscord, '2026-11-19T13:00:00.000Z', 'rotated'),
    ),
    actionItem({
      itemId: 'a-dana',
      conversationId: 'c1',
      channel: K.billing,
      summary: 'Email finance',
      assignee: K.dana,
      requestedBy: K.priyaSlack,
      due: '2026-11-19',
      at: '2026-11-19T10:00:00.000Z',
      evidence: [
        ev(K.billing, '1700000005.000500', K.priyaSlack, '2026-11-19T10:00:00.000Z', 'Dana, email finance'),
      ],
    }),

    // Decisions: one old, one made and reversed in the window.
    decision({
      decisionId: 'd-old',
      conversationId: 'c0',
      channel: K.billing,
      summary: 'Freeze billing deploys on Fridays',
      decidedBy: [K.dana],
      at: '2026-11-10T10:00:00.000Z',
      evidence: [
        ev(
          K.billing,
          '1699000000.000100',
          K.dana,
          '2026-11-10T10:00:00.000Z',
          'no billing deploys on Fridays',
        ),
      ],
    }),
    decision({
      decisionId: 'd1',
      conversationId: 'c1',
      channel: K.billing,
      summary: 'Retry failed charges 5 times',
      about: ['component:billing'],
      decidedBy: [K.dana, K.priyaSlack],
      at: '2026-11-19T10:30:00.000Z',
      evidence: [
        ev(
          K.billing,
          '1700000006.000600',
          K.dana,
          '2026-11-19T10:30:00.000Z',
          "let's retry failed charges 5 times",
        ),
      ],
    }),
    decision({
      decisionId: 'd2',
      conversationId: 'c1',
      channel: K.billing,
      summary: 'Retry failed charges 3 times, not 5',
      about: ['component:billing'],
      decidedBy: [K.priyaSlack],
      reverses: 'd1',
      at: '2026-11-19T15:00:00.000Z',
      evidence: [
        ev(
          K.billing,
          '1700000007.000700',
          K.priyaSlack,
          '2026-11-19T15:00:00.000Z',
          'actually 3 retries, not 5',
        ),
      ],
    }),
  ];
}
