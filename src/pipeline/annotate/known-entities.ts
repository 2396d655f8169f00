import type { KnownEntity } from './annotate-types.js';
import { normalizeEntityName } from './entity-names.js';

/** A known entity and its place in the list the conversation sees (earlier names first). */
export interface KnownEntry {
  entity: KnownEntity;
  order: number;
}

/**
 * The entities earlier conversations named, as one conversation sees them, looked up rather than
 * listed: a large store knows tens of thousands and a conversation names a handful. Every lookup
 * answers exactly what a scan of the whole list would (EntityBook relies on it); entries come in
 * list order.
 */
export interface KnownEntitySource {
  /** Entities one of whose names normalizes to `form`. */
  withForm(form: string): readonly KnownEntry[];
  /** Entities one of whose names reads, as words, starting with `word` (see `mentionPattern`). */
  withFirstWord(word: string): readonly KnownEntry[];
  /** Entities one of whose names has an irregular mention pattern (to test against every text). */
  irregular(): readonly KnownEntry[];
  /** Entities with this id (one, unless a plain list repeats an id), in order. */
  withId(id: string): readonly KnownEntry[];
  /** The whole list, in order (the model strategy's prompt; tests). */
  all(): KnownEntity[];
}

/** The names an entry is looked up by: its name and every alias, normalized (`EntityBook` forms). */
export function entityForms(entity: KnownEntity): string[] {
  const forms = new Set<string>();
  forms.add(normalizeEntityName(entity.name));
  for (const alias of entity.aliases ?? []) forms.add(normalizeEntityName(alias));
  return [...forms];
}

/** A normalized name as the words `EntityBook.mentionedIn` looks for ("auth api" → "auth api", "v2.1" → "v2 1"). */
export function mentionPattern(form: string): string {
  return form.replace(/[^\p{L}\d]+/gu, ' ');
}

/**
 * The first word of a pattern that can only occur between two single spaces of a mention text;
 * undefined for an irregular one (leading or trailing space, or empty), which can still match where
 * the text starts or ends with punctuation.
 */
export function patternHead(pattern: string): string | undefined {
  if (pattern.length === 0 || pattern.startsWith(' ') || pattern.endsWith(' ')) return undefined;
  const space = pattern.indexOf(' ');
  return space < 0 ? pattern : pattern.slice(0, space);
}

function push<K>(map: Map<K, KnownEntry[]>, key: K, entry: KnownEntry): void {
  const list = map.get(key);
  if (!list) map.set(key, [entry]);
  else if (list[list.length - 1] !== entry) list.push(entry);
}

/** A source over a plain list (small inputs, tests): indexed once, in list order. */
export function listSource(entities: readonly KnownEntity[]): KnownEntitySource {
  const byForm = new Map<string, KnownEntry[]>();
  const byHead = new Map<string, KnownEntry[]>();
  const irregular: KnownEntry[] = [];
  const byId = new Map<string, KnownEntry[]>();
  entities.forEach((entity, order) => {
    const entry: KnownEntry = { entity, order };
    push(byId, entity.id, entry);
    for (const form of entityForms(entity)) {
      push(byForm, form, entry);
      if (!form) continue;
      const head = patternHead(mentionPattern(form));
      if (head === undefined) {
        if (irregular[irregular.length - 1] !== entry) irregular.push(entry);
      } else push(byHead, head, entry);
    }
  });
  return {
    withForm: (form) => byForm.get(form) ?? [],
    withFirstWord: (word) => byHead.get(word) ?? [],
    irregular: () => irregular,
    withId: (id) => byId.get(id) ?? [],
    all: () => [...entities],
  };
}
