import { stableId } from '../../domain/ids.js';
import type { AnnotatedEntity, KnownEntity } from './annotate-types.js';
import { normalizeEntityName } from './entity-names.js';
import {
  listSource,
  mentionPattern,
  patternHead,
  type KnownEntitySource,
  type KnownEntry,
} from './known-entities.js';
import { COMPONENT_HEADS, FUNCTION_WORDS, NOT_ENTITIES } from './lexicon/entity-words.js';

function add<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

export { normalizeEntityName };

/** COMPONENT_HEADS as a set, made once (discover runs on every message). */
let headSet: { list: readonly string[]; set: Set<string> } | undefined;
function componentHeads(): Set<string> {
  if (headSet?.list !== COMPONENT_HEADS) headSet = { list: COMPONENT_HEADS, set: new Set(COMPONENT_HEADS) };
  return headSet.set;
}

export function entityIdOf(normalized: string, kind: AnnotatedEntity['kind'] = 'component'): string {
  return `${kind}:${normalized.replace(/[^\p{L}\d]+/gu, '-')}`;
}

interface Entry {
  entity: AnnotatedEntity;
  norm: string;
  known: boolean;
  /** Place in the book: known entities in their list order, then new ones in the order named. */
  order: number;
}

/** New entries come after every known one. */
const NEW_ORDER = 2 ** 52;

/**
 * The entities of one conversation: known ones (from earlier conversations) found by alias, and new
 * ones named in a fact or decision. Surface forms that normalize alike, or a bare head word of a known
 * multi-word name ("the indexer" for "search indexer"), resolve to one entity.
 *
 * Known entities are looked up in a `KnownEntitySource` (by normalized name, by the first word of a
 * mention) instead of scanned, and copied into the book when first touched (aliases found here are
 * added to the copy): the answers are those of a scan of the whole list in order.
 */
export class EntityBook {
  private readonly source: KnownEntitySource;
  /** Known entities touched so far, by their order in the source. */
  private readonly copies = new Map<number, Entry>();
  private readonly added: Entry[] = [];
  private readonly addedById = new Map<string, Entry[]>();
  /** Index of the entries held here (copies and new ones) by each of their forms and mention heads. */
  private readonly localForms = new Map<string, Set<Entry>>();
  private readonly localHeads = new Map<string, Set<Entry>>();
  private readonly localIrregular = new Set<Entry>();
  private readonly used = new Set<string>();
  /**
   * `mentionedIn` answers by text, until an entry gains a form (a new entity, a new alias): the
   * extractors ask about the same sentences many times.
   */
  private readonly mentions = new Map<string, string[]>();

  constructor(known: readonly KnownEntity[] | KnownEntitySource) {
    this.source = Array.isArray(known) ? listSource(known) : (known as KnownEntitySource);
  }

  /** The entity a surface form names, creating it when `create` and the form looks like a name. */
  resolve(surface: string, create = true): string | undefined {
    const norm = normalizeEntityName(surface);
    if (!norm || NOT_ENTITIES.has(norm) || norm.length < 2 || norm.split(' ').length > 4) return undefined;
    const found = this.find(norm);
    if (found) {
      if (!found.entity.aliases.includes(surface.trim())) {
        found.entity.aliases.push(surface.trim());
        this.index(found);
        this.mentions.clear();
      }
      this.used.add(found.entity.id);
      return found.entity.id;
    }
    if (!create) return undefined;
    const entity: AnnotatedEntity = {
      id: entityIdOf(norm),
      kind: 'component',
      name: norm,
      aliases: [surface.trim()],
      confidence: 0.6,
    };
    const entry: Entry = { entity, norm, known: false, order: NEW_ORDER + this.added.length };
    this.added.push(entry);
    const same = this.addedById.get(entity.id);
    if (same) same.push(entry);
    else this.addedById.set(entity.id, [entry]);
    this.index(entry);
    this.mentions.clear();
    this.used.add(entity.id);
    return entity.id;
  }

  private find(norm: string): Entry | undefined {
    let exact: Entry | undefined;
    for (const known of this.source.withForm(norm)) {
      const entry = this.copy(known);
      if (!exact || entry.order < exact.order) exact = entry;
    }
    for (const entry of this.localForms.get(norm) ?? [])
      if (!exact || entry.order < exact.order) exact = entry;
    if (exact) return exact;
    // A bare head ("the indexer") or a longer form ("search indexer job") of one name already named in this
    // conversation: "the pipeline" is the deploy pipeline in one conversation and the sales pipeline in another.
    const heads = new Set<Entry>();
    for (const id of this.used)
      for (const entry of this.entriesWithId(id))
        if (
          entry.norm.endsWith(` ${norm}`) ||
          // …but a one-word name does not swallow a longer phrase ("customer" is not "customer service desk").
          (norm.startsWith(`${entry.norm} `) && entry.norm.split(' ').length * 2 >= norm.split(' ').length)
        )
          heads.add(entry);
    return heads.size === 1 ? [...heads][0] : undefined;
  }

  /** Known entities whose aliases appear in the text (whole words), in order of appearance. */
  mentionedIn(text: string): string[] {
    let hits = this.mentions.get(text);
    if (!hits) this.mentions.set(text, (hits = this.scanMentions(text)));
    return [...hits];
  }

  private scanMentions(text: string): string[] {
    const lower = ` ${text.toLowerCase().replace(/[^\p{L}\d]+/gu, ' ')} `;
    // By place in the book. A known entity not yet touched here is tested by its own names (those a
    // copy would start with) and left uncopied: most candidates share only a first word with the text.
    const candidates = new Map<number, Entry | KnownEntry>();
    const addKnown = (known: KnownEntry): void => {
      if (!candidates.has(known.order)) candidates.set(known.order, this.copies.get(known.order) ?? known);
    };
    for (const known of this.source.irregular()) addKnown(known);
    for (const entry of this.localIrregular) candidates.set(entry.order, entry);
    for (const word of new Set(lower.split(' '))) {
      if (!word) continue;
      for (const known of this.source.withFirstWord(word)) addKnown(known);
      for (const entry of this.localHeads.get(word) ?? []) candidates.set(entry.order, entry);
    }
    const hits: { id: string; at: number }[] = [];
    for (const candidate of [...candidates.values()].sort((a, b) => a.order - b.order)) {
      const patterns = 'norm' in candidate ? entryPatterns(candidate) : knownPatterns(candidate.entity);
      for (const pattern of patterns) {
        const at = lower.indexOf(pattern);
        if (at >= 0) {
          hits.push({ id: candidate.entity.id, at });
          break;
        }
      }
    }
    return [...new Set(hits.sort((a, b) => a.at - b.at).map((hit) => hit.id))];
  }

  /**
   * Phrases ending in a component word become entities: "the billing service", "an SQS queue worker",
   * "auth-api", "the SDK". Up to two modifiers after a determiner, one without ("I maintain acme-sdk"
   * keeps "acme-sdk"); function words end the phrase.
   */
  discover(text: string): string[] {
    const out: string[] = [];
    const heads = componentHeads();
    const tokens = text.split(/\s+/).map((token) => token.replace(/^[("'“*_]+|[)"'”*_.,:;!?]+$/g, ''));
    tokens.forEach((token, index) => {
      const lower = token.toLowerCase();
      const compound = lower.includes('-') && heads.has(lower.split('-').pop() ?? '');
      if (!heads.has(lower) && !compound) return;
      const modifiers: string[] = [];
      let at = index - 1;
      while (
        at >= 0 &&
        modifiers.length < 2 &&
        /^[\p{L}][\p{L}\d-]*$/u.test(tokens[at]) &&
        !FUNCTION_WORDS.has(tokens[at].toLowerCase()) &&
        !heads.has(tokens[at].toLowerCase())
      ) {
        modifiers.unshift(tokens[at]);
        at--;
      }
      const determined = at >= 0 && /^(the|an?|our|their|this|that|my|your|new)$/i.test(tokens[at]);
      const kept = compound && !determined ? [] : determined ? modifiers : modifiers.slice(-1);
      const phrase = [...kept, token].join(' ');
      if (kept.length === 0 && !compound && !/^(sdk|indexer|dashboard|frontend|backend)$/i.test(token))
        return;
      const id = this.resolve(phrase);
      if (id) out.push(id);
    });
    return out;
  }

  /** Known from earlier conversations, or named with a component word ("the retry worker", "auth-api"). */
  isComponentLike(id: string): boolean {
    const entry = this.firstWithId(id);
    if (!entry) return false;
    if (entry.known) return true;
    return entry.entity.aliases.some((alias) =>
      COMPONENT_HEADS.some((head) => new RegExp(`\\b${head}\\b`, 'i').test(alias)),
    );
  }

  /** Another surface form of an entity ("fares/ticketing" for the one named "fares"). */
  addAlias(id: string, surface: string): void {
    const entry = this.firstWithId(id);
    const alias = surface.trim();
    if (entry && alias && !entry.entity.aliases.includes(alias)) {
      entry.entity.aliases.push(alias);
      this.index(entry);
      this.mentions.clear();
    }
  }

  /** Known from earlier conversations (in the input's entity list). */
  isKnown(id: string): boolean {
    return this.source.withId(id).length > 0;
  }

  markUsed(id: string): void {
    this.used.add(id);
  }

  /** Every entity this conversation named. */
  usedEntities(): AnnotatedEntity[] {
    const entries = new Set<Entry>();
    for (const id of this.used) for (const entry of this.entriesWithId(id)) entries.add(entry);
    return [...entries]
      .sort((a, b) => a.order - b.order)
      .map((entry) => ({ ...entry.entity, aliases: [...new Set(entry.entity.aliases)] }));
  }

  nameOf(id: string): string {
    return this.firstWithId(id)?.entity.name ?? id;
  }

  /** Every name an entity goes by here: its name and aliases (the id's words when it is unknown). */
  formsOf(id: string): string[] {
    const entity = this.firstWithId(id)?.entity;
    return entity ? [entity.name, ...entity.aliases] : [id.replace(/^[a-z]+:/, '').replace(/-/g, ' ')];
  }

  private firstWithId(id: string): Entry | undefined {
    const known = this.source.withId(id)[0];
    return known ? this.copy(known) : this.addedById.get(id)?.[0];
  }

  private entriesWithId(id: string): Entry[] {
    return [...this.source.withId(id).map((known) => this.copy(known)), ...(this.addedById.get(id) ?? [])];
  }

  /** This conversation's copy of a known entity (aliases found here are added to it). */
  private copy(known: KnownEntry): Entry {
    let entry = this.copies.get(known.order);
    if (entry) return entry;
    const entity = known.entity;
    const aliases = [...new Set([entity.name, ...(entity.aliases ?? [])])];
    entry = {
      entity: {
        id: entity.id,
        kind: entity.kind ?? 'component',
        name: entity.name,
        aliases,
        confidence: 0.8,
      },
      norm: normalizeEntityName(entity.name),
      known: true,
      order: known.order,
    };
    this.copies.set(known.order, entry);
    this.index(entry);
    return entry;
  }

  /** (Re)indexes an entry held here by its forms and mention heads. */
  private index(entry: Entry): void {
    for (const form of new Set([entry.norm, ...entry.entity.aliases.map(normalizeEntityName)])) {
      add(this.localForms, form, entry);
      if (!form) continue;
      const head = patternHead(mentionPattern(form));
      if (head === undefined) this.localIrregular.add(entry);
      else add(this.localHeads, head, entry);
    }
  }
}

/** What `scanMentions` looks for: each form of the entry (its name first), as ` words ` of a mention text. */
function entryPatterns(entry: Entry): string[] {
  return mentionPatterns([entry.norm, ...entry.entity.aliases.map(normalizeEntityName)]);
}

/**
 * `entryPatterns` of a known entity's copy as first made (its name and aliases), kept per entity
 * while its name and aliases stay as they were.
 */
const knownPatternsOf = new WeakMap<
  KnownEntity,
  { name: string; aliases: KnownEntity['aliases']; count: number; patterns: string[] }
>();
function knownPatterns(entity: KnownEntity): string[] {
  const kept = knownPatternsOf.get(entity);
  const count = entity.aliases?.length ?? 0;
  if (kept && kept.name === entity.name && kept.aliases === entity.aliases && kept.count === count)
    return kept.patterns;
  const aliases = [...new Set([entity.name, ...(entity.aliases ?? [])])];
  const patterns = mentionPatterns([normalizeEntityName(entity.name), ...aliases.map(normalizeEntityName)]);
  knownPatternsOf.set(entity, { name: entity.name, aliases: entity.aliases, count, patterns });
  return patterns;
}

function mentionPatterns(forms: readonly string[]): string[] {
  const out: string[] = [];
  for (const form of new Set(forms)) if (form) out.push(` ${mentionPattern(form)} `);
  return out;
}

export function entityHash(parts: string[]): string {
  return stableId(...parts);
}
