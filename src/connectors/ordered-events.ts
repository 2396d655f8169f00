import type { EventEnvelope } from '../domain/events.js';

/** Channel and person events sort before the messages that share their time. */
export const RANK = { channel: 0, person: 1, message: 2 } as const;

export interface RankedEvent {
  event: EventEnvelope;
  rank: number;
}

/** Events in time order; ties keep channel, then people, then the order they were built in. */
export function inTimeOrder(entries: readonly RankedEvent[]): EventEnvelope[] {
  return [...entries]
    .sort((a, b) =>
      a.event.occurredAt < b.event.occurredAt
        ? -1
        : a.event.occurredAt > b.event.occurredAt
          ? 1
          : a.rank - b.rank,
    )
    .map((entry) => entry.event);
}
