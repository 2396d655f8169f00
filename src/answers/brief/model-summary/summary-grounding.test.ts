import { describe, expect, it } from 'vitest';
import type { BriefSummaryInput } from './summary-input.js';
import { groundBriefSummary } from './summary-grounding.js';
import { summaryLines } from './summary-strategy.js';

const input: BriefSummaryInput = {
  topic: 'billing retries',
  messages: [
    {
      id: 'm1',
      channel: '#billing',
      author: 'slack:T1:U2',
      authorName: 'Dana Kim',
      ts: '2026-11-19T10:00:00Z',
      text: 'Priya, the billing retries fail for EU cards since the Tuesday deploy.',
    },
    {
      id: 'm2',
      channel: '#billing',
      author: 'slack:T1:U1',
      authorName: 'Priya Nair',
      ts: '2026-11-19T10:05:00Z',
      text: 'I will roll back the retry limit change today, stripe-gateway stays.',
    },
  ],
  people: [
    { key: 'slack:T1:U1', name: 'Priya Nair' },
    { key: 'slack:T1:U2', name: 'Dana Kim' },
  ],
  entities: [{ id: 'component:billing', name: 'billing service' }],
};
const ground = (summary: string, evidence = ['m1']) => groundBriefSummary({ summary, evidence }, input);

describe('groundBriefSummary', () => {
  it('passes a summary whose names and ids all come from the conversation', () => {
    const result = ground(
      'Dana Kim reports EU card retries failing since Tuesday. Priya rolls back the retry limit; stripe-gateway stays.',
      ['m1', 'm2'],
    );
    expect(result.value.rejected).toBeUndefined();
    expect(result.drops).toEqual([]);
  });

  it('rejects a summary that starts a sentence with a person the conversation does not name', () => {
    const result = ground('Marcus signs off on the rollback.');
    expect(result.value.rejected).toContain('"Marcus"');
    expect(result.drops).toEqual([{ kind: 'item', value: 'Marcus', path: 'summary' }]);
  });

  it('rejects an invented name or component inside a sentence', () => {
    expect(ground('Priya hands the rollback to Zebulon Quince.').value.rejected).toContain('"Zebulon"');
    expect(ground('The retries move to quantum-ledger.').value.rejected).toContain('"quantum-ledger"');
  });

  it('lets ordinary sentence openers through', () => {
    for (const summary of [
      'The retry limit change is rolled back today.',
      'Rolled back the retry limit change.',
      'Everyone agreed on the rollback.',
    ]) {
      expect(ground(summary).value.rejected, summary).toBeUndefined();
    }
  });

  it('rejects a summary citing a message id that is not in the conversation, and counts it', () => {
    const result = ground('Priya rolls back the retry limit change.', ['m2', 'm-404']);
    expect(result.value.rejected).toContain('m-404');
    expect(result.drops).toEqual([{ kind: 'message', value: 'm-404', path: 'evidence.1' }]);
  });
});

describe('summaryLines', () => {
  it('keeps two sentences of at most 160 characters', () => {
    const long = `${'word '.repeat(50)}end.`;
    expect(summaryLines(`First one. Second one! Third one.`)).toEqual(['First one.', 'Second one!']);
    expect(summaryLines(long)[0]).toHaveLength(160);
  });
});
