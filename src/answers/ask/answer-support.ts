import type { QuestionTime } from './question-time.js';
import type { Evidence } from '../../domain/annotations.js';
import { localDate, readableDate } from '../../domain/time-zones.js';
import type { EvidenceSource } from '../../memory/facts/evidence.js';
import { pickEvidence } from '../../memory/facts/pick-evidence.js';
import type { FactVersion } from '../../memory/facts/fact-types.js';
import type { GraphStore } from '../../memory/graph/graph-store.js';
import type { SearchIndex } from '../../memory/search/search-types.js';
import type { AnswerEvidence, AskAnswer, AskIntent, HistoryEntry } from './ask-types.js';
import type { PeopleDirectory } from '../people/people-directory.js';

/** What answers are built from. The graph is read only. */
export interface AskSources {
  graph: GraphStore;
  /** Hydrates the evidence of fact versions (they keep event ids only). */
  evidence: EvidenceSource;
  people: PeopleDirectory;
  /** The config `me` entries (handles, ids, names, emails of the reader). */
  me: readonly string[];
  now: Date;
  /** Days in answers are written in this zone (the config timezone); UTC when absent. */
  timeZone?: string;
  /** Set when the graph could not be opened and answers come from a projection made for this call (issue 16). */
  degradedReason?: string;
  /** The search index: retrieval answers for questions the structured kinds do not cover (absent: none). */
  search?: SearchIndex;
  /** The call's --as-of: statements said after it are not read (a time in the question may be earlier). */
  readUntil?: string;
}

/** Per question: the time it is answered at, and the words that named the target. */
export interface AnswerContext {
  sources: AskSources;
  question: string;
  intent: AskIntent;
  target: string;
  asOf: string;
  /** The time the question names, with the span it covers ("this week", "yesterday"). */
  time?: QuestionTime;
}

/** At most this many evidence messages per answer. */
export const MAX_ANSWER_EVIDENCE = 8;

export function toAnswerEvidence(evidence: readonly Evidence[], people: PeopleDirectory): AnswerEvidence[] {
  return evidence.map((item) => ({
    source: item.source,
    channel: item.channel,
    messageId: item.id,
    author: people.name(item.author),
    time: item.ts,
    snippet: item.snippet,
  }));
}

export function factEvidence(versions: readonly FactVersion[], context: AnswerContext): AnswerEvidence[] {
  const raw = context.sources.evidence.forEvents(versions.flatMap((version) => version.eventIds));
  return toAnswerEvidence(pickEvidence(raw, MAX_ANSWER_EVIDENCE), context.sources.people);
}

export function itemEvidence(
  items: ReadonlyArray<{ evidence: Evidence[] }>,
  context: AnswerContext,
): AnswerEvidence[] {
  return toAnswerEvidence(
    pickEvidence(
      items.flatMap((item) => item.evidence),
      MAX_ANSWER_EVIDENCE,
    ),
    context.sources.people,
  );
}

export async function componentNames(
  graph: GraphStore,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const found = await graph.get('component', [...new Set(ids)]);
  return new Map([...new Set(ids)].map((id) => [id, found.get(id)?.name ?? id]));
}

/**
 * Joins a version with the one that superseded it when both name the same human: one person's
 * identities (Slack and Discord keys) and repeated statements are one holding, not a handover.
 * The joined version spans both, keeps the later status, and rests on the events of both.
 */
export function collapseSameHuman(versions: readonly FactVersion[], people: PeopleDirectory): FactVersion[] {
  const byId = new Map(versions.map((version) => [version.id, version]));
  const same = (a: string, b: string): boolean => a === b || people.human(a).keys.includes(b);
  const absorbed = new Set<string>();
  const previous = new Map<string, FactVersion>();
  for (const version of versions) {
    const next =
      version.status === 'superseded' && version.supersededBy ? byId.get(version.supersededBy) : undefined;
    if (next && same(version.subject, next.subject)) {
      previous.set(next.id, version);
      absorbed.add(version.id);
    }
  }
  // An absorbed version's id now lives on as the tail of its chain: point supersededBy there.
  const tailOf = (id: string): string => {
    let current = id;
    while (absorbed.has(current)) current = byId.get(current)!.supersededBy!;
    return current;
  };
  return versions
    .filter((version) => !absorbed.has(version.id))
    .map((version) =>
      version.supersededBy && absorbed.has(version.supersededBy)
        ? { ...version, supersededBy: tailOf(version.supersededBy) }
        : version,
    )
    .map((tail) => {
      let head = previous.get(tail.id);
      if (!head) return tail;
      const chain = [tail];
      while (head) {
        chain.push(head);
        head = previous.get(head.id);
      }
      const first = chain[chain.length - 1];
      return {
        ...tail,
        validFrom: first.validFrom,
        recordedAt: chain.reduce(
          (min, version) => (version.recordedAt < min ? version.recordedAt : min),
          tail.recordedAt,
        ),
        confidence: Math.max(...chain.map((version) => version.confidence)),
        hedged: chain.every((version) => version.hedged),
        eventIds: [...new Set(chain.flatMap((version) => version.eventIds))].sort(),
      };
    });
}

export async function historyOf(
  allVersions: readonly FactVersion[],
  context: AnswerContext,
): Promise<HistoryEntry[]> {
  const versions = collapseSameHuman(allVersions, context.sources.people);
  const names = await componentNames(
    context.sources.graph,
    versions.map((version) => version.object),
  );
  const byId = new Map(allVersions.map((version) => [version.id, version]));
  return versions.map((version) => ({
    subject: version.subject,
    subjectName: context.sources.people.name(version.subject),
    relation: version.relation,
    object: version.object,
    objectName: names.get(version.object) ?? version.object,
    status: version.status,
    confidence: version.confidence,
    validFrom: version.validFrom,
    validTo: version.validTo,
    note: noteOf(version, byId, context),
  }));
}

function noteOf(version: FactVersion, byId: Map<string, FactVersion>, context: AnswerContext): string | null {
  if (version.status === 'superseded' && version.supersededBy) {
    const next = byId.get(version.supersededBy);
    return next ? `superseded by ${context.sources.people.name(next.subject)}` : 'superseded';
  }
  if (version.retraction)
    return `${version.retraction.reason} by ${context.sources.people.name(version.retraction.by)} on ${day(version.retraction.at, context.sources.timeZone)}`;
  if (version.status === 'alternative') return 'hedged claim, not confirmed';
  return null;
}

/** `YYYY-MM-DD` of an ISO time in the zone. */
export function day(iso: string, timeZone?: string): string {
  return Number.isNaN(Date.parse(iso)) ? iso : localDate(iso, timeZone ?? 'UTC');
}

/** A due date as people write it ("Thu Oct 29 2026"): the day of the stored `YYYY-MM-DD…` value. */
export function dueText(due: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(due) ? readableDate(due.slice(0, 10)) : due;
}

export function names(list: readonly string[]): string {
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

export function known(
  context: AnswerContext,
  fields: Pick<AskAnswer, 'text' | 'confidence' | 'evidence' | 'entity' | 'searched'> &
    Partial<Pick<AskAnswer, 'history'>>,
): AskAnswer {
  return {
    question: context.question,
    intent: context.intent,
    known: true,
    asOf: context.asOf,
    history: [],
    ...fields,
    confidence: Math.round(fields.confidence * 1000) / 1000,
  };
}

/** "I don't know", with what was searched. Names only what the searched list names. */
export function unknown(
  context: AnswerContext,
  searched: string[],
  fields: Partial<Pick<AskAnswer, 'entity' | 'history' | 'evidence'>> = {},
): AskAnswer {
  return {
    question: context.question,
    intent: context.intent,
    known: false,
    text: `I don't know. I searched ${searched.join('; ')}.`,
    confidence: 0,
    evidence: fields.evidence ?? [],
    asOf: context.asOf,
    history: fields.history ?? [],
    entity: fields.entity ?? null,
    searched,
  };
}

/** Open at `asOf`: raised by then and not yet completed / answered. */
export function openAt(item: { at: string; closedAt: string | null }, asOf: string): boolean {
  return item.at <= asOf && (item.closedAt === null || item.closedAt > asOf);
}
