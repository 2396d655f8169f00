import { personUpdated } from '../../domain/event-builders.js';
import type { EventEnvelope } from '../../domain/events.js';
import { calendarPersonKey } from '../../domain/meeting.js';
import type { Participant } from './ics-event.js';
import { toIsoMs } from './ics-time.js';

export { calendarPersonKey };

interface SeenPerson {
  email: string;
  names: string[];
  firstSeenMs: number;
}

/** Organizers and attendees with an email (rooms and resources left out), merged by email. */
export class CalendarPeople {
  private readonly people = new Map<string, SeenPerson>();

  see(participant: Participant | undefined, atMs: number): void {
    if (!participant?.email || participant.resource) return;
    let seen = this.people.get(participant.email);
    if (!seen) {
      seen = { email: participant.email, names: [], firstSeenMs: atMs };
      this.people.set(participant.email, seen);
    }
    if (atMs < seen.firstSeenMs) seen.firstSeenMs = atMs;
    if (participant.name && !seen.names.includes(participant.name)) seen.names.push(participant.name);
  }

  /** One person.updated per email, dated at the first meeting they appear in (or `nowMs`, if that is earlier). */
  events(nowMs: number): EventEnvelope[] {
    return [...this.people.values()]
      .sort((a, b) => a.email.localeCompare(b.email))
      .map((person) =>
        personUpdated(
          {
            key: calendarPersonKey(person.email),
            source: 'calendar',
            workspace: 'email',
            nativeId: person.email,
            names: person.names,
            handles: [],
            emails: [person.email],
            isBot: false,
          },
          toIsoMs(Math.min(person.firstSeenMs, nowMs)),
        ),
      );
  }
}
