import { boundedMemo } from './bounded-memo.js';
import type { AnnotatePerson } from './annotate-types.js';

const STOP_NAMES = new Set([
  'all',
  'here',
  'channel',
  'everyone',
  'team',
  'folks',
  'guys',
  'ok',
  'yes',
  'no',
  'thanks',
  'hey',
  'hi',
  'sure',
  'will',
  'mark',
  'may',
  'june',
  'bill',
]);

/**
 * First names that are also everyday words: written in lower case they are the word ("max 5
 * retries", "grace period", "mark it done"), so only a capital, an @ or a name slot makes them a person.
 */
const EVERYDAY_WORDS = new Set(
  `will mark may june bill max ray pat rob grace hope joy rose jack frank art drew chase miles summer
  dawn penny sandy dean guy gene april august amber ruby holly lily iris ivy sky page lane wade reed
  cliff glen dale brook sue don nick kit ace jean carol eve sunny star faith autumn angel hunter
  harper mason rich noel king earl major van bob buck chuck chip dash duke gil hank ivan jay jo lou
  mac mo ned pete rex rod roy ted tim val win bud cole rusty sterling crystal pearl jade heather
  violet olive basil sage bay river rain storm aurora`.split(/\s+/),
);

/**
 * Resolves how people are written in chat ("@Priya Nair", "Priya", "pj_dev", "@lena") to person
 * keys. When one human has keys in several sources, the key in the conversation's own source wins.
 */
/** A name with no comma, then words that speak to them: "Marco can you …", "dana any objection …", "lena pls …". */
const SPOKEN_TO =
  /^(?:(?:hey|hi|ok|so|and|also)\s+)?@?([\p{L}][\p{L}_.-]+)\s+(?=(?:(?:can|cna|could|would|will|do|did|are|have|were|should)\s+(?:you|u|ya|we)|you|u|please|pls|plz|any|anything|quick q|when|what|where|how|why|which|r u|fyi|mind|if you|i need|i'd need|we need)\b)/iu;
/**
 * A name, then a verb of work in the imperative: "sam write the ADR by fri", "approved 👍 sam pls
 * loop in HR", "Marco order 4 units". The verbs are a closed list, so "Sam sent it" or "marco's
 * been on it" are not read as asks.
 */
const WORK_VERB = String.raw`(?:(?:pls|please|plz)\s+)?(?:upload|re-?test|investigate|verify|export|renew|go through|tag|triage|answer|close|write|order|tell|send|call|email|book|update|fix|check|review|loop in|ping|draft|set up|prep|prepare|post|add|schedule|confirm|follow up|grab|handle|look at|look into|ask|let|make|get|put|print|pick up|share|sort|reach out|cancel|raise|test|deploy|merge|ship|bring|chase|pull|reply to|re-?file|submit|sign|pay|notify|inform|contact|escalate|document|finish|kick off|start|organi[sz]e|arrange|clean up|restart|rerun|roll back|revert|install|configure|migrate|create|remove|warn|brief|invite|collect|drop off|swap|label)\b(?![.\-/@])`;
const NAMED_IMPERATIVE = new RegExp(
  String.raw`^(?:(?:ok|okay|so|and|also|then|approved|agreed|great|perfect|thx|thanks|yes|yep|cool|fine|right|good)[,.!]?\s+)?(?:\p{Extended_Pictographic}\uFE0F?\s*)*@?([\p{L}][\p{L}_.-]+)(?:\s*(?:[:—–]|-|→|->|=>))?\s+(?=${WORK_VERB})`,
  'iu',
);
/** What follows a joint vocative opens with a verb of work: "sam, marco: grab the build". */
const OPENS_WITH_WORK = new RegExp(`^${WORK_VERB}`, 'iu');
/** A heading that puts what follows to someone: "quick one for Dana: …", "q for @lena - …". */
const PUT_TO =
  /^(?:(?:a|one)\s+)?(?:(?:quick|small|tiny)\s+)?(?:(?:one|q|qq|question|ask|request|note|thing)\s+)?for\s+@?([\p{L}][\p{L}_.-]+)\s*[:—–-]\s/iu;

/** Names joined by ",", "&", "+" or "and", then ":", "," or a dash: "Sam, Lena: …", "Priya and Marco - …". */
const JOINT_VOCATIVE =
  /^(?:(?:hey|hi|ok|so)\s+)?(@?[\p{L}][\p{L}_.-]+(?:\s*(?:,|&|\+|\band\b)\s*@?[\p{L}][\p{L}_.-]+){1,2})\s*(?:[,:—–-]|→|->)\s/iu;

/** The first name chat may write in lower case ("lena" for "Lena Vogel"); none when it is an everyday word ("mark"). */
export function casualFirstName(name: string): string | undefined {
  const first = /^(\p{Lu}\p{Ll}{2,})(?:\s|$)/u.exec(name.trim())?.[1].toLowerCase();
  return first && !STOP_NAMES.has(first) && !EVERYDAY_WORDS.has(first) ? first : undefined;
}

export class PeopleResolver {
  private readonly keysNamed: (form: string) => readonly string[] | undefined;
  private readonly names = new Map<string, string>();
  private readonly nameWords = new Set<string>();
  /** First names of people whose display name is capitalised ("Lena Vogel"): chat writes them lower-case too ("ask lena"). */
  private readonly casualNames = new Set<string>();
  /** Kept by sentence (shared, read-only): the extractors ask about one message's text several times. */
  private readonly named = boundedMemo(
    (sentence: string): readonly NamedPerson[] => this.scanNames(sentence),
    NAMED_KEPT,
  );

  /**
   * `kept`: the `resolverNameIndex` of the people, built earlier and kept (a cold `ask` over
   * thousands of people). `people` may then be empty: `resolve` and `namedIn` read `kept` alone.
   */
  constructor(
    people: readonly AnnotatePerson[],
    private readonly preferPrefix = '',
    kept?: (form: string) => readonly string[] | undefined,
  ) {
    const index = kept ? undefined : new Map<string, string[]>();
    for (const person of people) {
      this.names.set(person.key, person.name);
      const { forms, words } = personForms(person);
      for (const word of words) this.nameWords.add(word);
      const first = casualFirstName(person.name);
      if (first) this.casualNames.add(first);
      if (index) for (const form of forms) addKey(index, form, person.key);
    }
    this.keysNamed = kept ?? ((form) => index?.get(form));
  }

  nameOf(key: string): string {
    return this.names.get(key) ?? key;
  }

  /** Whether two person keys are one human: the same key, or keys in two sources under the human's one name. */
  samePerson(a: string, b: string): boolean {
    if (a === b) return true;
    const name = this.names.get(a);
    return name !== undefined && name === this.names.get(b);
  }

  /** Whether a lower-case word is someone's first name as chat writes it ("lena"), not an everyday word. */
  isCasualName(word: string): boolean {
    return this.casualNames.has(word);
  }

  /** Whether a word is part of anyone's name ("whitfield"). */
  isNameWord(word: string): boolean {
    return this.nameWords.has(normalize(word));
  }

  /** The person a name refers to; undefined when unknown or ambiguous across different humans. */
  resolve(name: string): string | undefined {
    const keys = this.keysNamed(normalize(name));
    if (!keys || keys.length === 0) return undefined;
    if (keys.length === 1) return keys[0];
    const preferred = keys.filter((key) => key.startsWith(this.preferPrefix));
    return preferred.length === 1 ? preferred[0] : (preferred[0] ?? keys[0]);
  }

  /** Every person written with @ in the text (`@Dana Whitfield`, `@lena`), in order. */
  atMentions(text: string): string[] {
    const out: string[] = [];
    for (const match of text.matchAll(
      /@([\p{L}][\p{L}\d_.-]*(?:, [\p{Lu}][\p{L}'-]+| [\p{Lu}][\p{L}'-]+)?)/gu,
    )) {
      const full = this.resolve(match[1]) ?? this.resolve(match[1].replace(/^([^,]+), (.+)$/, '$2 $1'));
      const first = full ?? this.resolve(match[1].split(' ')[0]);
      if (first && !out.includes(first)) out.push(first);
    }
    return out;
  }

  /** A leading vocative: "Marco, can you …", "Tom, send …", "Dana — could you". */
  leadingName(sentence: string): string | undefined {
    const trimmed = sentence.trim();
    const match =
      /^(?:(?:hey|hi|ok|so|and|also|thanks|thank you|thx|ty|cheers)\s+)?@?([\p{L}][\p{L}_.-]+)\s*[,:—–-]\s/iu.exec(
        trimmed,
      ) ??
      SPOKEN_TO.exec(trimmed) ??
      PUT_TO.exec(trimmed) ??
      NAMED_IMPERATIVE.exec(trimmed);
    const found = match ? this.resolve(match[1]) : undefined;
    if (found) return found;
    // "Marco Rossi, please get the quotes …": a full name set off the same way.
    const full = /^@?(\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+)\s*[,:—–-]\s/u.exec(trimmed);
    return full ? this.resolve(full[1]) : undefined;
  }

  /** The person a unit tells to do something by name: "sam write the ADR by fri" → Sam. */
  imperativeTo(sentence: string): string | undefined {
    const trimmed = sentence.trim();
    const name = NAMED_IMPERATIVE.exec(trimmed)?.[1];
    if (name && !STOP_NAMES.has(name.toLowerCase())) return this.resolve(name);
    // "sam, marco: grab the build from testflight": two or three people told the same thing.
    const joint = JOINT_VOCATIVE.exec(trimmed);
    return joint && OPENS_WITH_WORK.test(trimmed.slice(joint[0].length))
      ? this.leadingNames(trimmed)[0]
      : undefined;
  }

  /**
   * Two or three people spoken to together before the request: "Sam, Lena: please …", "Priya and
   * Marco - can you …", "@sam & @lena, …". Every name must be a person; "or" and "/" pick one of
   * them, so they are no joint address.
   */
  leadingNames(sentence: string): string[] {
    const match = JOINT_VOCATIVE.exec(sentence.trim());
    if (!match) return [];
    const keys = match[1]
      .split(/\s*(?:,|&|\+|\band\b)\s*/i)
      .map((name) => this.resolve(name.replace(/^@/, '')));
    return keys.every((key): key is string => key !== undefined) && new Set(keys).size > 1 ? keys : [];
  }

  /** A trailing vocative: "can you take a look, Owen?", "any update Marco?". */
  trailingName(sentence: string): string | undefined {
    const trimmed = sentence.trim();
    // "waiting on you for the pricing approval Dana": no comma, after a noun (not "… to you and Dana").
    // "wondering if we should delay the launch, Dana?": a name set off by a comma before the "?" is a call.
    const called = /,\s*@?(\p{Lu}[\p{L}_.-]+)\s*\?+\s*$/u.exec(trimmed);
    if (called) return this.resolve(called[1]);
    // "who's the carrier contact, lena?": a first name as chat writes it.
    const casual = /,\s*(\p{Ll}+)\s*\?+\s*$/u.exec(trimmed)?.[1];
    if (casual && this.casualNames.has(casual)) return this.resolve(casual);
    const match =
      /,\s*@?(\p{Lu}[\p{L}_.-]+)\s*[?!.]*\s*$/u.exec(trimmed) ??
      /(?<!\b(?:and|or|with|to|from|for|by|of|at|cc|than|like|thanks|thank|hi|hey|via|about|on|is|was|ask|tell|ping)) @?(\p{Lu}[\p{L}_.-]+)\s*[?!.]*\s*$/iu.exec(
        trimmed,
      );
    // "… Owen" addresses Owen when the sentence speaks to someone ("can you", "any update"), not "is it still Priya?".
    if (!match || !/\b(you|your)\b|^any\b/i.test(trimmed.slice(0, match.index))) return undefined;
    return this.resolve(match[1]);
  }

  /** A person named anywhere in the sentence by a known name, in order of appearance. */
  namedIn(sentence: string): readonly NamedPerson[] {
    return this.named(sentence);
  }

  private holdsCasualName(sentence: string): boolean {
    if (this.casualNames.size === 0) return false;
    for (const word of sentence.match(/\p{Ll}{3,}/gu) ?? []) if (this.casualNames.has(word)) return true;
    return false;
  }

  private scanNames(sentence: string): NamedPerson[] {
    const out: NamedPerson[] = [];
    // A word counts only when it starts upper-case, follows an @ or holds a digit or underscore:
    // most chat sentences hold none of these, and scanning their every word was most of the cost.
    if (!MAY_NAME.test(sentence) && !this.holdsCasualName(sentence)) return out;
    for (const match of sentence.matchAll(/@?([\p{L}][\p{L}\d_.-]*)(?:'s)?/gu)) {
      const word = match[1];
      if (word.length < 3) continue;
      // Lower-case words are names only when written as handles (@lena) or known handles with a digit/underscore.
      if (
        !startsUpper(word) &&
        !match[0].startsWith('@') &&
        !/[_\d]/.test(word) &&
        !this.casualNames.has(word)
      )
        continue;
      if (STOP_NAMES.has(word.toLowerCase())) continue;
      const key = this.resolve(word);
      if (key && !out.some((hit) => hit.key === key && hit.index === match.index))
        out.push({ key, index: match.index ?? 0, text: word });
    }
    return out;
  }
}

/** The people by each normalized form of their names (full names, aliases, first names), in order. */
export function resolverNameIndex(people: readonly AnnotatePerson[]): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const person of people) for (const form of personForms(person).forms) addKey(byName, form, person.key);
  return byName;
}

function addKey(byName: Map<string, string[]>, form: string, key: string): void {
  const list = byName.get(form);
  if (list) list.push(key);
  else byName.set(form, [key]);
}

/** The forms a person is found by, and the words (3 letters or more) of their names. */
function personForms(person: AnnotatePerson): { forms: Set<string>; words: string[] } {
  const forms = new Set<string>();
  const words: string[] = [];
  const names = [person.name, ...(person.aliases ?? [])];
  // "Hughes, Tom" (Teams) is also "Tom Hughes".
  for (const name of [...names]) {
    const flipped = /^([^,]+),\s*(.+)$/.exec(name);
    if (flipped) names.push(`${flipped[2]} ${flipped[1]}`);
  }
  for (const name of names) {
    const clean = normalize(name);
    if (!clean) continue;
    for (const word of clean.split(' ')) if (word.length >= 3) words.push(word);
    forms.add(clean);
    const first = clean.split(' ')[0];
    if (first && first.length >= 3 && !STOP_NAMES.has(first)) forms.add(first);
  }
  return { forms, words };
}

/** A name found in a sentence: the person, where the word starts, the word. */
export interface NamedPerson {
  key: string;
  index: number;
  text: string;
}

/** Sentences whose names a resolver keeps (then it forgets them all). */
const NAMED_KEPT = 20_000;

/** What a sentence holds when `namedIn` may find a name in it (without it, none of its words qualifies). */
const MAY_NAME = /[\p{Lu}@\d_]/u;

/** `/^\p{Lu}/u.test(word)`, without the regex for an ASCII first letter (most words). */
function startsUpper(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return /^\p{Lu}/u.test(word);
}

/** Normalized names by written form: the same words are looked up for every sentence and conversation. */
export const normalize = boundedMemo(normalizeUncached, 100_000);

function normalizeUncached(name: string): string {
  return name
    .toLowerCase()
    .replace(/^@/, '')
    .replace(/[^\p{L}\d_ .-]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}
