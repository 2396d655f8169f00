import { describe, expect, it } from 'vitest';
import { EVENT, type StoredEvent } from '../../domain/events.js';
import type { MeetingScheduled } from '../../domain/meeting.js';
import { MemoryClaimIndex } from '../../memory/facts/claim-index.js';
import { MapEvidenceSource } from '../../memory/facts/map-evidence-source.js';
import { stored } from '../../memory/facts/test-support/fact-builders.js';
import { MemoryGraphStore } from '../../memory/graph/memory-graph-store.js';
import { GraphProjector } from '../../memory/graph/projector.js';
import { PeopleDirectory } from '../people/people-directory.js';
import type { AskSources } from './answer-support.js';
import { ask } from './ask.js';

function meeting(uid: string, summary: string, start: string, minutes = 30): MeetingScheduled {
  return {
    calendar: 'calendar:team',
    uid,
    occurrence: start,
    start,
    end: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
    allDay: false,
    summary,
    attendees: [],
    recurring: false,
    location: 'Room 2',
  };
}

async function sources(
  meetings: MeetingScheduled[],
  cancelled: MeetingScheduled[] = [],
): Promise<AskSources> {
  const events: StoredEvent[] = [
    ...meetings.map((m, i) => stored(EVENT.meetingScheduled, `ev-m${i}`, m, '2026-11-01T08:00:00.000Z')),
    ...cancelled.map((m, i) =>
      stored(EVENT.meetingScheduled, `ev-c${i}`, { ...m, status: 'CANCELLED' }, '2026-11-01T08:00:00.000Z'),
    ),
  ];
  const graph = new MemoryGraphStore();
  await new GraphProjector(new MemoryClaimIndex(), graph).apply(events);
  return {
    graph,
    evidence: new MapEvidenceSource(events),
    people: new PeopleDirectory([]),
    me: [],
    now: new Date('2026-11-12T12:00:00.000Z'),
    timeZone: 'Europe/Lisbon',
  };
}

describe('meetings from the calendar', () => {
  it('answers "when is X" with the next meeting titled so, and the ones after it', async () => {
    const s = await sources([
      meeting('rev', 'Vendor review: Harbor', '2026-11-05T10:00:00.000Z'),
      meeting('rev', 'Vendor review: Harbor', '2026-11-19T10:00:00.000Z'),
      meeting('rev', 'Vendor review: Harbor', '2026-12-03T10:00:00.000Z'),
      meeting('other', 'Harbor onboarding', '2026-11-13T10:00:00.000Z'),
    ]);
    const answer = await ask('when is the Harbor vendor review call?', s);
    expect(answer.known).toBe(true);
    expect(answer.text).toBe(
      'Vendor review: Harbor: Thu Nov 19 2026 10:00–10:30, Room 2 (then Thu Dec 3 2026 10:00–10:30) (calendar)',
    );
    expect(answer.evidence[0]).toMatchObject({ source: 'calendar', snippet: 'Vendor review: Harbor' });
  });

  it('answers "when was X" with the last one before as-of, and says when all are cancelled', async () => {
    const s = await sources(
      [meeting('rev', 'Vendor review: Harbor', '2026-11-05T10:00:00.000Z')],
      [meeting('qbr', 'Harbor QBR', '2026-11-20T15:00:00.000Z')],
    );
    expect((await ask('when was the vendor review meeting', s)).text).toMatch(
      /^Vendor review: Harbor: Thu Nov 5 2026/,
    );
    expect((await ask('when is the Harbor QBR', s)).text).toBe(
      'Harbor QBR: Fri Nov 20 2026 15:00–15:30, cancelled (calendar)',
    );
  });

  it('answers whether a meeting stands, on the day the question names', async () => {
    const s = await sources(
      [
        meeting('stand', 'Platform standup', '2026-11-16T09:45:00.000Z'),
        meeting('stand', 'Platform standup', '2026-11-20T09:45:00.000Z'),
      ],
      [
        meeting('stand', 'Platform standup', '2026-11-18T09:45:00.000Z'),
        meeting('qbr', 'Harbor QBR', '2026-11-13T15:00:00.000Z'),
      ],
    );
    const skipped = await ask('is there standup on wed the 18th', s);
    expect(skipped.text).toBe('Platform standup: Wed Nov 18 2026 09:45–10:15, cancelled (calendar)');
    expect((await ask('is there standup on friday the 20th', s)).text).toMatch(
      /^Platform standup: Fri Nov 20 2026/,
    );
    expect((await ask('is the Harbor QBR tomorrow still on?', s)).text).toMatch(/cancelled \(calendar\)$/);
    expect((await ask('which of the weekly standups was dropped this month?', s)).text).toBe(
      'Platform standup: Wed Nov 18 2026 09:45–10:15, cancelled (calendar)',
    );
  });

  it('does not answer from a meeting whose title lacks a word the question names', async () => {
    const s = await sources([meeting('rev', 'Vendor review: Harbor', '2026-11-19T10:00:00.000Z')]);
    const answer = await ask('when is the Harbor security audit call', s);
    expect(answer.known).toBe(false);
  });

  it('lists the meetings of a day or week ahead', async () => {
    const s = await sources([
      meeting('a', 'Standup', '2026-11-13T09:00:00.000Z', 15),
      meeting('b', 'Planning', '2026-11-17T14:00:00.000Z', 60),
    ]);
    expect((await ask('what meetings do I have tomorrow?', s)).text).toBe(
      '1 meeting tomorrow:\n- Fri Nov 13 2026 09:00–09:15 Standup',
    );
    expect((await ask("what's on my calendar next week", s)).text).toBe(
      '1 meeting next week:\n- Tue Nov 17 2026 14:00–15:00 Planning',
    );
  });
});
