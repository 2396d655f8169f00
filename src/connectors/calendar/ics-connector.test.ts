import { describe, expect, it } from 'vitest';
import { EVENT, type EventEnvelope } from '../../domain/events.js';
import type { MeetingCancelled, MeetingScheduled } from '../../domain/meeting.js';
import type { PersonUpdated } from '../../domain/person.js';
import type { ConnectorOptions, IngestItem, IngestProblem } from '../connector.js';
import { icsConnector, sniffIcs } from './ics-connector.js';
import { GOOGLE_ICS, OUTLOOK_ICS, crlf } from './test-support/ics-samples.js';

const OPTIONS: ConnectorOptions = {
  now: new Date('2026-11-01T12:00:00Z'),
  calendarPastDays: 60,
  calendarFutureDays: 60,
};

async function read(
  text: string,
  options: Partial<ConnectorOptions> = {},
): Promise<{ events: EventEnvelope[]; problems: IngestProblem[]; batches: number }> {
  const items: IngestItem[] = [];
  for await (const item of icsConnector.read(
    { format: 'ics', path: 'cal.ics', container: 'file', text },
    { ...OPTIONS, ...options },
  ))
    items.push(item);
  return {
    events: items.flatMap((item) => (item.kind === 'batch' ? item.events : [])),
    problems: items.flatMap((item) => (item.kind === 'problem' ? [item.problem] : [])),
    batches: items.filter((item) => item.kind === 'batch').length,
  };
}

const cancelled = (events: EventEnvelope[]): MeetingCancelled[] =>
  events.filter((e) => e.type === EVENT.meetingCancelled).map((e) => e.payload as MeetingCancelled);
/** Every meeting.scheduled, a called-off occurrence's too (it is scheduled, then cancelled, to keep its title). */
const everyScheduled = (events: EventEnvelope[]): MeetingScheduled[] =>
  events.filter((e) => e.type === EVENT.meetingScheduled).map((e) => e.payload as MeetingScheduled);
/** The occurrences still scheduled: no cancellation of the same occurrence follows. */
const scheduled = (events: EventEnvelope[]): MeetingScheduled[] => {
  const off = new Set(cancelled(events).map((c) => `${c.calendar}|${c.uid}|${c.occurrence}`));
  return everyScheduled(events).filter((m) => !off.has(`${m.calendar}|${m.uid}|${m.occurrence}`));
};
const people = (events: EventEnvelope[]): PersonUpdated[] =>
  events.filter((e) => e.type === EVENT.personUpdated).map((e) => e.payload as PersonUpdated);

const event = (lines: string): string => `BEGIN:VEVENT\nDTSTAMP:20261101T000000Z\n${lines}\nEND:VEVENT`;
const calendar = (...events: string[]): string =>
  crlf(`BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n${events.join('\n')}\nEND:VCALENDAR\n`);

describe('sniffIcs', () => {
  it('recognises a calendar by content, after a BOM, blank lines and with CRLF', () => {
    expect(sniffIcs('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(sniffIcs('\uFEFF\r\n\r\n  begin:vcalendar\nVERSION:2.0')).toBe(true);
    expect(sniffIcs('{"value": []}')).toBe(false);
    expect(sniffIcs('BEGIN:VCARD\r\nVERSION:4.0\r\n')).toBe(false);
    expect(sniffIcs('Subject: BEGIN:VCALENDAR')).toBe(false);
  });
});

describe('icsConnector with a Google Calendar export', () => {
  it('expands the weekly rule across the DST change, drops the EXDATE and moves the overridden occurrence', async () => {
    const { events, problems, batches } = await read(GOOGLE_ICS);
    expect(problems).toEqual([]);
    expect(batches).toBe(1);
    const sync = scheduled(events).filter((m) => m.uid === '4ab1c2d3e4f5sync@google.com');
    expect(sync.map((m) => [m.occurrence, m.start])).toEqual([
      ['2026-10-05T08:00:00.000Z', '2026-10-05T08:00:00.000Z'],
      ['2026-10-12T08:00:00.000Z', '2026-10-12T08:00:00.000Z'],
      ['2026-10-26T09:00:00.000Z', '2026-10-27T13:00:00.000Z'],
      ['2026-11-02T09:00:00.000Z', '2026-11-02T09:00:00.000Z'],
      ['2026-11-09T09:00:00.000Z', '2026-11-09T09:00:00.000Z'],
      ['2026-11-16T09:00:00.000Z', '2026-11-16T09:00:00.000Z'],
      ['2026-11-23T09:00:00.000Z', '2026-11-23T09:00:00.000Z'],
    ]);
    expect(
      sync.every(
        (m) => m.recurring && m.timezone === 'Europe/Berlin' && m.calendar === 'calendar:acme-engineering',
      ),
    ).toBe(true);
    expect(sync[0]).toMatchObject({
      end: '2026-10-05T08:30:00.000Z',
      summary: 'Platform sync',
      sequence: 2,
      status: 'CONFIRMED',
    });
    expect(sync[0].description).toBe(
      'Weekly platform sync.\nAgenda: https://docs.example/agenda, notes after.',
    );
    expect(sync[2]).toMatchObject({
      summary: 'Platform sync (moved)',
      end: '2026-10-27T13:30:00.000Z',
      sequence: 3,
    });
    expect(cancelled(events)).toContainEqual({
      calendar: 'calendar:acme-engineering',
      uid: '4ab1c2d3e4f5sync@google.com',
      occurrence: '2026-10-19T08:00:00.000Z',
    });
  });

  it('reads organizer and attendees with PARTSTAT and ROLE, emails lower-cased', async () => {
    const { events } = await read(GOOGLE_ICS);
    const first = scheduled(events)[0];
    expect(first.organizer).toEqual({ name: 'Maya Chen', email: 'maya@acme.example' });
    expect(first.attendees).toEqual([
      { name: 'Maya Chen', email: 'maya@acme.example', status: 'ACCEPTED', role: 'REQ-PARTICIPANT' },
      { name: 'Raj Patel', email: 'raj.patel@acme.example', status: 'TENTATIVE', role: 'REQ-PARTICIPANT' },
      { email: 'ines@acme.example', status: 'NEEDS-ACTION', role: 'OPT-PARTICIPANT' },
    ]);
  });

  it('emits one person per email (not rooms), keyed calendar:email:<address>, dated at their first meeting', async () => {
    const { events } = await read(GOOGLE_ICS);
    const found = people(events);
    expect(found.map((p) => p.key)).toEqual([
      'calendar:email:ines@acme.example',
      'calendar:email:maya@acme.example',
      'calendar:email:raj.patel@acme.example',
    ]);
    expect(found[1]).toEqual({
      key: 'calendar:email:maya@acme.example',
      source: 'calendar',
      workspace: 'email',
      nativeId: 'maya@acme.example',
      names: ['Maya Chen'],
      handles: [],
      emails: ['maya@acme.example'],
      isBot: false,
    });
    expect(found[0].names).toEqual([]);
    const maya = events.find((e) => e.stream === 'calendar:email:maya@acme.example');
    expect(maya?.occurredAt).toBe('2026-10-05T08:00:00.000Z');
  });

  it('reports a cancelled one-off as a cancellation, keeps room attendees in the list, and orders events by time', async () => {
    const { events } = await read(GOOGLE_ICS);
    expect(cancelled(events)).toContainEqual({
      calendar: 'calendar:acme-engineering',
      uid: 'cancelled1@google.com',
      occurrence: '2026-11-04T09:00:00.000Z',
    });
    expect(scheduled(events).some((m) => m.uid === 'cancelled1@google.com')).toBe(false);
    // Scheduled first, then cancelled: the record of what was called off keeps its title and time.
    const called = events.filter((e) => (e.payload as { uid?: string }).uid === 'cancelled1@google.com');
    expect(called.map((e) => e.type)).toEqual([EVENT.meetingScheduled, EVENT.meetingCancelled]);
    expect(everyScheduled(events).find((m) => m.uid === 'cancelled1@google.com')?.summary).toBe(
      'Vendor call',
    );
    const review = scheduled(events).find((m) => m.uid === '7hq2review@google.com');
    expect(review).toMatchObject({
      recurring: false,
      location: 'Berlin-3-Orca (8)',
      start: '2026-11-03T15:00:00.000Z',
    });
    expect(review?.timezone).toBeUndefined();
    expect(review?.attendees[0]).toMatchObject({
      name: 'Berlin-3-Orca (8)',
      email: 'c_188abc@resource.calendar.google.com',
    });
    const times = events.map((e) => e.occurredAt);
    expect(times).toEqual([...times].sort());
  });

  it('gives the same event ids on every read (re-ingest appends nothing)', async () => {
    const first = await read(GOOGLE_ICS);
    const second = await read(GOOGLE_ICS);
    expect(second.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
  });

  it('expands only over the window around now', async () => {
    const { events } = await read(GOOGLE_ICS, {
      now: new Date('2026-11-20T00:00:00Z'),
      calendarPastDays: 7,
      calendarFutureDays: 7,
    });
    expect(
      scheduled(events)
        .filter((m) => m.recurring)
        .map((m) => m.start),
    ).toEqual(['2026-11-16T09:00:00.000Z', '2026-11-23T09:00:00.000Z']);
    // One-off events are kept whatever the window.
    expect(scheduled(events).some((m) => m.uid === '7hq2review@google.com')).toBe(true);
  });
});

describe('icsConnector with an Outlook export', () => {
  it('uses the VTIMEZONE of a Windows zone name, unfolds lines and keys the calendar by X-WR-RELCALID', async () => {
    const { events, problems } = await read(OUTLOOK_ICS);
    expect(problems).toEqual([]);
    const [meeting] = scheduled(events);
    expect(meeting).toMatchObject({
      calendar: 'calendar:{0000002E-6A05-4F6C-9B1E-0D1C2B3A4F5E}',
      uid: '040000008200E00074C5B7101A82E0080000000010C8F1A2B3C4D501000000000000000010000000B0A9C8D7E6F5A4B3C2D1E0F9A8B7C6D5',
      start: '2026-11-10T12:30:00.000Z',
      end: '2026-11-10T13:30:00.000Z',
      timezone: 'Europe/Berlin',
      summary: 'Incident review',
      location: 'Microsoft Teams Meeting',
      allDay: false,
    });
    expect(meeting.description).toBe("Let's walk through the Q4 incident backlog and agree on owners.");
    expect(meeting.attendees.map((a) => a.email)).toEqual(['maya@acme.example', 'sam@acme.example']);
    expect(people(events).map((p) => p.nativeId)).toEqual([
      'jonas.weber@acme.example',
      'maya@acme.example',
      'sam@acme.example',
    ]);
  });
});

describe('icsConnector time zones and values', () => {
  it('converts an IANA TZID with no VTIMEZONE through Intl, on both sides of a DST change', async () => {
    const text = calendar(
      event(
        'UID:ny-1\nSUMMARY:Standup NY\nDTSTART;TZID=America/New_York:20261030T090000\nDTEND;TZID=America/New_York:20261030T091500\nRRULE:FREQ=DAILY;COUNT=5',
      ),
    );
    const { events, problems } = await read(text);
    expect(problems).toEqual([]);
    expect(scheduled(events).map((m) => m.start)).toEqual([
      '2026-10-30T13:00:00.000Z',
      '2026-10-31T13:00:00.000Z',
      '2026-11-01T14:00:00.000Z',
      '2026-11-02T14:00:00.000Z',
      '2026-11-03T14:00:00.000Z',
    ]);
    expect(scheduled(events)[2]).toMatchObject({
      end: '2026-11-01T14:15:00.000Z',
      timezone: 'America/New_York',
    });
  });

  it('reads floating times in the default zone, else UTC', async () => {
    const text = calendar(
      event('UID:float-1\nSUMMARY:Lunch\nDTSTART:20261110T120000\nDTEND:20261110T130000'),
    );
    expect(scheduled((await read(text)).events)[0]).toMatchObject({ start: '2026-11-10T12:00:00.000Z' });
    const tokyo = scheduled((await read(text, { defaultTimezone: 'Asia/Tokyo' })).events)[0];
    expect(tokyo).toMatchObject({
      start: '2026-11-10T03:00:00.000Z',
      end: '2026-11-10T04:00:00.000Z',
      timezone: 'Asia/Tokyo',
    });
  });

  it('reads all-day DATE values as whole days, with a one-day default length', async () => {
    const text = calendar(
      event('UID:offsite\nSUMMARY:Team offsite\nDTSTART;VALUE=DATE:20261112\nDTEND;VALUE=DATE:20261114'),
      event('UID:holiday\nSUMMARY:Holiday\nDTSTART;VALUE=DATE:20261225'),
    );
    const meetings = scheduled((await read(text)).events);
    expect(meetings.map((m) => [m.uid, m.start, m.end, m.allDay])).toEqual([
      ['offsite', '2026-11-12T00:00:00.000Z', '2026-11-14T00:00:00.000Z', true],
      ['holiday', '2026-12-25T00:00:00.000Z', '2026-12-26T00:00:00.000Z', true],
    ]);
  });

  it('takes DURATION when there is no DTEND, and names a calendar without X-WR headers "default"', async () => {
    const text = calendar(event('UID:dur\nSUMMARY:Focus\nDTSTART:20261110T080000Z\nDURATION:PT1H30M'));
    expect(scheduled((await read(text)).events)[0]).toMatchObject({
      calendar: 'calendar:default',
      end: '2026-11-10T09:30:00.000Z',
    });
  });

  it('adds RDATE occurrences to the rule', async () => {
    const text = calendar(
      event(
        'UID:r\nSUMMARY:Review\nDTSTART:20261102T150000Z\nDTEND:20261102T160000Z\nRRULE:FREQ=WEEKLY;COUNT=2\nRDATE:20261104T150000Z',
      ),
    );
    expect(scheduled((await read(text)).events).map((m) => m.start)).toEqual([
      '2026-11-02T15:00:00.000Z',
      '2026-11-04T15:00:00.000Z',
      '2026-11-09T15:00:00.000Z',
    ]);
  });

  it('cancels one occurrence through a RECURRENCE-ID override with STATUS:CANCELLED', async () => {
    const text = calendar(
      event(
        'UID:w\nSUMMARY:1:1\nDTSTART:20261102T100000Z\nDTEND:20261102T103000Z\nRRULE:FREQ=WEEKLY;COUNT=3',
      ),
      event(
        'UID:w\nRECURRENCE-ID:20261109T100000Z\nSUMMARY:1:1\nDTSTART:20261109T100000Z\nDTEND:20261109T103000Z\nSTATUS:CANCELLED',
      ),
    );
    const { events } = await read(text);
    expect(scheduled(events).map((m) => m.start)).toEqual([
      '2026-11-02T10:00:00.000Z',
      '2026-11-16T10:00:00.000Z',
    ]);
    expect(cancelled(events)).toEqual([
      { calendar: 'calendar:default', uid: 'w', occurrence: '2026-11-09T10:00:00.000Z' },
    ]);
  });
});

describe('icsConnector with bad input', () => {
  it('skips a malformed VEVENT with its record index and reads the rest', async () => {
    const text = calendar(
      event('UID:good-1\nSUMMARY:Good\nDTSTART:20261110T080000Z\nDTEND:20261110T090000Z'),
      event('UID:bad-1\nSUMMARY:No start'),
      event('UID:bad-2\nSUMMARY:Broken start\nDTSTART:2026-13-45T99:00'),
      event('UID:good-2\nSUMMARY:Also good\nDTSTART:20261111T080000Z\nDTEND:20261111T090000Z'),
    );
    const { events, problems } = await read(text);
    expect(scheduled(events).map((m) => m.uid)).toEqual(['good-1', 'good-2']);
    expect(problems.map((p) => [p.severity, p.recordIndex])).toEqual([
      ['skipped-record', 1],
      ['skipped-record', 2],
    ]);
    expect(problems[0].reason).toMatch(/event #2 .*no DTSTART/);
  });

  it('reports a file cut off inside an event and keeps the events before it', async () => {
    const text = calendar(event('UID:ok\nSUMMARY:Ok\nDTSTART:20261110T080000Z')).replace(
      /END:VCALENDAR\r\n$/,
      'BEGIN:VEVENT\r\nUID:cut\r\nDTSTART:2026111',
    );
    const { events, problems } = await read(text);
    expect(scheduled(events).map((m) => m.uid)).toEqual(['ok']);
    expect(problems).toMatchObject([{ severity: 'skipped-record', recordIndex: 1 }]);
    expect(problems[0].reason).toMatch(/truncated/);
  });

  it('reports a file with no VCALENDAR and yields no batch', async () => {
    const { batches, problems } = await read('BEGIN:VEVENT\r\nEND:VEVENT\r\n');
    expect(batches).toBe(0);
    expect(problems).toMatchObject([{ severity: 'skipped-file' }]);
  });

  it('reports a rule that cannot be expanded and keeps the other events', async () => {
    const text = calendar(
      event('UID:odd\nSUMMARY:Odd\nDTSTART:20261110T080000Z\nRRULE:FREQ=SOMETIMES'),
      event('UID:fine\nSUMMARY:Fine\nDTSTART:20261110T080000Z'),
    );
    const { events, problems } = await read(text);
    expect(scheduled(events).map((m) => m.uid)).toEqual(['fine']);
    expect(problems).toMatchObject([{ severity: 'skipped-record', recordIndex: 0 }]);
    expect(problems[0].reason).toMatch(/SOMETIMES/);
  });
});

describe('icsConnector people', () => {
  it('dates a person seen only at a future meeting at now, not in the future', async () => {
    const text = calendar(
      event('UID:f\nSUMMARY:Later\nDTSTART:20261215T100000Z\nATTENDEE;CN=Zoe Park:mailto:zoe@example.com'),
    );
    const { events } = await read(text);
    expect(events.find((e) => e.type === EVENT.personUpdated)?.occurredAt).toBe('2026-11-01T12:00:00.000Z');
  });
});
