import { normalizeEntityName } from './entity-names.js';
import { COMPONENT_HEADS } from './lexicon/entity-words.js';

const HEADS = new Set(COMPONENT_HEADS);

/** "terminals" → "terminal", "fares" → "fare"; short words and "-ss"/"-us"/"-is" endings stay. */
function singular(word: string): string {
  return word.length > 3 && /[^su]s$/.test(word) && !/is$/.test(word) ? word.slice(0, -1) : word;
}

function words(name: string): string[] {
  return normalizeEntityName(name).split(' ').filter(Boolean).map(singular);
}

/** Whether `longer` is `shorter` with only component words added ("fares API" is "fares"). */
function headsAdded(shorter: readonly string[], longer: readonly string[]): boolean {
  if (shorter.length === 0 || shorter.length >= longer.length) return false;
  const rest = [...longer];
  for (const word of shorter) {
    const at = rest.indexOf(word);
    if (at < 0) return false;
    rest.splice(at, 1);
  }
  return rest.every((word) => HEADS.has(word));
}

/** "search index" / "search indexer", "build schedule" / "build scheduler": the thing and what runs it. */
function agentForm(x: readonly string[], y: readonly string[]): boolean {
  if (x.length !== y.length || x.slice(0, -1).join(' ') !== y.slice(0, -1).join(' ')) return false;
  const [a, b] = [x[x.length - 1], y[y.length - 1]];
  return (
    a.length >= 4 && b.length >= 4 && ([`${a}er`, `${a}r`].includes(b) || [`${b}er`, `${b}r`].includes(a))
  );
}

/**
 * Whether two names of things ONE person is said to own name the same thing put another way: the
 * same words up to plurals ("terminal" / "terminals"), one with a component word added ("payroll" /
 * "payroll export"), or two compounds on the same component word ("payroll export" / "invoice export": a
 * person restating what they look after under a second name). Said of different owners, names are
 * never merged this way: two teams' APIs are two things.
 */
export function sameOwnedThing(a: string, b: string): boolean {
  const x = words(a);
  const y = words(b);
  if (x.length === 0 || y.length === 0) return false;
  if (x.join(' ') === y.join(' ')) return true;
  if (agentForm(x, y)) return true;
  if (headsAdded(x, y) || headsAdded(y, x)) return true;
  const head = x[x.length - 1];
  return x.length >= 2 && y.length >= 2 && head === y[y.length - 1] && HEADS.has(head);
}

/** What an earlier ownership fact says: who, of what, and from which message. */
export interface OwnedThing {
  subject: string;
  object: string;
  message?: string;
  /** When the holding ends, where the statement says ("my last day on X", a handover's earlier holder). */
  validTo?: string | null;
  /** Retracted by a correction: never what the owner holds. */
  retracted?: boolean;
}

/**
 * The thing an owner was already said to own that a new claim names again ("Leila owns the payroll
 * export" after "payroll → Leila"): its object, so both statements are one ownership with two messages.
 * `sameOwner` says whether two person keys are one human (their keys differ across sources). Two
 * things one message gives the same owner ("me for the invoices and anything financial") are one
 * responsibility too: the first thing named, unless one of them ends where the other does not ("from
 * Monday Kofi owns X; Priya moves to Y": what Priya held until Monday is not where he goes). A lone
 * catch-all ("Ines for anything technical") names a scope, not a thing: said of an owner who holds
 * exactly one thing, it is that thing said again.
 */
export function earlierOwnedThing(
  claim: {
    subject: string;
    object: string;
    message: string;
    validTo?: string | null;
    catchAll?: boolean;
    /** Named together with the other things ("X and the Y"): not a restatement of them. */
    listed?: boolean;
  },
  earlier: readonly OwnedThing[],
  formsOf: (id: string) => readonly string[],
  sameOwner: (a: string, b: string) => boolean,
): string | undefined {
  const forms = formsOf(claim.object);
  const held = new Set<string>();
  for (const thing of earlier) {
    if (thing.object === claim.object || !sameOwner(thing.subject, claim.subject)) continue;
    if (
      !claim.listed &&
      thing.message === claim.message &&
      (thing.validTo ?? null) === (claim.validTo ?? null)
    )
      return thing.object;
    const theirs = formsOf(thing.object);
    if (forms.some((form) => theirs.some((other) => sameOwnedThing(form, other)))) return thing.object;
    if (!thing.validTo && !thing.retracted) held.add(thing.object);
  }
  // "Ines for anything technical" of an owner who holds one thing: a scope, said of that thing.
  return claim.catchAll && held.size === 1 ? [...held][0] : undefined;
}

const LIST_END = /[.;!?\n]|\s[—–-]\s/;
const NOT_A_PART = /^(?:all|everything|all of it|the rest|etc|and more|anything else)$/i;

/**
 * The parts a statement lists right after naming a thing and a colon ("owns the sync engine: the
 * queue worker, the retry job, all of it"): other names the owner will use for that thing.
 */
export function listedParts(text: string, forms: readonly string[]): string[] {
  const lower = text.toLowerCase();
  for (const form of forms) {
    const name = form.trim().toLowerCase();
    if (name.length < 2) continue;
    const at = lower.indexOf(`${name}:`);
    if (at < 0) continue;
    const rest = text.slice(at + name.length + 1);
    const list = rest.split(LIST_END)[0];
    return list
      .split(/,|\s\+\s|\band\b|&/)
      .map((part) => part.trim().replace(/^(?:the|our|its|their)\s+/i, ''))
      .filter((part) => /\p{L}/u.test(part) && part.split(/\s+/).length <= 4 && !NOT_A_PART.test(part));
  }
  return [];
}
