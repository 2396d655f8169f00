import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { buildBrief } from './build-brief.js';
import type { Brief } from './brief-types.js';
import { renderBriefMarkdown } from './render-markdown.js';
import { renderBriefText } from './render-text.js';
import { acmeDay, NOW, TZ } from './test-support/acme-day.js';
import { openTestStore } from './test-support/brief-builders.js';
import { digestMarkdown } from './write-digest.js';

let brief: Brief;
let empty: Brief;
const temp = makeTempDir('outro-brief-render-');

beforeAll(() => {
  const store = openTestStore(join(temp.dir, 'outro.db'));
  store.log.appendAll(acmeDay());
  brief = buildBrief(store, { me: 'priya', now: NOW, timezone: TZ });
  empty = buildBrief(store, {
    me: 'priya',
    now: NOW,
    timezone: TZ,
    since: '2026-11-01T00:00:00Z',
    until: '2026-11-01T00:00:01Z',
  });
  store.close();
});
afterAll(() => temp.cleanup());

describe('brief renderers', () => {
  it('writes markdown with the six stable headings in order, with counts', () => {
    const md = renderBriefMarkdown(brief);
    const headings = md.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual([
      '## Waiting on you (5)',
      '## Due soon across the team (3)',
      '## Decisions (2)',
      '## Your day (3)',
      '## Conversations (3)',
      '## Changed facts (2)',
    ]);
    expect(md.startsWith('# Brief for Priya Nair\n')).toBe(true);
  });

  it('cites every markdown item with source, channel, author, local time and native id', () => {
    const md = renderBriefMarkdown(brief);
    expect(md).toContain(
      '- question: Can you check the retry limits before Friday? — from Dana Kim — *slack #billing, Dana Kim, 2026-11-19 11:05* `1700000001.000100`',
    );
    expect(md).toContain(
      '- billing service: owner Dana Kim → Priya Nair — *slack #billing, Dana Kim, 2026-11-19 15:00* `1700000008.000800`',
    );
    expect(md).toContain('Retry failed charges 5 times \\[REVERSED: Retry failed charges 3 times, not 5\\]');
    expect(md).toContain('### Billing retries');
    expect(md).toContain(
      '- `c1` slack #billing, 14 messages — *slack #billing, Dana Kim, 2026-11-19 10:00* `1700000004.000400`',
    );
    expect(md).toContain('- `c3` discord #dev, 4 messages');
    expect(md).toContain('_2 noise conversations collapsed (bots, joins, small talk)._');
    // Markdown specials in names are escaped (pj_dev would otherwise start emphasis).
    expect(md).toContain('pj\\_dev');
  });

  it('keeps every heading when sections are empty', () => {
    const md = renderBriefMarkdown(empty);
    expect(md.match(/^## .*\(0\)$/gm)?.length).toBeGreaterThanOrEqual(4);
    expect(md).toContain('_Nothing._');
  });

  it('writes plain text sections with counts and one citation line per item', () => {
    const lines = renderBriefText(brief);
    expect(lines[0]).toBe(
      'Brief for Priya Nair — 2026-11-19 09:30 → 2026-11-20 09:30 Europe/Berlin (last 24 h)',
    );
    expect(lines).toContain('Waiting on you (5)');
    expect(lines).toContain('Your day, 2026-11-20 (3)');
    const overdue = lines.indexOf(
      '  - to do: Review the reindex PR, due 2026-11-18 (OVERDUE) — from Sam Ortiz (earlier)',
    );
    expect(overdue).toBeGreaterThan(0);
    expect(lines[overdue + 1]).toBe('      discord #dev, Sam Ortiz, 2026-11-16 10:00 [8001]');
    const team = lines.indexOf('Due soon across the team (3)');
    expect(lines.slice(team + 1, team + 7)).toEqual([
      '  - Priya Nair: Review the reindex PR, due 2026-11-18 (OVERDUE) — from Sam Ortiz [search reindex]',
      '      discord #dev, Sam Ortiz, 2026-11-16 10:00 [8001]',
      '  - Dana Kim: Email finance, due 2026-11-19 (OVERDUE) — from Priya Nair [billing retries]',
      '      slack #billing, Priya Nair, 2026-11-19 11:00 [1700000005.000500]',
      '  - Priya Nair: Send the invoice export, due 2026-11-20 16:00 — from Dana Kim [billing retries]',
      '      slack #billing, Dana Kim, 2026-11-19 10:00 [1700000004.000400]',
    ]);
    expect(lines.join('\n')).not.toMatch(/\u001b\[/);
  });

  it('puts YAML front matter with date, window, counts and degraded flag on a digest', () => {
    const text = digestMarkdown(brief, NOW);
    const [, front, body] = text.split(/^---$/m);
    const meta = parse(front) as Record<string, unknown>;
    expect(meta).toMatchObject({
      date: NOW.toISOString(),
      window: { since: brief.window.since, until: brief.window.until },
      degraded: false,
      counts: brief.counts,
    });
    expect(body.trimStart().startsWith('# Brief for Priya Nair')).toBe(true);
  });
});
