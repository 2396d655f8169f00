import type { DecisionRecorded } from '../../domain/annotations.js';
import { OutroError } from '../../domain/errors.js';
import { isTimeZone, systemTimeZone } from '../../domain/time-zones.js';
import type { EventLog } from '../../memory/event-log.js';
import { loadPeopleDirectory } from '../people/directory-snapshot.js';
import type { SqliteDatabase } from '../../memory/sqlite.js';
import { Citer, loadBriefData, type BriefData } from '../brief/brief-data.js';
import { parseBound } from '../brief/brief-window.js';
import { dueInstant } from '../brief/waiting-section.js';
import { actionHistory, decisionHistory, questionHistory, type HistoryContext } from './item-histories.js';
import {
  ITEM_KINDS,
  ITEMS_VERSION,
  type ItemKind,
  type ItemsResult,
  type ListedItem,
} from './items-types.js';

export interface ItemsOptions {
  /** Default: every kind. */
  kinds?: readonly ItemKind[];
  /** Only items for this person (assignee or addressee): any handle, id, display name or email. */
  for?: string;
  /** Open: action items not done, questions not answered. Done: the others (decisions are neither). */
  state?: 'open' | 'done';
  /** Only items raised, taken on, answered, done or reversed in the window (ISO or a duration back from now). */
  since?: string;
  /** The listing's end: states are as they stood then. Default now. */
  until?: string;
  /** A channel name (eng, #eng) or key. */
  channel?: string;
  now: Date;
  timezone?: string;
}

/**
 * Decisions, action items and questions as one list, each with where it stands and its history,
 * read from the event log the way the brief reads it (`loadBriefData`: the latest state of each
 * item, its earliest answer or completion), so the two never disagree about what is open.
 */
export function listItems(store: { db: SqliteDatabase; log: EventLog }, options: ItemsOptions): ItemsResult {
  const timeZone = options.timezone ?? systemTimeZone();
  if (!isTimeZone(timeZone))
    throw new OutroError(
      'CONFIG_INVALID',
      `timezone "${timeZone}" is not an IANA time zone; use a name like Europe/Berlin or America/New_York.`,
    );
  const since = parseBound(options.since, options.now, '--since');
  const until = parseBound(options.until, options.now, '--until');
  if (since !== undefined && until !== undefined && since > until)
    throw new OutroError(
      'USAGE',
      `--since (${since}) is after --until (${until}); pass an earlier --since or a later --until.`,
    );
  const asOf = until ?? options.now.toISOString();
  const people = loadPeopleDirectory(store.db);
  const person = options.for === undefined ? null : people.resolveReader([options.for], '--for');
  const data = loadBriefData(store.log);
  const channels = options.channel === undefined ? null : matchChannels(data, options.channel);
  const kinds = new Set(options.kinds && options.kinds.length > 0 ? options.kinds : ITEM_KINDS);
  const context: HistoryContext = { data, people, citer: new Citer(data, people, timeZone), asOf, timeZone };

  const inScope = (item: { at: string; channel: string }): boolean =>
    item.at <= asOf && (channels === null || channels.includes(item.channel));
  const found: ListedItem[] = [];
  if (kinds.has('decision')) {
    const byId = new Map(data.decisions.map((decision) => [decision.decisionId, decision]));
    const reversedBy = firstReversals(data.decisions, asOf);
    for (const decision of data.decisions.filter(inScope))
      found.push(decisionHistory(decision, reversedBy.get(decision.decisionId), byId, context));
  }
  if (kinds.has('action'))
    for (const item of [...data.items.values()].filter(inScope)) found.push(actionHistory(item, context));
  if (kinds.has('question'))
    for (const question of [...data.questions.values()].filter(inScope))
      found.push(questionHistory(question, context));

  const forKeys = new Set(person?.keys ?? []);
  const items = dedupe(found)
    .filter((item) => options.state === undefined || stateGroup(item) === options.state)
    .filter((item) => person === null || item.for.some((ref) => forKeys.has(ref.key)))
    .filter(
      (item) => since === undefined || item.history.some((change) => change.at >= since && change.at <= asOf),
    )
    .sort(compareItems(timeZone));
  return {
    version: ITEMS_VERSION,
    generatedAt: options.now.toISOString(),
    timezone: timeZone,
    filters: {
      kinds: ITEM_KINDS.filter((kind) => kinds.has(kind)),
      for: person,
      state: options.state ?? null,
      since: since ?? null,
      until: until ?? null,
      channels,
    },
    counts: {
      items: items.length,
      open: items.filter((item) => item.state === 'open').length,
      decisions: items.filter((item) => item.kind === 'decision').length,
      actions: items.filter((item) => item.kind === 'action').length,
      questions: items.filter((item) => item.kind === 'question').length,
    },
    items,
  };
}

/** `--open` / `--done`: decisions are neither. */
function stateGroup(item: ListedItem): 'open' | 'done' | null {
  if (item.kind === 'decision') return null;
  return item.state === 'open' ? 'open' : 'done';
}

/** The first decision (by the listing's end) that reverses each decision. */
function firstReversals(decisions: readonly DecisionRecorded[], asOf: string): Map<string, DecisionRecorded> {
  const first = new Map<string, DecisionRecorded>();
  for (const decision of decisions) {
    if (decision.reverses === null || decision.at > asOf) continue;
    const current = first.get(decision.reverses);
    if (!current || decision.at < current.at) first.set(decision.reverses, decision);
  }
  return first;
}

/**
 * The channel keys `wanted` names: a key, or a name with or without '#' (as `outro conversations
 * --channel` reads it). USAGE, with the names there are, when it names none.
 */
function matchChannels(data: BriefData, wanted: string): string[] {
  const name = wanted.replace(/^#/, '').toLowerCase();
  const keys = [...data.channels.values()]
    .filter(
      (channel) =>
        channel.key.toLowerCase() === name || channel.name.replace(/^#/, '').toLowerCase() === name,
    )
    .map((channel) => channel.key);
  if (keys.length > 0) return keys;
  const named = [
    ...new Set(
      [...data.channels.values()]
        .filter((channel) => channel.kind === 'channel' || channel.kind === 'private')
        .map((channel) => channel.name),
    ),
  ]
    .sort()
    .slice(0, 12);
  throw new OutroError(
    'USAGE',
    `No channel is called "${wanted}".${named.length > 0 ? ` Channels: ${named.join(', ')}.` : ' Nothing is stored yet: run `outro ingest` first.'} Pass a channel name (eng, #eng) or key (slack:T…:C…).`,
  );
}

/**
 * One item per kind, first cited message, person it is for and wording: when two annotators (model
 * and heuristic, or a re-run with a new version) published the same item, the most confident one
 * is kept; a request to several people keeps one item each, and a plan's lines stay apart.
 */
function dedupe(items: readonly ListedItem[]): ListedItem[] {
  const best = new Map<string, ListedItem>();
  for (const item of items) {
    const first = item.evidence[0];
    const key = [
      item.kind,
      first ? `${first.channel}|${first.nativeId}` : item.id,
      item.for.map((ref) => ref.key).join(','),
      item.text.toLowerCase(),
    ].join('|');
    const current = best.get(key);
    if (!current || item.confidence > current.confidence) best.set(key, item);
  }
  return [...best.values()];
}

const DUE_RANK = { overdue: 0, 'due-soon': 1, open: 2 } as const;

/** Open first (overdue, due soon, later, then undated; newest first within), then the rest, latest change first. */
function compareItems(timeZone: string) {
  const latest = (item: ListedItem): string => item.history[item.history.length - 1].at;
  return (a: ListedItem, b: ListedItem): number => {
    const openA = a.state === 'open' ? 0 : 1;
    const openB = b.state === 'open' ? 0 : 1;
    if (openA !== openB) return openA - openB;
    if (openA === 0) {
      const rankA = a.dueState ? DUE_RANK[a.dueState] : 3;
      const rankB = b.dueState ? DUE_RANK[b.dueState] : 3;
      if (rankA !== rankB) return rankA - rankB;
      if (a.due && b.due && a.due !== b.due) return dueInstant(a.due, timeZone) - dueInstant(b.due, timeZone);
      return b.at.localeCompare(a.at) || a.id.localeCompare(b.id);
    }
    return latest(b).localeCompare(latest(a)) || b.at.localeCompare(a.at) || a.id.localeCompare(b.id);
  };
}
