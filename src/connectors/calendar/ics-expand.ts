import ICAL from 'ical.js';
import type { ParsedEvent } from './ics-event.js';
import { resolveTime, type TimeContext } from './ics-time.js';

/** Recurring events are expanded only over this window (ms since the epoch, inclusive). */
export interface ExpansionWindow {
  startMs: number;
  endMs: number;
}

/** Most occurrences generated from one rule before giving up (a warning says so). */
export const MAX_GENERATED = 50_000;
/** Most occurrences of one series kept in the window by default (config calendar.maxOccurrences). */
export const MAX_OCCURRENCES = 5_000;

export type Occurrence =
  | {
      kind: 'scheduled';
      item: ParsedEvent;
      occurrenceMs: number;
      startMs: number;
      endMs: number;
      recurring: boolean;
    }
  | { kind: 'cancelled'; item: ParsedEvent; occurrenceMs: number };

export interface Expansion {
  occurrences: Occurrence[];
  /** Set when the rule generated more than MAX_GENERATED occurrences before the window ended. */
  truncated: boolean;
  /** Set when more than `maxOccurrences` fell in the window: the later ones were left out. */
  capped: boolean;
}

function overlaps(startMs: number, endMs: number, window: ExpansionWindow): boolean {
  return startMs <= window.endMs && Math.max(endMs, startMs) >= window.startMs;
}

function fromItem(item: ParsedEvent, occurrenceMs: number, recurring: boolean): Occurrence {
  if (item.cancelled) return { kind: 'cancelled', item, occurrenceMs };
  return { kind: 'scheduled', item, occurrenceMs, startMs: item.start.ms, endMs: item.end.ms, recurring };
}

/** The instants a master's RRULE/RDATE generates, in order, EXDATE not applied (we report those). */
function* generated(master: ParsedEvent, context: TimeContext): Generator<number> {
  const copy = new ICAL.Component(master.component.toJSON());
  copy.removeAllProperties('exdate');
  const iterator = new ICAL.Event(copy).iterator();
  for (let next = iterator.next(); next; next = iterator.next()) {
    yield resolveTime(next, master.startTzid, context).ms;
  }
}

/**
 * The occurrences of one UID: a single event as itself; a recurring master expanded over the
 * window with overrides (RECURRENCE-ID) replacing the occurrence they name, EXDATEs and cancelled
 * overrides as cancellations; overrides with no master in the file stand on their own.
 */
export function expandEvent(
  master: ParsedEvent | undefined,
  overrides: readonly ParsedEvent[],
  window: ExpansionWindow,
  context: TimeContext,
  maxOccurrences = MAX_OCCURRENCES,
): Expansion {
  const byInstant = new Map<number, ParsedEvent>();
  for (const override of overrides) {
    const key = override.recurrenceId?.ms ?? override.start.ms;
    const existing = byInstant.get(key);
    if (!existing || (override.sequence ?? 0) >= (existing.sequence ?? 0)) byInstant.set(key, override);
  }
  const occurrences: Occurrence[] = [];
  const used = new Set<number>();
  let truncated = false;
  let capped = false;

  if (master && !master.recurring) {
    const override = byInstant.get(master.start.ms);
    if (override) used.add(master.start.ms);
    occurrences.push(fromItem(override ?? master, master.start.ms, false));
  } else if (master) {
    const duration = master.end.ms - master.start.ms;
    let count = 0;
    for (const instant of generated(master, context)) {
      if (++count > MAX_GENERATED) {
        truncated = true;
        break;
      }
      if (instant > window.endMs) break;
      if (occurrences.length >= maxOccurrences) {
        capped = true;
        break;
      }
      const override = byInstant.get(instant);
      if (override) used.add(instant);
      if (master.exdates.has(instant)) {
        if (overlaps(instant, instant + duration, window))
          occurrences.push({ kind: 'cancelled', item: master, occurrenceMs: instant });
        continue;
      }
      if (override) {
        if (
          overlaps(override.start.ms, override.end.ms, window) ||
          overlaps(instant, instant + duration, window)
        )
          occurrences.push(fromItem(override, instant, true));
        continue;
      }
      if (!overlaps(instant, instant + duration, window)) continue;
      occurrences.push(
        master.cancelled
          ? { kind: 'cancelled', item: master, occurrenceMs: instant }
          : {
              kind: 'scheduled',
              item: master,
              occurrenceMs: instant,
              startMs: instant,
              endMs: instant + duration,
              recurring: true,
            },
      );
    }
  }

  for (const [instant, override] of byInstant) {
    if (used.has(instant)) continue;
    // An override with no master here is an invitation to one occurrence: always kept. One whose
    // master is here but generates no such instant is kept when it falls in the window.
    const keep =
      !master || overlaps(override.start.ms, override.end.ms, window) || overlaps(instant, instant, window);
    if (keep) occurrences.push(fromItem(override, instant, true));
  }
  occurrences.sort((a, b) => a.occurrenceMs - b.occurrenceMs);
  return { occurrences, truncated, capped };
}
