import type { PersonLinked, PersonUpdated } from '../../domain/person.js';
import { LINK_CONFIDENCE, normalizeEmail, normalizeName } from './link-people.js';

/** One human: the native identities linked together, with everything they are called. */
export interface Human {
  /** The smallest member key: stable while the members stay the same. */
  id: string;
  /** The display name (see `displayName`). */
  name: string;
  keys: string[];
  names: string[];
  handles: string[];
  emails: string[];
  isBot: boolean;
  /** The weakest link that joins this human together (1 for a single identity). */
  confidence: number;
}

/** Links weaker than this join nobody: the weakest evidence the linker trusts (one shared first name). */
export const MIN_LINK_CONFIDENCE = LINK_CONFIDENCE.singleName;

/**
 * Which identities are one human — the one rule every command shares (brief, ask, annotate,
 * status): union-find over person.linked events of at least MIN_LINK_CONFIDENCE between
 * identities that have a profile. A link naming an identity with no profile joins nothing.
 */
export function groupHumans(profiles: readonly PersonUpdated[], links: readonly PersonLinked[]): Human[] {
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
    if (link.confidence < MIN_LINK_CONFIDENCE || !parent.has(link.a) || !parent.has(link.b)) continue;
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
    const group = groups.get(root);
    if (group) group.push(profile);
    else groups.set(root, [profile]);
  }
  return [...groups.entries()]
    .map(([root, members]) => toHuman(root, members, weakest.get(root) ?? 1))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** A person key no profile describes: a human of its own, named by its native id (`slack:T1:U9` → `U9`). */
export function loneHuman(key: string): Human {
  return { id: key, name: key.slice(key.lastIndexOf(':') + 1) || key, keys: [key], names: [], handles: [], emails: [], isBot: false, confidence: 1 };
}

/**
 * The name to show for a human, whatever command shows it: the first name written like a full
 * name ("Priya Nair", not "pj_dev" or "Hughes, Tom") among its identities in key order, else the
 * first name of the identity with the most names, else that identity's native id.
 */
export function displayName(members: readonly PersonUpdated[]): string {
  const sorted = [...members].sort((a, b) => a.key.localeCompare(b.key));
  const full = sorted.flatMap((member) => member.names).find((name) => /^\p{Lu}[\p{L}'-]+( \p{Lu}[\p{L}'-]+)+$/u.test(name));
  if (full !== undefined) return full;
  const richest = [...sorted].sort((a, b) => b.names.length - a.names.length || fullness(b) - fullness(a))[0];
  return richest?.names[0] ?? richest?.nativeId ?? '';
}

function toHuman(root: string, members: PersonUpdated[], confidence: number): Human {
  const sorted = [...members].sort((a, b) => a.key.localeCompare(b.key));
  return {
    id: root,
    name: displayName(sorted),
    keys: sorted.map((member) => member.key),
    names: dedupe(sorted.flatMap((member) => member.names), normalizeName),
    handles: dedupe(sorted.flatMap((member) => member.handles), normalizeName),
    emails: dedupe(sorted.flatMap((member) => member.emails), normalizeEmail),
    isBot: sorted.every((member) => member.isBot),
    confidence,
  };
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
