import type { EventLog } from '../../memory/event-log.js';
import {
  entityForms,
  mentionPattern,
  patternHead,
  type KnownEntitySource,
  type KnownEntry,
} from '../../pipeline/annotate/known-entities.js';
import {
  byRank,
  byTime,
  foldedEvent,
  foldKey,
  upperBound,
  type Folded,
  type Kind,
  type Value,
} from './folded-knowledge.js';
import type {
  KnownEntity,
  OpenItem,
  PriorDecision,
  PriorFact,
} from '../../pipeline/annotate/annotate-types.js';
import { KNOWLEDGE_TYPES, type AsOf, type KnowledgeEvent } from './knowledge-as-of.js';

interface Present {
  pos: number;
  key: string;
  value: Value;
  /** Entity keys: its entry in the entity index. */
  entry?: KnownEntry;
  forms?: string[];
}

function removeFrom<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (!list) return;
  const at = list.indexOf(item);
  if (at >= 0) list.splice(at, 1);
  if (list.length === 0) map.delete(key);
}

function insertInto(map: Map<string, KnownEntry[]>, key: string, entry: KnownEntry): void {
  const list = map.get(key);
  if (!list) map.set(key, [entry]);
  else if (!list.includes(entry))
    list.splice(
      upperBound(list, entry, (a, b) => a.order - b.order),
      0,
      entry,
    );
}

/**
 * The earlier annotations as each conversation sees them, kept up to date instead of folded again:
 * `asOf(start, conversationId)` answers what `knowledgeAsOf` does over the same events — those
 * before `start`, in log order, leaving out the conversation's own — but moves a time cursor over
 * the events (sorted by time) and refolds only the keys whose events crossed it. Per conversation
 * that is work in proportion to what changed since the one before, plus one copy of each list that
 * changed; the lists, an entity index and a digest of the folded events come with the answer.
 *
 * Across batches `sync` reads only the knowledge events the log gained; the events a batch
 * produced (`addPending`) are dropped at the next `sync` and read back as the log stored them.
 */
export class KnowledgeFold {
  private readonly timeline: Folded[] = [];
  private cursor = 0;
  private logCount = 0;
  private lastSeq = 0;
  private readonly pending: Folded[] = [];
  private readonly keyEvents = new Map<string, Folded[]>();
  private readonly results = new Map<string, Present>();
  /** Present keys of each kind, by place. */
  private readonly lists: Record<Kind, Present[]> = { entity: [], decision: [], item: [], fact: [] };
  private readonly views: Partial<Record<Kind, readonly Value[]>> = {};
  /** Keys with a set from each conversation (for leaving a conversation's own out). */
  private readonly byConversation = new Map<string, Set<string>>();
  private readonly digestBits: [number, number, number, number] = [0, 0, 0, 0];
  private included = 0;
  private readonly byForm = new Map<string, KnownEntry[]>();
  private readonly byHead = new Map<string, KnownEntry[]>();
  private readonly byId = new Map<string, KnownEntry[]>();
  private readonly irregular: KnownEntry[] = [];
  /** Bumped whenever an answer handed out may no longer hold. */
  private version = 0;

  constructor(private readonly log?: EventLog) {}

  /** The log this fold mirrors (an agent keeps one fold per log). */
  mirrors(log: EventLog): boolean {
    return this.log === log && log.lastSeq() >= this.lastSeq;
  }

  /** Drops this batch's events and reads the knowledge events the log stored since the last sync. */
  sync(log: EventLog): void {
    for (const folded of this.pending.splice(0).reverse()) this.remove(folded);
    for (const event of log.iterateTyped(KNOWLEDGE_TYPES, { afterSeq: this.lastSeq })) {
      this.add(event, false);
      this.lastSeq = Math.max(this.lastSeq, event.seq);
    }
  }

  /** An event produced during this batch (later conversations of the batch see it). */
  addPending(event: KnowledgeEvent): void {
    this.add(event, true);
  }

  /** Adds events in log order (tests, and a fold without a log). */
  addAll(events: Iterable<KnowledgeEvent>): void {
    for (const event of events) this.add(event, false);
  }

  asOf(
    start: string,
    conversationId: string,
  ): { known: AsOf; digest: string; entities: KnownEntitySource; current: () => boolean } {
    const startMs = Date.parse(start);
    const bound = Number.isNaN(startMs) ? -Infinity : startMs;
    while (this.cursor < this.timeline.length && this.timeline[this.cursor].ms < bound)
      this.include(this.timeline[this.cursor++]);
    while (this.cursor > 0 && !(this.timeline[this.cursor - 1].ms < bound))
      this.exclude(this.timeline[--this.cursor]);
    // A key absent from the whole fold is absent without the conversation's own sets too: only present ones are refolded.
    const own = this.ownKeys(conversationId);
    // A key is in its kind's list exactly when it has a result: look the own keys up, not the list through.
    const ownPresent = (kind: Kind): boolean =>
      [...own].some((key) => key.startsWith(`${kind}:`) && this.results.has(key));
    const list = (kind: Kind): readonly Value[] =>
      own.size > 0 && ownPresent(kind) ? this.patched(kind, own, conversationId) : this.view(kind);
    const known: AsOf = {
      entities: list('entity') as KnownEntity[],
      decisions: list('decision') as PriorDecision[],
      openItems: list('item') as OpenItem[],
      facts: list('fact') as PriorFact[],
    };
    const version = ++this.version;
    const digest = `${this.included}.${this.digestBits.map((word) => (word >>> 0).toString(36)).join('.')}`;
    return { known, digest, entities: this.entitySource(), current: () => this.version === version };
  }

  private ownKeys(conversationId: string): Set<string> {
    const keys = this.byConversation.get(conversationId);
    if (!keys) return new Set();
    const own = new Set<string>();
    for (const key of keys)
      if (
        (this.keyEvents.get(key) ?? []).some((event) => event.sets && event.conversationId === conversationId)
      )
        own.add(key);
    return own;
  }

  /** A kind's list with the keys of one conversation refolded without its own sets. */
  private patched(kind: Kind, own: ReadonlySet<string>, conversationId: string): readonly Value[] {
    const out: { pos: number; value: Value }[] = this.lists[kind].filter((present) => !own.has(present.key));
    for (const key of own) {
      if (!key.startsWith(`${kind}:`)) continue;
      const folded = foldKey(this.includedEvents(key), conversationId);
      if (folded) out.push(folded);
    }
    return Object.freeze(out.sort((a, b) => a.pos - b.pos).map((present) => present.value));
  }

  private view(kind: Kind): readonly Value[] {
    let view = this.views[kind];
    if (!view) this.views[kind] = view = Object.freeze(this.lists[kind].map((present) => present.value));
    return view;
  }

  private entitySource(): KnownEntitySource {
    const entities = this.view('entity') as KnownEntity[];
    return {
      withForm: (form) => this.byForm.get(form) ?? [],
      withFirstWord: (word) => this.byHead.get(word) ?? [],
      irregular: () => this.irregular,
      withId: (id) => this.byId.get(id) ?? [],
      all: () => [...entities],
    };
  }

  private add(event: KnowledgeEvent, pending: boolean): void {
    const folded = foldedEvent(event, pending ? this.logCount + this.pending.length : this.logCount);
    if (pending) this.pending.push(folded);
    else this.logCount++;
    const events = this.keyEvents.get(folded.key);
    if (events) events.push(folded);
    else this.keyEvents.set(folded.key, [folded]);
    if (folded.sets && folded.conversationId !== undefined) {
      const keys = this.byConversation.get(folded.conversationId);
      if (keys) keys.add(folded.key);
      else this.byConversation.set(folded.conversationId, new Set([folded.key]));
    }
    if (Number.isNaN(folded.ms)) return; // never before any start
    const at = upperBound(this.timeline, folded, byTime);
    this.timeline.splice(at, 0, folded);
    if (at < this.cursor) {
      this.include(folded);
      this.cursor++;
    }
  }

  private remove(folded: Folded): void {
    if (!Number.isNaN(folded.ms)) {
      const at = upperBound(this.timeline, folded, byTime) - 1;
      if (this.timeline[at] === folded) {
        if (at < this.cursor) {
          this.exclude(folded);
          this.cursor--;
        }
        this.timeline.splice(at, 1);
      }
    }
    const events = this.keyEvents.get(folded.key) ?? [];
    const at = events.indexOf(folded);
    if (at >= 0) events.splice(at, 1);
    if (events.length === 0) this.keyEvents.delete(folded.key);
  }

  private include(folded: Folded): void {
    folded.included = true;
    this.toggleDigest(folded, 1);
    this.refresh(folded.key, folded.kind);
  }

  private exclude(folded: Folded): void {
    folded.included = false;
    this.toggleDigest(folded, -1);
    this.refresh(folded.key, folded.kind);
  }

  private toggleDigest(folded: Folded, delta: number): void {
    for (let k = 0; k < 4; k++) this.digestBits[k] ^= folded.bits[k];
    this.included += delta;
  }

  /** Refolds one key from its included events and moves it in its kind's list (and the entity index). */
  private refresh(key: string, kind: Kind): void {
    this.version++;
    const folded = foldKey(this.includedEvents(key));
    const before = this.results.get(key);
    if (before && folded && before.pos === folded.pos && before.value === folded.value) return;
    const list = this.lists[kind];
    if (before) {
      const at = upperBound(list, before, (a, b) => a.pos - b.pos) - 1;
      if (list[at] === before) list.splice(at, 1);
      this.results.delete(key);
      if (before.entry) this.unindex(before);
    }
    if (folded) {
      const present: Present = { pos: folded.pos, key, value: folded.value };
      list.splice(
        upperBound(list, present, (a, b) => a.pos - b.pos),
        0,
        present,
      );
      this.results.set(key, present);
      if (kind === 'entity') this.index(present);
    }
    delete this.views[kind];
  }

  /** A key's events now folded in, in rank order. */
  private includedEvents(key: string): Folded[] {
    return (this.keyEvents.get(key) ?? []).filter((event) => event.included).sort(byRank);
  }

  private index(present: Present): void {
    const entity = present.value as KnownEntity;
    const entry: KnownEntry = { entity, order: present.pos };
    present.entry = entry;
    present.forms = entityForms(entity);
    insertInto(this.byId, entity.id, entry);
    for (const form of present.forms) {
      insertInto(this.byForm, form, entry);
      if (!form) continue;
      const head = patternHead(mentionPattern(form));
      if (head !== undefined) insertInto(this.byHead, head, entry);
      else if (!this.irregular.includes(entry))
        this.irregular.splice(
          upperBound(this.irregular, entry, (a, b) => a.order - b.order),
          0,
          entry,
        );
    }
  }

  private unindex(present: Present): void {
    const entry = present.entry as KnownEntry;
    removeFrom(this.byId, entry.entity.id, entry);
    for (const form of present.forms ?? []) {
      removeFrom(this.byForm, form, entry);
      const head = form ? patternHead(mentionPattern(form)) : undefined;
      if (head !== undefined) removeFrom(this.byHead, head, entry);
    }
    const at = this.irregular.indexOf(entry);
    if (at >= 0) this.irregular.splice(at, 1);
  }
}
