/**
 * Word tokens of a unit for the act features: lower-cased, with @-mentions as `<mention>`, links as
 * `<url>`, and numbers by kind: `<money>` ($40, €1.2k, 40 usd), `<pct>`, `<time>` (16:00, 3pm),
 * `<ticket>` (OPS-2291, #3310), `<version>` (v4.2.1), else `<num>`. Names are kept as words except
 * where the text shows them to be names: the unit's leading name becomes `<name>`, and a capitalised
 * word after the first (not an acronym, "I", a day or a month) becomes `<cap>`. An unseen name's
 * letters would otherwise vote like the words that share them ("Marco" like "march"). Slack emoji
 * codes and emoji are tokens of their own, the common codes as their emoji (`:white_check_mark:` as
 * ✅, `:+1:` as 👍); so are "?" and "!".
 */

const TOKEN =
  /<@[A-Z0-9]+(?:\|[^>]*)?>|<(?:long|url)>|https?:\/\/\S+|www\.\S+|(?<![\p{L}\p{N}_])@[\p{L}\p{N}_][\p{L}\p{N}_.'-]*|:[a-z0-9_+-]+:|[vV]\p{N}+(?:\.\p{N}+)*(?![\p{L}\p{N}])|\p{L}[\p{L}\p{M}\p{N}'’_-]*|[$€£¥]\s?\p{N}(?:[\p{N}.,]*\p{N})?[kKmM]?|#\p{N}+|\p{N}(?:[\p{N}.,:/%-]*[\p{N}%])?\p{L}*|\p{Extended_Pictographic}(?:\uFE0F|\p{EMod}|\u200D\p{Extended_Pictographic})*|[?!]/gu;

/** Slack codes of the emoji that carry an act, as the emoji (the model sees one token for both spellings). */
const EMOJI_CODES = new Map(
  Object.entries({
    ':white_check_mark:': '✅',
    ':heavy_check_mark:': '✅',
    ':ballot_box_with_check:': '✅',
    ':check:': '✅',
    ':done:': '✅',
    '✔': '✅',
    '☑': '✅',
    ':+1:': '👍',
    ':thumbsup:': '👍',
    ':thumbs_up:': '👍',
    ':-1:': '👎',
    ':thumbsdown:': '👎',
    ':rocket:': '🚀',
    ':tada:': '🎉',
    ':pray:': '🙏',
    ':eyes:': '👀',
    ':joy:': '😂',
    ':ship:': '🚢',
    ':raised_hands:': '🙌',
    ':raising_hand:': '🙋',
    ':ok_hand:': '👌',
    ':x:': '❌',
    ':no_entry_sign:': '🚫',
    ':warning:': '⚠️',
  }),
);

/** A number's kind, from how it is written: a ticket or PR id, a version, money, a percentage, a time of day. */
function numberToken(raw: string): string {
  const first = raw.charCodeAt(0);
  if (first === 35) return '<ticket>';
  if (first === 36 || first === 8364 || first === 163 || first === 165) return '<money>';
  if (raw.endsWith('%')) return '<pct>';
  if (/^\d{1,2}(?::\d{2})?(?:am|pm)$/i.test(raw) || /^\d{1,2}:\d{2}$/.test(raw)) return '<time>';
  if (/^\d[\d.,]*(?:k|m|usd|eur|gbp|chf)$/i.test(raw)) return '<money>';
  return '<num>';
}

/** "OPS-2291", "INC-5521", "CS-1187": a ticket id. */
const TICKET = /^[A-Z]{2,}[-_]\d+$/;

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

/** The emoji codes and the chat spellings in one map (their keys never overlap: codes are no words). */
const WORD_SPELLINGS = new Map([...EMOJI_CODES, ...SAME]);

/** `'`, `_` and `-`: trimmed from the end of a word. */
const TRAILING_MARKS = new Set([39, 95, 45]);

const CALENDAR = new Set(
  'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);

/** Capitalised like a name: an upper-case letter, a lower-case one, then lower-case letters, apostrophes or hyphens ("I'll" is no name). */
const NAME_LIKE = /^\p{Lu}\p{Ll}[\p{Ll}'’-]*$/u;

/** Punctuation between two tokens that opens a new clause: "fine by me, I'll …", "done — …", "(…", " - ". */
function opensClause(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    if (
      code === 44 ||
      code === 59 ||
      code === 58 ||
      code === 46 ||
      code === 40 ||
      code === 0x2014 ||
      code === 0x2013
    )
      return true;
    if (
      code === 45 &&
      at > from &&
      at + 1 < to &&
      text.charCodeAt(at - 1) === 32 &&
      text.charCodeAt(at + 1) === 32
    )
      return true;
  }
  return false;
}

/**
 * The tokens of `text`. When `clauses` is given it receives the index of each token after the first
 * that opens a clause (it follows a comma, semicolon, colon, full stop, dash or bracket).
 */
export function actTokens(text: string, leadingName?: string, clauses?: number[]): string[] {
  const tokens: string[] = [];
  let end = 0;
  // One global regex stepped with exec: matchAll clones the regex and builds an iterator per call.
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
    const raw = match[0];
    const first = raw.charCodeAt(0);
    if (clauses && tokens.length > 0 && opensClause(text, end, match.index)) clauses.push(tokens.length);
    end = match.index + raw.length;
    if (raw === leadingName) tokens.push('<name>');
    else if (first >= 65 && first <= 90 && raw.length > 3 && TICKET.test(raw)) tokens.push('<ticket>');
    else if (
      tokens.length > 0 &&
      ((first >= 65 && first <= 90) || first > 127) &&
      NAME_LIKE.test(raw) &&
      !CALENDAR.has(raw.toLowerCase())
    )
      tokens.push('<cap>');
    else if (first === 64 || raw.startsWith('<@')) tokens.push('<mention>');
    else if (raw === '<long>' || raw === '<url>') tokens.push(raw);
    else if (first === 104 && raw.startsWith('http')) tokens.push('<url>');
    else if (first === 119 && raw.startsWith('www.')) tokens.push('<url>');
    else if (
      (first >= 48 && first <= 57) ||
      first === 35 ||
      first === 36 ||
      first === 8364 ||
      first === 163 ||
      first === 165
    )
      tokens.push(numberToken(raw));
    else if (
      (first === 118 || first === 86) &&
      raw.length > 1 &&
      raw.charCodeAt(1) >= 48 &&
      raw.charCodeAt(1) <= 57
    )
      tokens.push('<version>');
    else {
      let word = raw.toLowerCase();
      if (word.includes('’')) word = word.replace(/’/g, "'");
      if (TRAILING_MARKS.has(word.charCodeAt(word.length - 1))) word = word.replace(/['_-]+$/, '');
      if (first > 0x2000) word = word.replace(/\uFE0F|\p{EMod}/gu, '');
      tokens.push(WORD_SPELLINGS.get(word) ?? word);
    }
  }
  return tokens;
}
