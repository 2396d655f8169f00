import type { AnnotateContext, ReadMessage } from '../annotate-context.js';

/**
 * A unit's text with every person written in it replaced by a slot marker `⟦k⟧` (`⟦k⟧'s` for a
 * possessive: "Leila's", "my", "mine", "your"), and `persons[k]` the person key it stands for. The
 * ownership frames (ownership-frames.ts) read the marked text, so a frame never has to know how a
 * person was written: a name, an @handle, "I"/"me"/"my"/"mine", "you"/"your", or "she"/"he".
 */
export interface MarkedText {
  text: string;
  persons: string[];
}

/** Matches one slot marker; group 1 is its index into `persons`. */
export const SLOT = /⟦(\d+)⟧/g;

const SELF = new Set(['i', 'me', 'myself']);
const SELF_POSSESSIVE = new Set(['my', 'mine']);
const YOU = new Set(['you', 'yourself']);
const YOU_POSSESSIVE = new Set(['your', 'yours']);
const THIRD = new Set(['she', 'he', 'him']);
const THIRD_POSSESSIVE = new Set(['his', 'hers']);
/** Lower-case words that are someone's first name only where a name is expected ("ask ravi", "→ zara"). */
const NAME_EXPECTED = /(?:\b(?:ask|ping|to|with|contact|dm|cc)|→|->|=>)\s*$/i;

/** Where pronouns point: the last person named before the unit (in this message or the one before). */
export interface PersonScope {
  /** The person "she"/"he" names when the unit itself named nobody before it. */
  antecedent?: string;
}

/**
 * Marks the persons of `text` (one unit of `read`). "I/me/my/mine" are the speaker; "you/your" the
 * message's first addressee (the other member of a DM); "she/he/his" the last third person named
 * before it in the unit, else `scope.antecedent`. Names resolve through the people index: capitalised
 * words, @handles, handle-like words (`pj_dev`), and lower-case first names where a name is expected.
 */
export function markPersons(
  context: AnnotateContext,
  read: ReadMessage,
  text: string,
  scope: PersonScope = {},
): MarkedText {
  const persons: string[] = [];
  const speaker = read.message.author;
  let lastThird = scope.antecedent;
  const slot = (key: string, possessive: boolean): string => {
    let index = persons.indexOf(key);
    if (index < 0) index = persons.push(key) - 1;
    if (key !== speaker) lastThird = key;
    return `⟦${index}⟧${possessive ? "'s" : ''}`;
  };
  const out: string[] = [];
  let at = 0;
  const word = /@?[\p{L}][\p{L}\d_-]*(?:\.[\p{L}\d_-]+)*(?:['’]s\b)?/gu;
  for (let match = word.exec(text); match; match = word.exec(text)) {
    const raw = match[0];
    const possessive = /['’]s$/.test(raw) && !/^(?:it|that|what|there|here|who|he|she|let)['’]s$/i.test(raw);
    const bare = possessive ? raw.slice(0, -2) : raw;
    const lower = bare.toLowerCase().replace(/[._-]+$/, '');
    let replacement: string | undefined;
    // "I" is a pronoun only as a word: not "i.e.", and lower-case "i" only on its own.
    if (SELF.has(lower) && (lower !== 'i' || !/^\.\p{L}/u.test(text.slice(match.index + 1)))) {
      replacement = slot(speaker, false);
    } else if (SELF_POSSESSIVE.has(lower)) replacement = slot(speaker, true);
    else if (YOU.has(lower) || YOU_POSSESSIVE.has(lower)) {
      const addressee = read.addressees[0];
      if (addressee) replacement = slot(addressee, YOU_POSSESSIVE.has(lower));
    } else if (THIRD.has(lower) || THIRD_POSSESSIVE.has(lower) || lower === 'her') {
      if (lastThird) {
        // "her account" is a possessive, "ask her" is not.
        const next = /^\s+([\p{L}]+)/u.exec(text.slice(match.index + raw.length))?.[1] ?? '';
        const owns =
          THIRD_POSSESSIVE.has(lower) ||
          (lower === 'her' && next !== '' && !/^(?:for|about|on|to|if|and|or|now|too)$/i.test(next));
        replacement = slot(lastThird, owns);
      }
    } else {
      const key = personNamed(context, bare, text.slice(0, match.index));
      if (key) replacement = slot(key, possessive);
    }
    if (replacement === undefined) continue;
    out.push(text.slice(at, match.index), replacement);
    at = match.index + raw.length;
    // "Sam Park": the surname goes with the person.
    const surname = /^ (\p{Lu}[\p{L}'-]+)/u.exec(text.slice(at));
    if (!possessive && surname && context.people.resolve(`${bare.replace(/^@/, '')} ${surname[1]}`)) {
      at += surname[0].length;
      word.lastIndex = at;
    }
    // "@Dana | Halden": the display name's organisation part goes with the person.
    const org = /^ \| [\p{L}][\p{L} ]*?(?=[,.;:!?]|$| \p{Ll})/u.exec(text.slice(at));
    if (raw.startsWith('@') && org) {
      at += org[0].length;
      word.lastIndex = at;
    }
  }
  out.push(text.slice(at));
  return { text: out.join(''), persons };
}

function personNamed(context: AnnotateContext, word: string, before: string): string | undefined {
  if (word.length < 2) return undefined;
  const clean = word.replace(/^@/, '').replace(/[._-]+$/, '');
  if (word.startsWith('@')) return context.people.atMentions(word)[0] ?? context.people.resolve(clean);
  const capital = /^\p{Lu}/u.test(clean);
  const handleLike = /[_\d]/.test(clean);
  if (!capital && !handleLike && !NAME_EXPECTED.test(before) && !context.people.isCasualName(clean))
    return undefined;
  if (clean.length < 3) return undefined;
  return context.people.resolve(clean);
}

/** The last third person (not the speaker) named in a message: what "she"/"he" in the next one may mean. */
export function lastNamedIn(context: AnnotateContext, read: ReadMessage): string | undefined {
  const text = read.text;
  const hits = [
    ...context.people.namedIn(text).map((hit) => ({ key: hit.key, at: hit.index })),
    ...context.people.atMentions(text).map((key) => ({ key, at: text.length })),
  ].filter((hit) => hit.key !== read.message.author);
  return hits.sort((a, b) => a.at - b.at).pop()?.key;
}
