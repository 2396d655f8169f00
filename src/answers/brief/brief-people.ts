import { OutroError } from '../../domain/errors.js';
import type { PersonLinked, PersonUpdated } from '../../domain/person.js';
import { groupHumans, type Human } from '../../pipeline/resolve/people.js';

/** Humans by person key, with display names; unknown keys name themselves. */
export class BriefPeople {
  readonly humans: Human[];
  private readonly byKey = new Map<string, Human>();
  private readonly byEmail = new Map<string, Human>();

  constructor(profiles: readonly PersonUpdated[], links: readonly PersonLinked[]) {
    this.humans = groupHumans(profiles, links);
    for (const human of this.humans) {
      for (const key of human.keys) this.byKey.set(key, human);
      for (const email of human.emails) this.byEmail.set(email.toLowerCase(), human);
    }
  }

  human(key: string): Human | undefined {
    return this.byKey.get(key) ?? (key.startsWith('calendar:email:') ? this.byEmail.get(key.slice('calendar:email:'.length)) : undefined);
  }

  byEmailAddress(email: string): Human | undefined {
    return this.byEmail.get(email.toLowerCase());
  }

  /** The human's id (smallest key), or the key itself. */
  idOf(key: string): string {
    return this.human(key)?.id ?? key;
  }

  name(key: string): string {
    return this.human(key)?.name ?? key.split(':').pop() ?? key;
  }

  ref(key: string): { key: string; name: string } {
    return { key, name: this.name(key) };
  }

  isBot(key: string): boolean {
    return this.human(key)?.isBot ?? false;
  }

  /**
   * The reader named by any handle, id, key, display name or email on any source. Several entries
   * (config `me` as a list) join their humans; entries that match nothing are skipped as long as
   * one matches. Throws USAGE with close matches when none does, or when one entry is ambiguous.
   */
  resolveReader(entries: readonly string[]): { id: string; name: string; keys: string[] } {
    if (entries.length === 0) {
      throw new OutroError('USAGE', 'Who are you? Pass --me <handle, email or name> or set `me:` in the config (any of your handles, ids, display names or emails on any source).');
    }
    const found: Human[] = [];
    for (const entry of entries) {
      const matches = this.match(entry);
      if (matches.length > 1) {
        throw new OutroError('USAGE', `"${entry}" matches several people: ${matches.map(describe).join('; ')}. Pass a handle, email or person key instead.`);
      }
      if (matches.length === 1) found.push(matches[0]);
    }
    if (found.length === 0) {
      const close = this.closeMatches(entries.join(' '));
      const hint = close.length > 0 ? ` Close matches: ${close.map(describe).join('; ')}.` : this.humans.length === 0 ? ' No people are stored yet: run `outro ingest` first.' : '';
      throw new OutroError('USAGE', `No person matches ${entries.map((entry) => `"${entry}"`).join(', ')}.${hint} Use --me with a handle, email, person key or display name.`);
    }
    const keys = [...new Set(found.flatMap((human) => human.keys))].sort();
    return { id: found[0].id, name: found[0].name, keys };
  }

  private match(entry: string): Human[] {
    const wanted = norm(entry.replace(/^@/, '').replace(/^email:/, ''));
    if (wanted === '') return [];
    const hits = this.humans.filter((human) => forms(human).includes(wanted));
    return hits;
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

function describe(human: Human): string {
  const handle = human.handles[0] ? ` (@${human.handles[0]})` : human.emails[0] ? ` (${human.emails[0]})` : '';
  return `${human.name}${handle}`;
}

function forms(human: Human): string[] {
  const keyForms = human.keys.flatMap((key) => {
    const parts = key.split(':');
    return [key, parts[parts.length - 1], `${parts[0]}:${parts[parts.length - 1]}`];
  });
  return [...human.names, ...human.handles, ...human.emails, ...keyForms].map(norm).filter((form) => form !== '');
}

function norm(text: string): string {
  return text.trim().toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, ' ');
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
