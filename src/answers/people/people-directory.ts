import type { PersonLinked, PersonUpdated } from '../../domain/person.js';

export interface Human {
  /** Every person key (native identity) of this human, sorted. */
  keys: string[];
  /** Display name: the longest full name (one with a space) of any identity, else the first name seen. */
  name: string;
}

/**
 * Who is who: native identities grouped into humans by person.linked events, and names, handles,
 * emails and ids to find them by. Pure; built from the log's profiles and links.
 */
export class PeopleDirectory {
  private readonly humanOf = new Map<string, Human>();
  private readonly byWord = new Map<string, Set<Human>>();
  private readonly byFull = new Map<string, Set<Human>>();
  /** The name index is built on the first find(): most answers only name keys they already hold. */
  private pending: Array<{ human: Human; members: PersonUpdated[] }> | undefined = [];

  constructor(profiles: readonly PersonUpdated[], links: readonly PersonLinked[] = []) {
    const parent = new Map<string, string>();
    const find = (key: string): string => {
      let root = key;
      while ((parent.get(root) ?? root) !== root) root = parent.get(root)!;
      parent.set(key, root);
      return root;
    };
    for (const profile of profiles) parent.set(profile.key, parent.get(profile.key) ?? profile.key);
    for (const link of links) {
      if (!parent.has(link.a)) parent.set(link.a, link.a);
      if (!parent.has(link.b)) parent.set(link.b, link.b);
      const [a, b] = [find(link.a), find(link.b)];
      if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
    }
    const groups = new Map<string, PersonUpdated[]>();
    for (const profile of profiles) {
      const root = find(profile.key);
      const group = groups.get(root);
      if (group) group.push(profile);
      else groups.set(root, [profile]);
    }
    const keysByRoot = new Map<string, string[]>();
    for (const key of parent.keys()) {
      const root = find(key);
      const keys = keysByRoot.get(root);
      if (keys) keys.push(key);
      else keysByRoot.set(root, [key]);
    }
    for (const [root, members] of groups) {
      const keys = [...new Set([...members.map((member) => member.key), ...(keysByRoot.get(root) ?? [])])].sort();
      const names = members.flatMap((member) => member.names.map((name) => name.trim()).filter((name) => name !== ''));
      const full = names.filter((name) => name.includes(' ')).sort((a, b) => b.length - a.length)[0];
      const human: Human = { keys, name: full ?? names[0] ?? members[0].nativeId };
      for (const key of keys) this.humanOf.set(key, human);
      this.pending?.push({ human, members });
    }
  }

  private buildIndex(): void {
    for (const { human, members } of this.pending ?? []) {
      for (const member of members) {
        const forms = [...member.names, ...member.handles, ...member.emails, member.nativeId, member.key, ...member.emails.map((email) => email.split('@')[0])];
        for (const form of forms) {
          const full = normalize(form);
          if (full === '') continue;
          add(this.byFull, full, human);
          for (const word of full.split(' ')) if (word.length >= 2) add(this.byWord, word, human);
        }
      }
    }
    this.pending = undefined;
  }

  /** The human of a person key (an unknown key is its own human, named by its key). */
  human(key: string): Human {
    return this.humanOf.get(key) ?? { keys: [key], name: key };
  }

  name(key: string): string {
    return this.human(key).name;
  }

  /**
   * The human `text` names: an exact name, handle, email or id first, then a single name word
   * ("Priya"). Undefined when nothing matches or the words match several humans.
   */
  find(text: string): Human | undefined {
    const full = normalize(text.replace(/^@/, ''));
    if (full === '') return undefined;
    if (this.pending) this.buildIndex();
    const exact = this.byFull.get(full);
    if (exact?.size === 1) return [...exact][0];
    const words = full.split(' ').filter((word) => word.length >= 2);
    let candidates: Set<Human> | undefined;
    for (const word of words) {
      const found = this.byWord.get(word);
      if (!found) return undefined;
      candidates = candidates ? new Set([...candidates].filter((human) => found.has(human))) : new Set(found);
    }
    return candidates?.size === 1 ? [...candidates][0] : undefined;
  }

  /** Every key of the humans the `me` config entries name (unknown entries are skipped). */
  keysOf(entries: readonly string[]): string[] {
    const keys = new Set<string>();
    for (const entry of entries) {
      const human = this.humanOf.get(entry) ?? this.find(entry) ?? this.find(entry.replace(/^email:/, ''));
      for (const key of human?.keys ?? []) keys.add(key);
    }
    return [...keys].sort();
  }
}

function normalize(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]s$/, '')
    .replace(/[^a-z0-9@._:-]+/g, ' ')
    .trim();
}

function add<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}
