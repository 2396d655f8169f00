import ICAL from 'ical.js';
import { contentHash } from '../../domain/ids.js';
import type { Attendee } from '../../domain/meeting.js';
import { resolveTime, type ResolvedTime, type TimeContext, tzidOf } from './ics-time.js';

/** A participant as the file names it; `email` lower-cased; `resource` for rooms and equipment. */
export interface Participant extends Attendee {
  resource: boolean;
}

/** One VEVENT, read and checked: a master (maybe recurring), a single event, or an override. */
export interface ParsedEvent {
  index: number;
  line: number;
  component: ICAL.Component;
  uid: string;
  start: ResolvedTime;
  end: ResolvedTime;
  /** TZID of DTSTART, used for the occurrences a rule generates. */
  startTzid?: string;
  /** Present on an override (RECURRENCE-ID): the instant of the occurrence it replaces. */
  recurrenceId?: ResolvedTime;
  /** Has RRULE or RDATE. */
  recurring: boolean;
  /** Instants removed by EXDATE. */
  exdates: Set<number>;
  cancelled: boolean;
  summary: string;
  description?: string;
  location?: string;
  status?: string;
  sequence?: number;
  organizer?: Participant;
  attendees: Participant[];
}

/** Why a VEVENT could not be read; the caller reports it against the event's index. */
export class BadEventError extends Error {}

/**
 * Longest text kept per property: every occurrence of a recurring event carries it, so an 8 MB
 * LOCATION on a weekly series peaked at 1.8 GB (found by `npm run fuzz`). Descriptions keep 64 KB, other
 * properties (summary, location, UID) 1,000 characters; longer text is cut and marked "…".
 */
const MAX_TEXT = 1_000;
const MAX_DESCRIPTION = 64 * 1024;

function text(component: ICAL.Component, name: string): string | undefined {
  const value = component.getFirstPropertyValue(name);
  if (value === null || value === undefined) return undefined;
  const max = name === 'description' ? MAX_DESCRIPTION : MAX_TEXT;
  const whole = String(value);
  const result = (whole.length > max ? `${whole.slice(0, max).trimEnd()}…` : whole).trim();
  return result === '' ? undefined : result;
}

function parameter(property: ICAL.Property, name: string): string | undefined {
  const value = property.getParameter(name);
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== 'string') return undefined;
  const trimmed = first
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();
  return trimmed === '' ? undefined : trimmed;
}

export function participantOf(property: ICAL.Property): Participant | undefined {
  const raw = String(property.getFirstValue() ?? '').trim();
  let email: string | undefined;
  if (/^mailto:/i.test(raw)) email = raw.replace(/^mailto:/i, '');
  else if (/^[^\s:@]+@[^\s:@]+$/.test(raw)) email = raw;
  else email = parameter(property, 'email');
  email = email?.trim().toLowerCase() || undefined;
  if (email && !email.includes('@')) email = undefined;
  const cn = parameter(property, 'cn');
  const name = cn && cn.toLowerCase() !== email ? cn : undefined;
  if (!email && !name) return undefined;
  const cutype = parameter(property, 'cutype')?.toUpperCase();
  const participant: Participant = { resource: cutype === 'ROOM' || cutype === 'RESOURCE' };
  if (name) participant.name = name;
  if (email) participant.email = email;
  const status = parameter(property, 'partstat')?.toUpperCase();
  const role = parameter(property, 'role')?.toUpperCase();
  if (status) participant.status = status;
  if (role) participant.role = role;
  return participant;
}

function timeProperty(
  component: ICAL.Component,
  name: string,
): { time: ICAL.Time; tzid?: string } | undefined {
  const property = component.getFirstProperty(name);
  if (!property) return undefined;
  const value = property.getFirstValue();
  if (!(value instanceof ICAL.Time))
    throw new BadEventError(`its ${name.toUpperCase()} is not a date or date-time`);
  if (
    !value.isDate &&
    [value.year, value.month, value.day, value.hour, value.minute].some((field) => !Number.isFinite(field))
  ) {
    throw new BadEventError(`its ${name.toUpperCase()} is not a valid date-time`);
  }
  if (value.month < 1 || value.month > 12 || value.day < 1 || value.day > 31)
    throw new BadEventError(`its ${name.toUpperCase()} is not a valid date`);
  return { time: value, tzid: tzidOf(property) };
}

/** Reads one parsed VEVENT component; throws BadEventError when it cannot make a meeting of it. */
export function readEvent(
  component: ICAL.Component,
  index: number,
  line: number,
  context: TimeContext,
): ParsedEvent {
  let dtstart;
  let dtend;
  try {
    dtstart = timeProperty(component, 'dtstart');
    dtend = timeProperty(component, 'dtend');
  } catch (cause) {
    if (cause instanceof BadEventError) throw cause;
    throw new BadEventError(`its start or end cannot be read (${(cause as Error).message})`);
  }
  if (!dtstart) throw new BadEventError('it has no DTSTART');
  const start = resolveTime(dtstart.time, dtstart.tzid, context);
  if (!Number.isFinite(start.ms)) throw new BadEventError('its DTSTART is not a valid time');
  let end: ResolvedTime;
  if (dtend) end = resolveTime(dtend.time, dtend.tzid ?? dtstart.tzid, context);
  else {
    const endTime = new ICAL.Event(component).endDate;
    end = resolveTime(endTime, dtstart.tzid, context);
  }
  if (!Number.isFinite(end.ms) || end.ms < start.ms) end = { ...start };

  const recurrence = timeProperty(component, 'recurrence-id');
  const exdates = new Set<number>();
  for (const property of component.getAllProperties('exdate')) {
    const tzid = tzidOf(property) ?? dtstart.tzid;
    for (const value of property.getValues()) {
      if (value instanceof ICAL.Time) exdates.add(resolveTime(value, tzid, context).ms);
    }
  }
  const status = text(component, 'status')?.toUpperCase();
  const sequenceValue = component.getFirstPropertyValue('sequence');
  const sequence =
    typeof sequenceValue === 'number' && Number.isFinite(sequenceValue) ? sequenceValue : undefined;
  const organizerProperty = component.getFirstProperty('organizer');
  const organizer = organizerProperty ? participantOf(organizerProperty) : undefined;
  const attendees = component
    .getAllProperties('attendee')
    .map(participantOf)
    .filter((participant): participant is Participant => participant !== undefined);

  const uid =
    text(component, 'uid') ??
    `generated-${contentHash([start.ms, text(component, 'summary') ?? '', organizer?.email ?? ''])}`;
  return {
    index,
    line,
    component,
    uid,
    start,
    end,
    ...(dtstart.tzid === undefined ? {} : { startTzid: dtstart.tzid }),
    ...(recurrence
      ? { recurrenceId: resolveTime(recurrence.time, recurrence.tzid ?? dtstart.tzid, context) }
      : {}),
    recurring: component.hasProperty('rrule') || component.hasProperty('rdate'),
    exdates,
    cancelled: status === 'CANCELLED',
    summary: text(component, 'summary') ?? '',
    ...optional('description', text(component, 'description')),
    ...optional('location', text(component, 'location')),
    ...optional('status', status),
    ...optional('sequence', sequence),
    ...optional('organizer', organizer),
    attendees,
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
