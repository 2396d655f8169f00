import { stableId } from '../../domain/ids.js';
import type { AnnotatedEntity, KnownEntity } from './annotate-types.js';
import {
  COMPONENT_HEADS,
  FUNCTION_WORDS,
  GENERIC_SUFFIXES,
  LEADING_WORDS,
  NOT_ENTITIES,
} from './lexicon/entity-words.js';

/** "The Billing Service" → "billing"; "billing-worker" → "billing worker"; "the SDK" → "sdk". */
export function normalizeEntityName(surface: string): string {
  let words = surface
    .toLowerCase()
    .replace(/[*_`"“”'’]/g, '')
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\d. -]/gu, ' ')
    .replace(/-/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  while (words.length > 1 && LEADING_WORDS.includes(words[0])) words = words.slice(1);
  while (words.length > 1 && GENERIC_SUFFIXES.includes(words[words.length - 1])) words = words.slice(0, -1);
  if (words.length === 1 && LEADING_WORDS.includes(words[0])) return '';
  return words.join(' ').replace(/\.+$/, '');
}

export function entityIdOf(normalized: string, kind: AnnotatedEntity['kind'] = 'component'): string {
  return `${kind}:${normalized.replace(/[^\p{L}\d]+/gu, '-')}`;
}

interface Entry {
  entity: AnnotatedEntity;
  norm: string;
  known: boolean;
}

/**
 * The entities of one conversation: known ones (from earlier conversations) found by alias, and new
 * ones named in a fact or decision. Surface forms that normalize alike, or a bare head word of a known
 * multi-word name ("the indexer" for "search indexer"), resolve to one entity.
 */
export class EntityBook {
  private readonly entries: Entry[] = [];
  private readonly used = new Set<string>();

  constructor(known: readonly KnownEntity[]) {
    for (const entity of known) {
      const aliases = [...new Set([entity.name, ...(entity.aliases ?? [])])];
      this.entries.push({
        entity: {
          id: entity.id,
          kind: entity.kind ?? 'component',
          name: entity.name,
          aliases,
          confidence: 0.8,
        },
        norm: normalizeEntityName(entity.name),
        known: true,
      });
    }
  }

  /** The entity a surface form names, creating it when `create` and the form looks like a name. */
  resolve(surface: string, create = true): string | undefined {
    const norm = normalizeEntityName(surface);
    if (!norm || NOT_ENTITIES.has(norm) || norm.length < 2 || norm.split(' ').length > 4) return undefined;
    const found = this.find(norm);
    if (found) {
      if (!found.entity.aliases.includes(surface.trim())) found.entity.aliases.push(surface.trim());
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
    this.entries.push({ entity, norm, known: false });
    this.used.add(entity.id);
    return entity.id;
  }

  private find(norm: string): Entry | undefined {
    const exact = this.entries.find(
      (entry) =>
        entry.norm === norm || entry.entity.aliases.some((alias) => normalizeEntityName(alias) === norm),
    );
    if (exact) return exact;
    // A bare head ("the indexer") or a longer form ("search indexer job") of one name already named in this
    // conversation: "the pipeline" is the deploy pipeline in one conversation and the sales pipeline in another.
    const heads = this.entries.filter(
      (entry) =>
        this.used.has(entry.entity.id) &&
        (entry.norm.endsWith(` ${norm}`) ||
          // …but a one-word name does not swallow a longer phrase ("customer" is not "customer service desk").
          (norm.startsWith(`${entry.norm} `) && entry.norm.split(' ').length * 2 >= norm.split(' ').length)),
    );
    return heads.length === 1 ? heads[0] : undefined;
  }

  /** Known entities whose aliases appear in the text (whole words), in order of appearance. */
  mentionedIn(text: string): string[] {
    const lower = ` ${text.toLowerCase().replace(/[^\p{L}\d]+/gu, ' ')} `;
    const hits: { id: string; at: number }[] = [];
    for (const entry of this.entries) {
      for (const form of new Set([entry.norm, ...entry.entity.aliases.map(normalizeEntityName)])) {
        if (!form) continue;
        const at = lower.indexOf(` ${form.replace(/[^\p{L}\d]+/gu, ' ')} `);
        if (at >= 0) {
          hits.push({ id: entry.entity.id, at });
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
    const heads = new Set(COMPONENT_HEADS);
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
    const entry = this.entries.find((candidate) => candidate.entity.id === id);
    if (!entry) return false;
    if (entry.known) return true;
    return entry.entity.aliases.some((alias) =>
      COMPONENT_HEADS.some((head) => new RegExp(`\\b${head}\\b`, 'i').test(alias)),
    );
  }

  /** Another surface form of an entity ("fares/ticketing" for the one named "fares"). */
  addAlias(id: string, surface: string): void {
    const entry = this.entries.find((candidate) => candidate.entity.id === id);
    const alias = surface.trim();
    if (entry && alias && !entry.entity.aliases.includes(alias)) entry.entity.aliases.push(alias);
  }

  markUsed(id: string): void {
    this.used.add(id);
  }

  /** Every entity this conversation named. */
  usedEntities(): AnnotatedEntity[] {
    return this.entries
      .filter((entry) => this.used.has(entry.entity.id))
      .map((entry) => ({ ...entry.entity, aliases: [...new Set(entry.entity.aliases)] }));
  }

  nameOf(id: string): string {
    return this.entries.find((entry) => entry.entity.id === id)?.entity.name ?? id;
  }
}

export function entityHash(parts: string[]): string {
  return stableId(...parts);
}
