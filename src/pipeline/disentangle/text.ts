/** Tokens and message shape (question, greeting, thanks…) for the disentangler's features. */

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}_'.\-/+#]*/gu;

const STOP = new Set(
  (
    'a an the and or but if then so of to in on at by for with from as is are was were be been being am do does did ' +
    'i me my you your he him his she her it its we us our they them their this that these those there here what which ' +
    'who whom when where why how not no yes ok okay just can could would should will shall may might must have has had ' +
    'get got all any some one also very really too than about into out up down over again more most such only own same ' +
    'im its dont cant wont didnt doesnt isnt thats whats ill ive youre u ur lol hi hey hello thanks thank thx ty please pls ' +
    'yeah yep nope well now like know think want need try see use make let go still way thing something anyone someone'
  ).split(' '),
);

const GREETING =
  /^(hi|hello|hey|heya|hiya|yo|howdy|morning|good (morning|afternoon|evening)|greetings|hallo|hola|sup|evening)\b/i;
const THANKS = /\b(thanks|thank you|thx|thanx|ty|tyvm|cheers|appreciated?|danke|merci)\b/i;
const AFFIRM =
  /^(yes|yeah|yep|yup|no|nope|nah|ok|okay|k|sure|right|correct|exactly|indeed|true|ah|oh|aha|cool|great|nice|np)\b/i;
const QUESTION_WORD =
  /^(how|what|why|where|when|who|which|is|are|does|do|did|can|could|would|should|will|has|have|anyone|anybody)\b/i;
const BYE = /\b(bye|cya|see you|good ?night|later all|gtg|g2g)\b/i;
const URL = /\b(https?:\/\/|www\.)\S+/i;

/** Common first words of chat messages; which one a message opens with says much about whether it starts a
 * conversation ("hi", "anyone", "how") or answers one ("you", "it", "try", "yes"). */
export const FIRST_WORDS = (
  "i how you what ok it is the and yes no hi if but so can thanks i'm anyone well that yeah does hello it's hey do oh " +
  "not just why try its sudo then or there when my please im in did sorry this lol that's are for any ah where i've hmm " +
  "okay have to a maybe use which i'll what's thank on because now"
).split(' ');

const FIRST_WORD_INDEX = new Map(FIRST_WORDS.map((word, k) => [word, k]));

function firstWordOf(text: string): string {
  const space = text.indexOf(' ');
  return (space < 0 ? text : text.slice(0, space)).toLowerCase().replace(/[^a-z0-9']/gu, '');
}

export interface TextShape {
  question: boolean;
  questionWord: boolean;
  greeting: boolean;
  thanks: boolean;
  affirm: boolean;
  bye: boolean;
  url: boolean;
  command: boolean;
  /** Number of word tokens. */
  length: number;
  /** Index of the first word in FIRST_WORDS (-1: another word or none). */
  firstWord: number;
}

export function tokenize(text: string): string[] {
  const raw = text.toLowerCase().match(TOKEN) ?? [];
  return raw.map((token) => token.replace(/[.'\-/+]+$/, '')).filter((token) => token.length > 0);
}

/** A light suffix stripper for plain words (installs/installed/installing → install). */
export function stem(word: string): string {
  if (word.length < 5 || !/^[a-z]+$/u.test(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
  if (word.endsWith('ed')) return word.slice(0, -2);
  if (word.endsWith('es') && /(ch|sh|x|ss)es$/u.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/** Words worth comparing between messages, stemmed: not stop words, not one character. */
export function contentTokens(tokens: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const token of tokens) if (token.length > 1 && !STOP.has(token)) seen.add(stem(token));
  return [...seen];
}

/** The shape of a message's text, after any leading addressee has been removed. */
export function textShape(body: string, tokens: readonly string[]): TextShape {
  const trimmed = body.trim();
  return {
    question: trimmed.includes('?'),
    questionWord: QUESTION_WORD.test(trimmed),
    greeting: GREETING.test(trimmed),
    thanks: THANKS.test(trimmed),
    affirm: AFFIRM.test(trimmed),
    bye: BYE.test(trimmed),
    url: URL.test(trimmed),
    command: trimmed.startsWith('!'),
    length: tokens.length,
    firstWord: FIRST_WORD_INDEX.get(firstWordOf(trimmed)) ?? -1,
  };
}
