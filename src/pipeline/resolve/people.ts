import type { PersonLinked, PersonUpdated } from '../../domain/person.js';
import { normalizeEmail, normalizeName } from './link-people.js';

/** One human: the native identities linked together, with everything they are called. */
export interface Human {
  /** The smallest member key: stable while the members stay the same. */
  id: string;
  /** The best display name: the first name of the member with the most names, or a name from the config. */
  name: string;
  keys: string[];
  names: string[];
  handles: string[];
  emails: string[];
  isBot: boolean;
  /** The weakest link that joins this human together (1 for a single identity). */
  confidence: number;
}

/** Groups identities into humans with union-find over links at or above `minConfidence`. */
export function groupHumans(profiles: readonly PersonUpdated[], links: readonly PersonLinked[], minConfidence = 0.6): Human[] {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(key, root);
    return root;
  };
  for (const profile of profiles) parent.set(profile.key, profile.key);
  const weakest = new Map<string, number>();
  for (const link of links) {
    if (link.confidence < minConfidence || !parent.has(link.a) || !parent.has(link.b)) continue;
    const [ra, rb] = [find(link.a), find(link.b)];
    const root = ra < rb ? ra : rb;
    const other = root === ra ? rb : ra;
    const confidence = Math.min(weakest.get(ra) ?? 1, weakest.get(rb) ?? 1, link.confidence);
    parent.set(other, root);
    weakest.set(root, confidence);
  }
  const groups = new Map<string, PersonUpdated[]>();
  for (const profile of profiles) {
    const root = find(profile.key);
    groups.set(root, [...(groups.get(root) ?? []), profile]);
  }
  return [...groups.entries()]
    .map(([root, members]) => toHuman(root, members, weakest.get(root) ?? 1))
    .sort((a, b) => a.id.localeCompare(b.id));
}

function toHuman(root: string, members: PersonUpdated[], confidence: number): Human {
  const sorted = [...members].sort((a, b) => a.key.localeCompare(b.key));
  const richest = [...sorted].sort((a, b) => b.names.length - a.names.length || fullness(b) - fullness(a))[0];
  return {
    id: root,
    name: pickName(sorted, richest),
    keys: sorted.map((member) => member.key),
    names: dedupe(sorted.flatMap((member) => member.names), normalizeName),
    handles: dedupe(sorted.flatMap((member) => member.handles), normalizeName),
    emails: dedupe(sorted.flatMap((member) => member.emails), normalizeEmail),
    isBot: sorted.every((member) => member.isBot),
    confidence,
  };
}

/** Prefer a full name ("Priya Nair") over a handle-like display name ("pj_dev"). */
function pickName(members: PersonUpdated[], richest: PersonUpdated): string {
  const names = members.flatMap((member) => member.names);
  return names.find((name) => /^\p{Lu}[\p{L}'-]+( \p{Lu}[\p{L}'-]+)+$/u.test(name)) ?? richest.names[0] ?? richest.nativeId;
}

function fullness(profile: PersonUpdated): number {
  return profile.names.filter((name) => name.includes(' ')).length;
}

function dedupe(values: string[], normalize: (value: string) => string): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = normalize(value);
    if (!value || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
