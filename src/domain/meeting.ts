import { z } from 'zod';
import { sourceKey } from './ids.js';
import { normalizeIso } from './time.js';

/**
 * Calendar people are keyed by email alone (`calendar:email:<address>`), whatever calendar they
 * appear in, so the people linker joins them to chat identities with the same email.
 */
export function calendarPersonKey(email: string): string {
  return sourceKey('calendar', 'email', email.toLowerCase());
}

/** A meeting occurrence's id in the graph: calendar, event uid and occurrence start. */
export function meetingId(meeting: { calendar: string; uid: string; occurrence: string }): string {
  return `${meeting.calendar}|${meeting.uid}|${meeting.occurrence}`;
}

/**
 * The occurrence a meeting.scheduled or meeting.cancelled is about: its meetingId with the
 * occurrence in UTC, so a cancellation written with another offset finds its meeting.
 */
export function occurrenceKey(meeting: { calendar: string; uid: string; occurrence: string }): string {
  return meetingId({ ...meeting, occurrence: normalizeIso(meeting.occurrence) });
}

export { isMeetingCancelled } from './meeting-status.js';

export const Attendee = z.object({
  name: z.string().optional(),
  email: z.string().optional(),
  /** PARTSTAT: ACCEPTED, DECLINED, TENTATIVE, NEEDS-ACTION … */
  status: z.string().optional(),
  role: z.string().optional(),
});
export type Attendee = z.infer<typeof Attendee>;

/** One occurrence of a calendar event (recurring events are expanded over a bounded window). */
export const MeetingScheduled = z.object({
  /** Calendar key: `calendar:<calendarId>` (X-WR-RELCALID, else a slug of X-WR-CALNAME, else `default`). */
  calendar: z.string(),
  uid: z.string(),
  /** ISO start of this occurrence; equals `start` unless the occurrence was moved. */
  occurrence: z.string(),
  start: z.string(),
  end: z.string(),
  allDay: z.boolean(),
  /** IANA zone the event was written in, when known. */
  timezone: z.string().optional(),
  summary: z.string(),
  description: z.string().optional(),
  location: z.string().optional(),
  organizer: Attendee.optional(),
  attendees: z.array(Attendee),
  recurring: z.boolean(),
  status: z.string().optional(),
  sequence: z.number().optional(),
});
export type MeetingScheduled = z.infer<typeof MeetingScheduled>;

export const MeetingCancelled = z.object({
  calendar: z.string(),
  uid: z.string(),
  occurrence: z.string(),
});
export type MeetingCancelled = z.infer<typeof MeetingCancelled>;
