import { OutroError } from '../../domain/errors.js';
import type { EventLog } from '../../memory/event-log.js';
import { loadPeopleDirectory } from '../people/directory-snapshot.js';
import type { SqliteDatabase } from '../../memory/sqlite.js';
import { Citer, loadBriefData } from './brief-data.js';
import { lastBriefSeen } from '../../memory/brief-state.js';
import { BRIEF_VERSION, type Brief, type BriefWindow } from './brief-types.js';
import { DEFAULT_WINDOW_MS, parseBound } from './brief-window.js';
import { conversationsSection } from './conversations-section.js';
import { daySection } from './day-section.js';
import { decisionsSection } from './decisions-section.js';
import { dueSoonSection } from './due-soon-section.js';
import { factsSection } from './facts-section.js';
import { isTimeZone, localDayBounds, systemTimeZone } from '../../domain/time-zones.js';
import { newestMessageAt } from '../../memory/store-stats.js';
import { waitingSection, type SectionContext } from './waiting-section.js';

/** What the brief reads: the SQLite store and its event log (app/store.ts's Store fits). */
export interface BriefStore {
  db: SqliteDatabase;
  log: EventLog;
}

export interface BriefOptions {
  /** ISO time or a duration back from `now` (24h, 3d); default: the end of this reader's last brief, else 24 h. */
  since?: string;
  /** ISO time or a duration back from `now`; default `now`. */
  until?: string;
  /** The reader: handles, ids, display names or emails on any source (config `me`, or --me). */
  me: string | readonly string[] | undefined;
  /**
   * `me` was given on the command line (--me): a name no stored person matches fails with USAGE
   * and close matches. Otherwise (config `me`) the brief is made for everyone, with a note.
   */
  meGiven?: boolean;
  now: Date;
  /** IANA zone for "today" and local times; default the system's. */
  timezone?: string;
}

/**
 * The brief for one reader over one window, computed from the event log alone (no model, no
 * graph): waiting on you, due soon across the team, decisions, your day, conversations, changed facts — each item citing
 * its evidence. Pure apart from reading the store; it does not record that the brief was seen
 * (see recordBriefSeen).
 */
export function buildBrief(store: BriefStore, options: BriefOptions): Brief {
  return composeBrief(store, options).brief;
}

/** The brief with what it was computed from (the model summary step reuses the folded data and people). */
export function composeBrief(
  store: BriefStore,
  options: BriefOptions,
): { brief: Brief; context: SectionContext } {
  const timeZone = options.timezone ?? systemTimeZone();
  if (!isTimeZone(timeZone))
    throw new OutroError(
      'CONFIG_INVALID',
      `timezone "${timeZone}" is not an IANA time zone; use a name like Europe/Berlin or America/New_York.`,
    );
  const people = loadPeopleDirectory(store.db);
  const entries =
    options.me === undefined ? [] : typeof options.me === 'string' ? [options.me] : [...options.me];
  const notes: string[] = [];
  // Without `me`, or with a `me` no stored person matches (a Slack handle over Teams and calendar
  // data only), the brief still shows everything that is not about the reader.
  const found =
    entries.length === 0
      ? undefined
      : options.meGiven
        ? people.resolveReader(entries)
        : people.findReader(entries);
  const reader = found ?? { id: NO_READER, name: 'everyone', keys: [] };
  if (entries.length === 0)
    notes.push(
      'No `me` is set, so nothing is shown as waiting on you: run `outro init` to choose who you are (or pass --me).',
    );
  else if (!found)
    notes.push(
      `\`me\` (${entries.map((entry) => `"${entry}"`).join(', ')}) matches no one in the stored data, so nothing is shown as waiting on you.${people.unmatchedHint(entries)} Set \`me:\` in the config to your handle, email or display name on a stored source (a Teams or calendar email works; a list names you on several), or pass --me.`,
    );
  const window = resolveWindow(store.db, reader.id, options);
  // An old export: the default window would be empty, so the brief shows the newest day of data.
  const newest = window.from === 'default' ? newestMessageAt(store.db) : undefined;
  if (newest !== undefined && newest < window.since && options.until === undefined) {
    const day = localDayBounds(new Date(newest), timeZone).date;
    notes.push(
      `Nothing in the last 24 h; the newest message is from ${day} — showing that day (--since/--until choose another window).`,
    );
    window.since = new Date(Date.parse(newest) - DEFAULT_WINDOW_MS).toISOString();
    window.until = newest;
    window.from = 'last-data';
  }
  const data = loadBriefData(store.log);
  const me = new Set(reader.keys);
  const human = reader.keys.length > 0 ? people.human(reader.keys[0]) : undefined;
  const context: SectionContext = {
    data,
    people,
    citer: new Citer(data, people, timeZone),
    me,
    myNames: [...new Set([reader.name, ...(human?.names ?? []), ...(human?.handles ?? [])])],
    since: window.since,
    until: window.until,
    now: options.now,
    timeZone,
  };
  const waiting = waitingSection(context);
  const dueSoon = dueSoonSection(context);
  const decisions = decisionsSection(context);
  const day = daySection(context);
  const { groups, noise } = conversationsSection(context);
  const facts = factsSection(context);
  const inWindow = (at: string): boolean => at >= window.since && at <= window.until;
  const degraded =
    groups.some((group) => group.degraded) ||
    data.decisions.some((decision) => inWindow(decision.at) && decision.provenance.degraded === true) ||
    [...data.questions.values(), ...data.items.values()].some(
      (item) =>
        [...waiting, ...dueSoon.items].some((entry) => entry.conversationId === item.conversationId) &&
        item.provenance.degraded === true,
    );
  const brief: Brief = {
    version: BRIEF_VERSION,
    generatedAt: options.now.toISOString(),
    timezone: timeZone,
    reader,
    window,
    degraded,
    counts: {
      waiting: waiting.length,
      dueSoon: dueSoon.items.length,
      longOverdue: dueSoon.longOverdue,
      decisions: decisions.length,
      meetings: day.meetings.length,
      conversations: groups.length,
      noise: noise.count,
      facts: facts.length,
    },
    waiting,
    dueSoon: dueSoon.items,
    decisions,
    day,
    conversations: groups,
    noise,
    facts,
    ...(notes.length > 0 ? { notes } : {}),
  };
  return { brief, context };
}

/** The reader id of a brief made without `me` (never recorded as seen). */
export const NO_READER = '';

function resolveWindow(db: SqliteDatabase, readerId: string, options: BriefOptions): BriefWindow {
  const until = parseBound(options.until, options.now, '--until') ?? options.now.toISOString();
  const given = parseBound(options.since, options.now, '--since');
  let since = given;
  let from: BriefWindow['from'] = 'option';
  if (!since) {
    const last = lastBriefSeen(db, readerId);
    if (last && last < until) {
      since = last;
      from = 'last-brief';
    } else {
      since = new Date(Date.parse(until) - DEFAULT_WINDOW_MS).toISOString();
      from = 'default';
    }
  }
  if (since > until)
    throw new OutroError(
      'USAGE',
      `The window starts (${since}) after it ends (${until}); pass an earlier --since or a later --until.`,
    );
  return { since, until, from };
}
