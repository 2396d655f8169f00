import { OutroError } from '../../domain/errors.js';
import type { PersonAlias, PersonLinked, PersonUpdated } from '../../domain/person.js';
import { linkPeople } from '../../pipeline/resolve/link-people.js';
import { groupHumans, loneHuman, type Human } from '../../pipeline/resolve/people.js';

export type { Human };

/** A person.linked event as `outro people` shows it: two identities, the method, how sure, and why. */
export type IdentityLink = PersonLinked;

const CALENDAR_EMAIL = 'calendar:email:';

/** The person a brief or list is for: a human's id, display name and every key of theirs. */
export interface Reader {
  id: string;
  name: string;
  keys: string[];
}

/**
 * The directory as `snapshot()` gives it: the profiles and links with the humans and the name
 * index built (indexes into `humans`), for a store to keep and give back as `StoredDirectory`.
 */
export interface DirectorySnapshot {
  profiles: PersonUpdated[];
  links: PersonLinked[];
  humans: Human[];
  full: Array<[string, number[]]>;
  words: Array<[string, number[]]>;
}

/**
 * The name indexes: `full` and `word` are the forms and words `find` reads (the snapshot's); a
 * store also keeps `chat`, the forms chat text names people by (ask/retrieval/people-names.ts).
 */
export type NameKind = 'full' | 'word' | 'chat';

/** A kept snapshot as a store reads it back: the humans at once, the rest when first asked for. */
export interface StoredDirectory {
  humans: Human[];
  profiles: () => readonly PersonUpdated[];
  links: () => readonly PersonLinked[];
  /** The humans (indexes into `humans`) one name index holds under a normalized form. */
  names: (form: string, kind: NameKind) => readonly number[] | undefined;
}

/**
 * Who is who, for every command that shows people (brief, ask, items, people): native identities
 * grouped into humans by the one rule (pipeline/resolve/people.ts `groupHumans`), each with its
 * display name, and found by key, name, handle, email or id. Pure; built from the log's latest
 * profiles and person.linked events, or read back from a snapshot of one (`fromStored`).
 */
export class PeopleDirectory {
  readonly humans: Human[];
  private readonly byKey = new Map<string, Human>();
  private readonly byEmail = new Map<string, Human>();
  private readonly readProfiles: () => readonly PersonUpdated[];
  private readonly readLinks: () => readonly PersonLinked[];
  private profileMap: Map<string, PersonUpdated> | undefined;
  private linkList: readonly PersonLinked[] | undefined;
  /** Name forms and name words → the humans (indexes into `humans`) that have them. */
  private readonly names: (form: string, word: boolean) => readonly number[] | undefined;
  private readonly stored: StoredDirectory | undefined;

  constructor(
    profiles: readonly PersonUpdated[],
    links: readonly PersonLinked[] = [],
    stored?: StoredDirectory,
  ) {
    this.humans = stored?.humans ?? groupHumans(profiles, links);
    for (const human of this.humans) {
      for (const key of human.keys) this.byKey.set(key, human);
      for (const email of human.emails) this.byEmail.set(email.toLowerCase(), human);
    }
    this.readProfiles = stored?.profiles ?? (() => profiles);
    this.readLinks = stored?.links ?? (() => links);
    this.stored = stored;
    if (stored) this.names = (form, word) => stored.names(form, word ? 'word' : 'full');
    else {
      // Built on the first find(): most answers only name keys they already hold.
      let index: NameIndex | undefined;
      this.names = (form, word) => {
        index ??= this.nameIndex();
        return (word ? index.words : index.full).get(form);
      };
    }
  }

  /** A directory read back from a store: the same answers as the one its snapshot was taken from. */
  static fromStored(stored: StoredDirectory): PeopleDirectory {
    return new PeopleDirectory([], [], stored);
  }

  /** Everything this directory holds, its name index built, for a store to keep. */
  snapshot(): DirectorySnapshot {
    const index = this.nameIndex();
    return {
      profiles: [...this.profileByKey().values()],
      links: [...this.links],
      humans: this.humans,
      full: [...index.full],
      words: [...index.words],
    };
  }

  /** The humans (indexes into `humans`) with a normalized name form (`word` false) or name word. */
  humansNamed(form: string, word: boolean): readonly number[] | undefined {
    return this.names(form, word);
  }

  /** The store's `chat` index, read back with the directory; undefined for one built here. */
  keptChatNames(): ((form: string) => readonly number[] | undefined) | undefined {
    const stored = this.stored;
    return stored ? (form) => stored.names(form, 'chat') : undefined;
  }

  private get links(): readonly PersonLinked[] {
    return (this.linkList ??= this.readLinks());
  }

  private profileByKey(): Map<string, PersonUpdated> {
    if (!this.profileMap) {
      this.profileMap = new Map();
      for (const profile of this.readProfiles()) this.profileMap.set(profile.key, profile);
    }
    return this.profileMap;
  }

  /**
   * The human of a person key. A calendar key no profile describes is found by its email; any
   * other unknown key is a human of its own, named by its native id.
   */
  human(key: string): Human {
    return (
      this.byKey.get(key) ??
      (key.startsWith(CALENDAR_EMAIL) ? this.byEmail.get(key.slice(CALENDAR_EMAIL.length)) : undefined) ??
      loneHuman(key)
    );
  }

  name(key: string): string {
    return this.human(key).name;
  }

  /** The human's id (its smallest key), or the key itself. */
  idOf(key: string): string {
    return this.human(key).id;
  }

  ref(key: string): { key: string; name: string } {
    return { key, name: this.name(key) };
  }

  isBot(key: string): boolean {
    return this.human(key).isBot;
  }

  /** The profiles of a human's identities, in key order (a key no profile describes has none). */
  identities(human: Human): PersonUpdated[] {
    return human.keys.flatMap((key) => this.profileByKey().get(key) ?? []);
  }

  /**
   * The alias and `exclude` links the config's `people:` entries make today (linkPeople) that the
   * log does not hold yet (same pair, method and basis): they take effect at the next ingest.
   */
  unappliedConfig(aliases: readonly PersonAlias[]): IdentityLink[] {
    if (aliases.length === 0) return [];
    const id = (link: PersonLinked): string => `${link.a}|${link.b}|${link.method}|${link.basis}`;
    const stored = new Set(this.links.map(id));
    return linkPeople([...this.profileByKey().values()], aliases).filter(
      (link) => (link.method === 'alias' || link.method === 'notSame') && !stored.has(id(link)),
    );
  }

  /** The latest profile of one identity, if any. */
  identity(key: string): PersonUpdated | undefined {
    return this.profileByKey().get(key);
  }

  /**
   * The links that name a human's identities: `within` link two of them (the evidence that made
   * this human, weak ones included), `across` link one of them to another human's identity and
   * joined nothing (a config veto, a link too weak, or two accounts of one chat workspace).
   */
  linksOf(human: Human): { within: IdentityLink[]; across: IdentityLink[] } {
    const keys = new Set(human.keys);
    const within: IdentityLink[] = [];
    const across: IdentityLink[] = [];
    for (const link of this.links) {
      const [a, b] = [keys.has(link.a), keys.has(link.b)];
      if (a && b) within.push(link);
      else if (a || b) across.push(link);
    }
    return { within, across };
  }

  byEmailAddress(email: string): Human | undefined {
    return this.byEmail.get(email.toLowerCase());
  }

  /**
   * The human `text` names: an exact name, handle, email or id first, then a single name word
   * ("Priya"). Undefined when nothing matches or the words match several humans.
   */
  find(text: string): Human | undefined {
    const full = normalize(text.replace(/^@/, ''));
    if (full === '') return undefined;
    const exact = this.names(full, false);
    if (exact?.length === 1) return this.humans[exact[0]];
    const words = full.split(' ').filter((word) => word.length >= 2);
    let candidates: readonly number[] | undefined;
    for (const word of words) {
      const found = this.names(word, true);
      if (!found) return undefined;
      if (candidates) {
        const inFound = new Set(found);
        candidates = candidates.filter((human) => inFound.has(human));
      } else candidates = found;
    }
    return candidates?.length === 1 ? this.humans[candidates[0]] : undefined;
  }

  /** Every key of the humans the `me` config entries name (unknown entries are skipped). */
  keysOf(entries: readonly string[]): string[] {
    const keys = new Set<string>();
    for (const entry of entries) {
      const human = this.byKey.get(entry) ?? this.find(entry) ?? this.find(entry.replace(/^email:/, ''));
      for (const key of human?.keys ?? []) keys.add(key);
    }
    return [...keys].sort();
  }

  /**
   * The reader named by any handle, id, key, display name or email on any source, or by a name word
   * only one human has ("Hana", "Okafor"). Several entries (config `me` as a list) join their
   * humans; entries that match nothing are skipped as long as one matches. Throws USAGE with close matches when none does, or when one entry is ambiguous;
   * the message names `option`, the flag the entries came from (`--for` finds anyone the same way).
   */
  resolveReader(entries: readonly string[], option = '--me'): Reader {
    if (entries.length === 0) {
      throw new OutroError(
        'USAGE',
        'Who are you? Pass --me <handle, email or name> or set `me:` in the config (any of your handles, ids, display names or emails on any source).',
      );
    }
    const reader = this.findReader(entries);
    if (reader) return reader;
    throw new OutroError(
      'USAGE',
      `No person matches ${entries.map((entry) => `"${entry}"`).join(', ')}.${this.unmatchedHint(entries)} Use ${option} with a handle, email, person key or display name.`,
    );
  }

  /**
   * As resolveReader, but undefined when no entry matches anyone stored (a `me` for a source the
   * store does not hold, say a Slack handle over Teams and calendar data). Ambiguity still throws.
   */
  findReader(entries: readonly string[]): Reader | undefined {
    const found: Human[] = [];
    for (const entry of entries) {
      const exact = this.match(entry);
      // A name word only one human has ("Hana", "Okafor") names them; several is no match here.
      const oneWord = /^@?[\p{L}\p{N}._'’-]{2,}$/u.test(entry.trim());
      const byWord = exact.length === 0 && oneWord ? this.find(entry.trim()) : undefined;
      const matches = byWord ? [byWord] : exact;
      if (matches.length > 1) {
        throw new OutroError(
          'USAGE',
          `"${entry}" matches several people: ${matches.map(describe).join('; ')}. Pass a handle, email or person key instead.`,
        );
      }
      if (matches.length === 1) found.push(matches[0]);
    }
    if (found.length === 0) return undefined;
    const keys = [...new Set(found.flatMap((human) => human.keys))].sort();
    return { id: found[0].id, name: found[0].name, keys };
  }

  /** For entries that matched no one: their close matches, or that no people are stored yet ('' when neither). */
  unmatchedHint(entries: readonly string[]): string {
    const close = this.closeMatches(entries.join(' '));
    return close.length > 0
      ? ` Close matches: ${close.map(describe).join('; ')}.`
      : this.humans.length === 0
        ? ' No people are stored yet: run `outro ingest` first.'
        : '';
  }

  private nameIndex(): NameIndex {
    const at = new Map(this.humans.map((human, index) => [human, index]));
    const full = new Map<string, Set<number>>();
    const words = new Map<string, Set<number>>();
    for (const member of this.readProfiles()) {
      const human = at.get(this.human(member.key)) ?? -1;
      const forms = [
        ...member.names,
        ...member.handles,
        ...member.emails,
        member.nativeId,
        member.key,
        ...member.emails.map((email) => email.split('@')[0]),
      ];
      for (const form of forms) {
        const whole = normalize(form);
        if (whole === '') continue;
        add(full, whole, human);
        for (const word of whole.split(' ')) if (word.length >= 2) add(words, word, human);
      }
    }
    const arrays = (map: Map<string, Set<number>>): Map<string, number[]> =>
      new Map([...map].map(([form, humans]) => [form, [...humans]]));
    return { full: arrays(full), words: arrays(words) };
  }

  private match(entry: string): Human[] {
    const wanted = norm(entry.replace(/^@/, '').replace(/^email:/, ''));
    if (wanted === '') return [];
    return this.humans.filter((human) => forms(human).includes(wanted));
  }

  private closeMatches(text: string): Human[] {
    const wanted = norm(text.replace(/^@/, ''));
    return this.humans
      .filter((human) => !human.isBot)
      .map((human) => ({ human, distance: Math.min(...forms(human).map((form) => closeness(wanted, form))) }))
      .filter((entry) => entry.distance <= Math.max(2, Math.floor(wanted.length / 3)))
      .sort((a, b) => a.distance - b.distance || a.human.name.localeCompare(b.human.name))
      .slice(0, 5)
      .map((entry) => entry.human);
  }
}

interface NameIndex {
  full: Map<string, number[]>;
  words: Map<string, number[]>;
}

/** For find(): names, handles and ids as words ("Priya's" → "priya"). */
function normalize(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]s$/, '')
    .replace(/[^a-z0-9@._:-]+/g, ' ')
    .trim();
}

/** For resolveReader(): an identity written whole. */
function norm(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ');
}

function add<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function describe(human: Human): string {
  const handle = human.handles[0]
    ? ` (@${human.handles[0]})`
    : human.emails[0]
      ? ` (${human.emails[0]})`
      : '';
  return `${human.name}${handle}`;
}

function forms(human: Human): string[] {
  const keyForms = human.keys.flatMap((key) => {
    const parts = key.split(':');
    return [key, parts[parts.length - 1], `${parts[0]}:${parts[parts.length - 1]}`];
  });
  return [...human.names, ...human.handles, ...human.emails, ...keyForms]
    .map(norm)
    .filter((form) => form !== '');
}

/** Edit distance, with a substring counting as close (1). */
function closeness(a: string, b: string): number {
  if (a.length >= 3 && (b.includes(a) || a.includes(b))) return 1;
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = saved;
    }
  }
  return row[b.length];
}
