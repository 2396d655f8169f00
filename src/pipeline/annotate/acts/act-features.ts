import type { ActContext, ActUnit } from './act.js';
import { actTokens } from './act-tokens.js';
import { bucket, hashCode, hashString, namespace } from './feature-hash.js';
import { opensWithVerb } from './verb-like.js';

/** Changes whenever a feature is added, removed or hashed differently: a model names the set it was trained on. */
export const FEATURE_SET = 'acts-f2';

/** Hashed feature indices of one unit and their values; reused between units to spare allocations. */
export class FeatureBuffer {
  indices = new Int32Array(256);
  values = new Float32Array(256);
  length = 0;

  push(index: number, value = 1): void {
    if (this.length === this.indices.length) {
      const indices = new Int32Array(this.indices.length * 2);
      indices.set(this.indices);
      this.indices = indices;
      const values = new Float32Array(this.values.length * 2);
      values.set(this.values);
      this.values = values;
    }
    this.indices[this.length] = index;
    this.values[this.length++] = value;
  }

  /** A copy, for training sets. */
  copy(): { indices: Int32Array; values: Float32Array } {
    return { indices: this.indices.slice(0, this.length), values: this.values.slice(0, this.length) };
  }
}

const UNI = namespace('u');
const BI = namespace('b');
const CHAR = namespace('c');
const FLAG = namespace('f');
const FIRST = namespace('fw');
const FIRST_TWO = namespace('f2');
const REPLY_TO = namespace('rto');
const PREVIOUS = namespace('prev');
const CLAUSE = namespace('cl');
const CLAUSE_TWO = namespace('cl2');
const SENTENCE_START = hashString(BI, '<s>');

const YOU = ['you', 'your', 'yours', "you're", "you'll", "you've", 'ya', "y'all", 'yall'];
const SELF = ['i', "i'm", "i'll", "i've", "i'd", 'me', 'my', 'mine', 'myself'];
const WE = ['we', "we're", "we'll", "we've", 'us', 'our', 'ours', "let's"];
/** What a token tells the flags, as bits: one look-up a token instead of one a flag. */
const HAS_YOU = 1,
  HAS_SELF = 2,
  HAS_WE = 4,
  HAS_MENTION = 8,
  HAS_URL = 16;
const TOKEN_KINDS = new Map<string, number>([
  ...YOU.map((word) => [word, HAS_YOU] as const),
  ...SELF.map((word) => [word, HAS_SELF] as const),
  ...WE.map((word) => [word, HAS_WE] as const),
  ['<mention>', HAS_MENTION],
  ['<url>', HAS_URL],
]);
const GREETING = new Set(['hey', 'hi', 'hello', 'yo', 'morning', 'ok', 'okay', 'so']);
const CHECK = /✅|✔|☑|:white_check_mark:|:heavy_check_mark:|:ballot_box_with_check:|:check:/;
const THUMBS = /👍|:\+1:|:thumbsup:|:thumbs_up:/;
const EMOJI_ONLY = /^(?:\s|\p{Extended_Pictographic}|\p{EMod}|\uFE0F|\u200D|:[a-z0-9_+-]+:)+$/u;
const END_QUESTION = /\?[\s!?)"'”’.\p{Extended_Pictographic}\uFE0F]*$/u;
const END_EXCLAIM = /![\s!)"'”’.\p{Extended_Pictographic}\uFE0F]*$/u;
const FLAG_NAMES = [
  'bias',
  'mention',
  'leadingName',
  'you',
  'self',
  'we',
  'imperative',
  'endsQuestion',
  'hasQuestion',
  'endsExclaim',
  'emojiOnly',
  'check',
  'thumbs',
  'listItem',
  'list0',
  'list1',
  'list2+',
  'quoted',
  'reply',
  'dm',
  'first',
  'last',
  'middle',
  'len1',
  'len2',
  'len3-4',
  'code',
  'link',
] as const;
type FlagName = (typeof FLAG_NAMES)[number];
const FLAG_AT = Object.fromEntries(FLAG_NAMES.map((name, k) => [name, k])) as Record<FlagName, number>;

/** The flags' buckets in `2^bits` (FLAG_NAMES order), for the last mask asked for: every unit of a model asks the same. */
const flagBuckets = { mask: -1, buckets: new Int32Array(FLAG_NAMES.length) };
function flagBucketsOf(mask: number): Int32Array {
  if (flagBuckets.mask !== mask) {
    FLAG_NAMES.forEach((name, k) => (flagBuckets.buckets[k] = bucket(hashString(FLAG, name), mask)));
    flagBuckets.mask = mask;
  }
  return flagBuckets.buckets;
}

/**
 * Short units get a length flag ("ok", "on it", "ship it"): their few words carry the act. Longer
 * ones get none: in the training data long sentences are mostly e-mail statements, and a length
 * flag would teach that anything long is `other`.
 */
function lengthFlag(words: number): FlagName | null {
  if (words <= 1) return 'len1';
  if (words === 2) return 'len2';
  if (words <= 4) return 'len3-4';
  return null;
}

const LETTER = /^\p{L}/u;

/** Words that join two clauses: the word after them opens one ("ok from us, but legal needs…"). */
const JOINS = new Set(['but', 'so', 'and', 'then', 'though', 'although', 'because']);

/**
 * The words of a unit weigh `(2n + 1)^-WORD_POWER` each for n tokens. At 0.5 every unit's word block
 * would have the same length, and a long unit's few telling words ("please", "I'll") would count for
 * less the more status it carries; at 0.35 the block grows slowly with length (chosen on
 * cross-validation of the written chat units and the workspace check).
 */
const WORD_POWER = 0.35;

/** Tokens are lower-cased: a–z, or a non-ASCII letter. */
function isWord(token: string): boolean {
  const code = token.charCodeAt(0);
  return (code >= 97 && code <= 122) || (code > 127 && LETTER.test(token));
}

/**
 * The features of one unit in its context, hashed into `2^bits` buckets: word unigrams and bigrams
 * (with sentence-start and -end marks), character 3- and 4-grams within words, the first word, the first
 * word and pair of each later clause, flags (addressing, pronouns, imperative opening, "?" / "!",
 * emoji, list, quote, reply, DM, position in a message of several units, shortness) and the context
 * acts alone and with the first word.
 */
export function actFeatures(
  unit: ActUnit,
  context: ActContext,
  bits: number,
  out: FeatureBuffer = new FeatureBuffer(),
): FeatureBuffer {
  const mask = (1 << bits) - 1;
  out.length = 0;
  const flags = flagBucketsOf(mask);
  const clauses: number[] = [];
  const tokens = actTokens(unit.text, unit.leadingName, clauses);

  // Character n-grams weigh the same in a long unit as in a short one (the block has unit length), so
  // a long sentence's many n-grams do not drown its few telling words; words see WORD_POWER.
  const wordValue = 1 / (2 * tokens.length + 1) ** WORD_POWER;
  let grams = 0;
  let kinds = 0;
  for (const token of tokens) {
    if (isWord(token)) grams += gramCount(token.length);
    kinds |= TOKEN_KINDS.get(token) ?? 0;
  }
  const charValue = grams > 0 ? 1 / Math.sqrt(grams) : 0;
  let previous = SENTENCE_START;
  for (const token of tokens) {
    // The unigram, the bigram with the token before and the bigram seed for the next, in one pass.
    let unigram = UNI;
    let bigram = hashCode(previous, 31);
    let next = BI;
    for (let k = 0; k < token.length; k++) {
      const code = token.charCodeAt(k);
      unigram = hashCode(unigram, code);
      bigram = hashCode(bigram, code);
      next = hashCode(next, code);
    }
    out.push(bucket(unigram, mask), wordValue);
    out.push(bucket(bigram, mask), wordValue);
    previous = next;
    if (isWord(token)) charGrams(token, mask, charValue, out);
  }
  out.push(bucket(hashString(hashCode(previous, 31), '</s>'), mask), wordValue);

  let start = 0;
  while (
    start < tokens.length &&
    (tokens[start] === '<mention>' ||
      GREETING.has(tokens[start]) ||
      tokens[start] === '<name>' ||
      tokens[start] === '<cap>')
  )
    start++;
  // The opening words carry most acts ("decided:", "can you", "I'll", "who owns"); as features of
  // their own they keep their weight however long the rest of the unit runs.
  const firstWord = tokens[start] ?? '<none>';
  out.push(bucket(hashString(FIRST, firstWord), mask));
  out.push(
    bucket(hashString(hashCode(hashString(FIRST_TWO, firstWord), 31), tokens[start + 1] ?? '</s>'), mask),
  );
  clauseFeatures(tokens, clauses, start, mask, out);

  // Pushed in the order the model was trained with: the order of the float sums is part of the result.
  out.push(flags[FLAG_AT.bias]);
  if ((unit.mentions?.length ?? 0) > 0 || kinds & HAS_MENTION) out.push(flags[FLAG_AT.mention]);
  if (unit.leadingName) out.push(flags[FLAG_AT.leadingName]);
  if (kinds & HAS_YOU) out.push(flags[FLAG_AT.you]);
  if (kinds & HAS_SELF) out.push(flags[FLAG_AT.self]);
  if (kinds & HAS_WE) out.push(flags[FLAG_AT.we]);
  if (opensWithVerb(tokens, start)) out.push(flags[FLAG_AT.imperative]);
  const text = unit.text.trimEnd();
  const hasQuestion = text.includes('?');
  if (hasQuestion && END_QUESTION.test(text)) out.push(flags[FLAG_AT.endsQuestion]);
  if (hasQuestion) out.push(flags[FLAG_AT.hasQuestion]);
  if (text.includes('!') && END_EXCLAIM.test(text)) out.push(flags[FLAG_AT.endsExclaim]);
  if (text.length > 0 && EMOJI_ONLY.test(text)) out.push(flags[FLAG_AT.emojiOnly]);
  if (CHECK.test(text)) out.push(flags[FLAG_AT.check]);
  if (THUMBS.test(text)) out.push(flags[FLAG_AT.thumbs]);
  if (text.includes('`')) out.push(flags[FLAG_AT.code]);
  if (kinds & HAS_URL) out.push(flags[FLAG_AT.link]);
  if (unit.listIndex !== undefined) {
    out.push(flags[FLAG_AT.listItem]);
    out.push(flags[FLAG_AT[unit.listIndex === 0 ? 'list0' : unit.listIndex === 1 ? 'list1' : 'list2+']]);
  }
  if (unit.quoted) out.push(flags[FLAG_AT.quoted]);
  if (context.reply) out.push(flags[FLAG_AT.reply]);
  if (context.dm) out.push(flags[FLAG_AT.dm]);
  // A unit alone in its message has no position flag: most training units are alone, most real ones are not.
  const count = context.unitCount ?? 1;
  const index = unit.index ?? 0;
  if (count > 1) out.push(flags[FLAG_AT[index === 0 ? 'first' : index >= count - 1 ? 'last' : 'middle']]);
  const length = lengthFlag(tokens.length);
  if (length) out.push(flags[FLAG_AT[length]]);

  const replyTo = hashString(REPLY_TO, context.replyToAct ?? (context.reply ? 'unknown' : 'none'));
  out.push(bucket(replyTo, mask));
  out.push(bucket(hashString(hashCode(replyTo, 31), firstWord), mask));
  // Shortness with the act replied to ("ok" after a proposal). Long units get no such feature: with
  // the e-mail sentences (long, mostly `other`, never replies) it taught that long means `other`.
  if (length) out.push(bucket(hashString(hashCode(replyTo, 30), length), mask));
  const prior = hashString(PREVIOUS, context.previousAct ?? 'none');
  out.push(bucket(prior, mask));
  out.push(bucket(hashString(hashCode(prior, 31), firstWord), mask));
  return out;
}

/**
 * The first word and pair of each clause after the unit's opening (after punctuation or a joining
 * word, greetings and names skipped): a unit that mixes a status with an act often carries the act
 * in a later clause ("fine by me, I'll update the quotes", "CSAT dipped to 4.1, can someone…").
 * Together they weigh as one opening, however many clauses there are.
 */
function clauseFeatures(
  tokens: readonly string[],
  clauses: number[],
  start: number,
  mask: number,
  out: FeatureBuffer,
): void {
  for (let k = start + 1; k < tokens.length - 1; k++)
    if (JOINS.has(tokens[k]) && !clauses.includes(k + 1)) clauses.push(k + 1);
  let count = 0;
  for (const k of clauses) if (k > start && k < tokens.length) count++;
  if (count === 0) return;
  const value = 1 / Math.sqrt(count);
  for (const k of clauses) {
    if (k <= start || k >= tokens.length) continue;
    let at = k;
    while (
      at < tokens.length - 1 &&
      (GREETING.has(tokens[at]) ||
        tokens[at] === '<mention>' ||
        tokens[at] === '<cap>' ||
        tokens[at] === '<name>' ||
        JOINS.has(tokens[at]))
    )
      at++;
    const word = tokens[at];
    out.push(bucket(hashString(CLAUSE, word), mask), value);
    out.push(
      bucket(hashString(hashCode(hashString(CLAUSE_TWO, word), 31), tokens[at + 1] ?? '</s>'), mask),
      value,
    );
  }
}

/** How many 3- and 4-grams `^word$` has (5-grams cost a sixth of the features and did not help on cross-validation). */
function gramCount(length: number): number {
  const padded = length + 2;
  return Math.max(0, padded - 2) + Math.max(0, padded - 3);
}

/** Character 3- and 4-grams of `^word$`. */
function charGrams(word: string, mask: number, value: number, out: FeatureBuffer): void {
  const last = word.length + 1;
  for (let from = 0; from + 2 <= last; from++) {
    let hash = CHAR;
    const stop = Math.min(from + 3, last);
    for (let k = from; k <= stop; k++) {
      hash = Math.imul(hash ^ (k === 0 ? 94 : k === last ? 36 : word.charCodeAt(k - 1)), 0x01000193);
      if (k - from >= 2) out.push(bucket(hash, mask), value);
    }
  }
}
