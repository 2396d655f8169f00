import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrief } from '../../answers/brief/build-brief.js';
import type { Brief } from '../../answers/brief/brief-types.js';
import { acmeDay, NOW, TZ } from '../../answers/brief/test-support/acme-day.js';
import { openTestStore } from '../../answers/brief/test-support/brief-builders.js';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { BriefView } from './brief-view.js';

const temp = makeTempDir('outro-brief-view-');
let brief: Brief;

beforeAll(() => {
  const store = openTestStore(join(temp.dir, 'outro.db'));
  store.log.appendAll(acmeDay());
  brief = buildBrief(store, { me: 'pj_dev', now: NOW, timezone: TZ });
  store.close();
});
afterAll(() => temp.cleanup());

describe('BriefView', () => {
  it('renders the six sections in order with their counts', () => {
    const frame = render(<BriefView brief={brief} />).lastFrame() ?? '';
    const order = [
      'Waiting on you (5)',
      'Due soon across the team (3)',
      'Decisions (2)',
      'Your day, 2026-11-20 (3)',
      'Conversations (3)',
      'Changed facts (2)',
    ].map((title) => frame.indexOf(title));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(frame).toContain('Brief for Priya Nair');
  });

  it('shows items with their citations, meetings with related conversations, and collapsed noise', () => {
    const frame = render(<BriefView brief={brief} />).lastFrame() ?? '';
    expect(frame).toContain('to do: Review the reindex PR, due 2026-11-18 (OVERDUE)');
    expect(frame).toContain('discord #dev, Sam Ortiz, 2026-11-16 10:00 [8001]');
    expect(frame).toContain('Dana Kim: Email finance, due 2026-11-19 (OVERDUE) — from Priya Nair');
    expect(frame).toContain('15:00–16:00 Billing retries review');
    expect(frame).toContain('↳ billing retries');
    expect(frame).toContain('+ 2 noise conversations collapsed');
    expect(frame).toContain('billing service: owner Dana Kim → Priya Nair');
  });

  it('says "nothing" under an empty section', () => {
    const quiet: Brief = { ...brief, decisions: [], counts: { ...brief.counts, decisions: 0 } };
    const frame = render(<BriefView brief={quiet} />).lastFrame() ?? '';
    expect(frame).toMatch(/Decisions \(0\)\n\s+nothing/);
  });
});
