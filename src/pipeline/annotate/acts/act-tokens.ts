/**
 * Word tokens of a unit for the act features: lower-cased, with numbers as `<num>`, @-mentions as
 * `<mention>` and links as `<url>`. Names are kept as words except where the text shows them to be
 * names: the unit's leading name becomes `<name>`, and a capitalised word after the first
 * (not an acronym, "I", a day or a month) becomes `<cap>`. An unseen name's letters would otherwise
 * vote like the words that share them ("Marco" like "march"). Slack emoji codes (`:+1:`), emoji and
 * "?" / "!" are tokens of their own.
 */

const TOKEN =
  /<@[A-Z0-9]+(?:\|[^>]*)?>|<(?:long|url)>|https?:\/\/\S+|www\.\S+|(?<![\p{L}\p{N}_])@[\p{L}\p{N}_][\p{L}\p{N}_.'-]*|:[a-z0-9_+-]+:|[\p{L}\p{M}][\p{L}\p{M}\p{N}'’_-]*|\p{N}[\p{N}.,:/%-]*\p{L}*|\p{Extended_Pictographic}|[?!]/gu;

/** Chat spellings of the same word. */
const SAME = new Map(
  Object.entries({
    ill: "i'll",
    im: "i'm",
    ive: "i've",
    dont: "don't",
    cant: "can't",
    wont: "won't",
    didnt: "didn't",
    doesnt: "doesn't",
    isnt: "isn't",
    lets: "let's",
    youre: "you're",
    thats: "that's",
    whats: "what's",
    theyre: "they're",
    u: 'you',
    ur: 'your',
    pls: 'please',
    plz: 'please',
    thx: 'thanks',
    ty: 'thanks',
  }),
);

const CALENDAR = new Set(
  'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);

/** Capitalised like a name: an upper-case letter, then at least one lower-case one, and no digit. */
const NAME_LIKE = /^\p{Lu}[\p{Ll}'’-]*\p{Ll}[\p{Ll}'’-]*$/u;

export function actTokens(text: string, leadingName?: string): string[] {
  const tokens: string[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    const first = raw.charCodeAt(0);
    if (raw === leadingName) tokens.push('<name>');
    else if (tokens.length > 0 && NAME_LIKE.test(raw) && !CALENDAR.has(raw.toLowerCase()))
      tokens.push('<cap>');
    else if (first === 64 || raw.startsWith('<@')) tokens.push('<mention>');
    else if (raw === '<long>' || raw === '<url>') tokens.push(raw);
    else if (first === 104 && raw.startsWith('http')) tokens.push('<url>');
    else if (first === 119 && raw.startsWith('www.')) tokens.push('<url>');
    else if (first >= 48 && first <= 57) tokens.push('<num>');
    else {
      const word = raw
        .toLowerCase()
        .replace(/’/g, "'")
        .replace(/['_-]+$/, '');
      tokens.push(SAME.get(word) ?? word);
    }
  }
  return tokens;
}
