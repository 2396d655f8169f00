import ICAL from 'ical.js';
import { meetingCancelled, meetingScheduled } from '../../domain/event-builders.js';
import type { EventEnvelope } from '../../domain/events.js';
import type { MeetingScheduled } from '../../domain/meeting.js';
import type { ConnectorOptions, IngestProblem } from '../connector.js';
import { RANK, inTimeOrder, type RankedEvent } from '../ordered-events.js';
import { type IcsBlock, splitIcs, unescapeText } from './ics-blocks.js';
import { BadEventError, type Participant, type ParsedEvent, readEvent } from './ics-event.js';
import {
  type ExpansionWindow,
  MAX_GENERATED,
  MAX_OCCURRENCES,
  type Occurrence,
  expandEvent,
} from './ics-expand.js';
import { CalendarPeople } from './ics-people.js';
import { type TimeContext, toIsoMs } from './ics-time.js';
import { isTimeZone } from '../../domain/time-zones.js';

const DAY_MS = 86_400_000;

export interface MappedCalendar {
  /** Null when the file is not a calendar at all. */
  events: EventEnvelope[] | null;
  problems: IngestProblem[];
}

/** `calendar:<X-WR-RELCALID | slug of X-WR-CALNAME | default>`. */
export function calendarKeyOf(properties: ReadonlyMap<string, string>): string {
  const relcalid = unescapeText(properties.get('X-WR-RELCALID') ?? '').trim();
  if (relcalid) return `calendar:${relcalid}`;
  const slug = unescapeText(properties.get('X-WR-CALNAME') ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `calendar:${slug || 'default'}`;
}

function parseBlock(block: IcsBlock): ICAL.Component {
  const root = new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${block.text}\r\nEND:VCALENDAR\r\n`));
  const component = root.getFirstSubcomponent(block.name.toLowerCase());
  if (!component) throw new BadEventError(`no ${block.name} could be read`);
  return component;
}

/** Registers the file's VTIMEZONEs for the duration of `work`, then restores what was there. */
function withZones<T>(
  blocks: readonly IcsBlock[],
  path: string,
  problems: IngestProblem[],
  work: () => T,
): T {
  const previous = new Map<string, ICAL.Timezone | undefined>();
  for (const block of blocks) {
    try {
      const zone = new ICAL.Timezone(parseBlock(block));
      if (!zone.tzid) throw new Error('it has no TZID');
      if (!previous.has(zone.tzid)) previous.set(zone.tzid, ICAL.TimezoneService.get(zone.tzid));
      ICAL.TimezoneService.register(zone, zone.tzid);
    } catch (cause) {
      problems.push({
        path,
        severity: 'warning',
        reason: `${path}: the VTIMEZONE at line ${block.line} cannot be read (${(cause as Error).message}); times naming it are read as IANA zone names instead.`,
      });
    }
  }
  try {
    return work();
  } finally {
    for (const [tzid, zone] of previous) {
      if (zone) ICAL.TimezoneService.register(zone, tzid);
      else ICAL.TimezoneService.remove(tzid);
    }
  }
}

function participantOut(participant: Participant): MeetingScheduled['attendees'][number] {
  const { resource: _resource, ...rest } = participant;
  return rest;
}

function scheduledPayload(
  calendar: string,
  occurrence: Extract<Occurrence, { kind: 'scheduled' }>,
): MeetingScheduled {
  const { item } = occurrence;
  const payload: MeetingScheduled = {
    calendar,
    uid: item.uid,
    occurrence: toIsoMs(occurrence.occurrenceMs),
    start: toIsoMs(occurrence.startMs),
    end: toIsoMs(occurrence.endMs),
    allDay: item.start.isDate,
    summary: item.summary,
    attendees: item.attendees.map(participantOut),
    recurring: occurrence.recurring,
  };
  if (item.start.zone) payload.timezone = item.start.zone;
  if (item.description) payload.description = item.description;
  if (item.location) payload.location = item.location;
  if (item.organizer) payload.organizer = participantOut(item.organizer);
  if (item.status) payload.status = item.status;
  if (item.sequence !== undefined) payload.sequence = item.sequence;
  return payload;
}

/**
 * Maps one ICS file to meeting and person events in time order. Each VEVENT is parsed on its own:
 * one that cannot be read is a skipped-record problem (recordIndex = its 0-based VEVENT index)
 * and the rest of the file is still read.
 */
export function mapIcsCalendar(text: string, path: string, options: ConnectorOptions): MappedCalendar {
  const problems: IngestProblem[] = [];
  const layout = splitIcs(text);
  if (!layout.hasCalendar) {
    return {
      events: null,
      problems: [
        {
          path,
          severity: 'skipped-file',
          reason: `${path} has no BEGIN:VCALENDAR line; it is not an iCalendar (.ics) file.`,
        },
      ],
    };
  }
  const calendar = calendarKeyOf(layout.properties);
  const floatingZone =
    options.defaultTimezone && isTimeZone(options.defaultTimezone) ? options.defaultTimezone : 'UTC';
  const context: TimeContext = { floatingZone };
  const nowMs = options.now.getTime();
  const maxOccurrences = options.calendarMaxOccurrences ?? MAX_OCCURRENCES;
  const window: ExpansionWindow = {
    startMs: nowMs - options.calendarPastDays * DAY_MS,
    endMs: nowMs + options.calendarFutureDays * DAY_MS,
  };
  const zoneBlocks = layout.blocks.filter((block) => block.name === 'VTIMEZONE');
  const eventBlocks = layout.blocks.filter((block) => block.name === 'VEVENT');

  const ranked = withZones(zoneBlocks, path, problems, () => {
    const parsed: ParsedEvent[] = [];
    eventBlocks.forEach((block, index) => {
      const where = `${path}: event #${index + 1} (line ${block.line})`;
      if (!block.complete) {
        problems.push({
          path,
          severity: 'skipped-record',
          recordIndex: index,
          reason: `${where} is cut off before END:VEVENT; the file looks truncated. Export the calendar again.`,
        });
        return;
      }
      try {
        parsed.push(readEvent(parseBlock(block), index, block.line, context));
      } catch (cause) {
        const why =
          cause instanceof BadEventError
            ? cause.message
            : `it cannot be parsed (${(cause as Error).message})`;
        problems.push({
          path,
          severity: 'skipped-record',
          recordIndex: index,
          reason: `${where} was skipped: ${why}. Fix or remove that event, or export the calendar again.`,
        });
      }
    });
    return mapEvents(parsed, calendar, window, context, path, problems, nowMs, maxOccurrences);
  });
  return { events: inTimeOrder(ranked), problems };
}

function mapEvents(
  parsed: readonly ParsedEvent[],
  calendar: string,
  window: ExpansionWindow,
  context: TimeContext,
  path: string,
  problems: IngestProblem[],
  nowMs: number,
  maxOccurrences: number,
): RankedEvent[] {
  const groups = new Map<string, { master?: ParsedEvent; overrides: ParsedEvent[] }>();
  for (const event of parsed) {
    const group = groups.get(event.uid) ?? { overrides: [] };
    groups.set(event.uid, group);
    if (event.recurrenceId) group.overrides.push(event);
    else if (!group.master || (event.sequence ?? 0) >= (group.master.sequence ?? 0)) group.master = event;
  }
  const people = new CalendarPeople();
  const ranked: RankedEvent[] = [];
  for (const group of groups.values()) {
    let expansion;
    try {
      expansion = expandEvent(group.master, group.overrides, window, context, maxOccurrences);
    } catch (cause) {
      const first = group.master ?? group.overrides[0];
      problems.push({
        path,
        severity: 'skipped-record',
        recordIndex: first.index,
        reason: `${path}: event #${first.index + 1} (line ${first.line}) has a recurrence rule that cannot be expanded (${(cause as Error).message}); it was skipped.`,
      });
      continue;
    }
    if (expansion.capped && group.master) {
      problems.push({
        path,
        severity: 'warning',
        recordIndex: group.master.index,
        reason: `${path}: event #${group.master.index + 1} (line ${group.master.line}) has more than ${maxOccurrences} occurrences in the calendar window; the first ${maxOccurrences} were kept (config calendar.maxOccurrences).`,
      });
    }
    if (expansion.truncated && group.master) {
      problems.push({
        path,
        severity: 'warning',
        recordIndex: group.master.index,
        reason: `${path}: event #${group.master.index + 1} (line ${group.master.line}) repeats more than ${MAX_GENERATED} times before the expansion window ends; later occurrences were left out.`,
      });
    }
    for (const occurrence of expansion.occurrences) {
      if (occurrence.kind === 'cancelled') {
        // What was called off, as scheduled first: "was the Cedar Valley QBR cancelled?" finds it by its title.
        const { item } = occurrence;
        ranked.push({
          event: meetingScheduled(
            scheduledPayload(calendar, {
              kind: 'scheduled',
              item,
              occurrenceMs: occurrence.occurrenceMs,
              startMs: occurrence.occurrenceMs,
              endMs: occurrence.occurrenceMs + Math.max(0, item.end.ms - item.start.ms),
              recurring: item.recurring || item.recurrenceId !== undefined,
            }),
          ),
          rank: RANK.message,
        });
        ranked.push({
          event: meetingCancelled({
            calendar,
            uid: occurrence.item.uid,
            occurrence: toIsoMs(occurrence.occurrenceMs),
          }),
          rank: RANK.message,
        });
        continue;
      }
      people.see(occurrence.item.organizer, occurrence.startMs);
      for (const attendee of occurrence.item.attendees) people.see(attendee, occurrence.startMs);
      ranked.push({ event: meetingScheduled(scheduledPayload(calendar, occurrence)), rank: RANK.message });
    }
  }
  for (const event of people.events(nowMs)) ranked.push({ event, rank: RANK.person });
  return ranked;
}
