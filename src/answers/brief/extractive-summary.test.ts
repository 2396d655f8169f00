import { describe, expect, it } from 'vitest';
import { extractiveSummary } from './extractive-summary.js';

describe('extractiveSummary', () => {
  it('leads with decisions, then asks', () => {
    expect(
      extractiveSummary({
        decisions: ['Ship on Friday'],
        asks: ['Need sign-off from Dana'],
        summaries: ['They talked a lot.'],
      }),
    ).toEqual(['Decided: Ship on Friday', 'Asked: Need sign-off from Dana']);
  });

  it('picks the most informative sentences and skips ones that add no new words', () => {
    const lines = extractiveSummary({
      decisions: [],
      asks: [],
      summaries: [
        'ok thanks.',
        'Marco moved the billing retries to the queue worker on 2026-11-12. The retries moved to the queue.',
        'Ravi pulled 312 duplicate charges from the billing DB.',
      ],
    });
    expect(lines).toEqual([
      'Marco moved the billing retries to the queue worker on 2026-11-12.',
      'Ravi pulled 312 duplicate charges from the billing DB.',
    ]);
  });

  it('clips long lines to one terminal line', () => {
    const [line] = extractiveSummary({ decisions: ['x'.repeat(400)], asks: [], summaries: [] });
    expect(line.length).toBe(160);
    expect(line.endsWith('…')).toBe(true);
  });
});
