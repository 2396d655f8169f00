import { nextDate, startOfLocalDay } from '../../domain/time-zones.js';
import type { AskIntent, ParsedQuestion } from './ask-types.js';

const DAY_MS = 86_400_000;

interface Pattern {
  intent: AskIntent;
  re: RegExp;
}

/** Tried in order; the first group is the target. Questions are lowercased and trimmed of punctuation first. */
const PATTERNS: Pattern[] = [
  {
    intent: 'waiting-on-me',
    re: /^(?:what(?:'s| is)?|anything) (?:(?:still )?waiting|pending|blocked) (?:on|for) me()$/,
  },
  {
    intent: 'waiting-on-me',
    re: /^what (?:do i owe|needs my (?:attention|answer|approval|sign-?off))()(?: anyone)?$/,
  },
  { intent: 'owner', re: /^when did .+? (?:take over|start owning|become (?:the )?owner of|get) (.+)$/ },
  { intent: 'owner', re: /^who took over (.+?)(?: from .+)?$/ },
  {
    intent: 'ask-whom',
    re: /^who (?:should|could|can|do) i (?:ask|talk to|go to|ping) (?:about|for|regarding) (.+)$/,
  },
  { intent: 'expert', re: /^who (?:knows|understands) (.+?)(?: (?:best|well|the most|most))?$/ },
  { intent: 'expert', re: /^who(?:'s| is) (?:the |an )?expert (?:on|in|for) (.+)$/ },
  { intent: 'works-on', re: /^who(?:'s| is| are)? (?:working|works) on (.+)$/ },
  {
    intent: 'owner',
    re: /^who(?:'s| is| was)? (?:the )?(?:owner|point person|lead|maintainer|dri|contact|person responsible|responsible|in charge) (?:of|for|on) (.+)$/,
  },
  {
    intent: 'owner',
    re: /^who (?:owns|owned|maintains|maintained|handles|handled|runs|ran|leads|led|is responsible for|was responsible for|looks after) (.+)$/,
  },
  { intent: 'owner', re: /^(?:who is |who's )?(?:the )?(.+?) owner$/ },
  { intent: 'working-on', re: /^what (?:does|did) (.+?) (?:own|work on|look after)$/ },
  {
    intent: 'decided',
    re: /^what (?:did|have) (?:we|they|you|the team) (?:decide|decided|agree|agreed) (?:about|on|for|regarding) (.+)$/,
  },
  { intent: 'decided', re: /^(?:any )?decisions? (?:about|on|for) (.+)$/ },
  { intent: 'decided', re: /^what (?:was|were|is|are) (?:the )?decisions? (?:about|on|for) (.+)$/ },
  { intent: 'working-on', re: /^what(?:'s| is| are)? (.+?) (?:working on|doing|busy with)$/ },
  { intent: 'blocking', re: /^what(?:'s| is| are)? (?:blocking|holding up|waiting on|stuck on) (.+)$/ },
  { intent: 'blocking', re: /^(?:why|what) is (.+?) (?:blocked|stuck)(?: on)?$/ },
  {
    intent: 'changed',
    re: /^what(?:'s| has| have)? (?:changed|new|happened) (?:about|with|for|on|in) (.+)$/,
  },
];

/**
 * Understands a question without a model: a fixed set of patterns, then a time phrase. Returns
 * undefined when no pattern matches (the answer says which questions are understood).
 */
export function parseQuestion(question: string, now: Date): ParsedQuestion | undefined {
  let text = question
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/^whos\b/, "who's")
    .replace(/[?!.]+\s*$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const time = timePhrase(text, now);
  if (time) text = time.rest;
  for (const { intent, re } of PATTERNS) {
    const match = re.exec(text);
    if (!match) continue;
    const target = (match[1] ?? '')
      .replace(/\b(?:right )?now$|\bcurrently$|\bthese days$|\btoday$/, '')
      .trim();
    if (intent !== 'waiting-on-me' && target === '') continue;
    return { intent, target, ...(time ? { asOf: time.asOf } : {}) };
  }
  return undefined;
}

/**
 * A time phrase on its own ("last week", "3 days ago", "2026-11-10", "on 2026-11-10") as ISO UTC,
 * or undefined: how a phrase the model copied from the question becomes an as-of time.
 */
export function resolveTimePhrase(phrase: string, now: Date): string | undefined {
  const text = phrase
    .toLowerCase()
    .replace(/[?!.]+\s*$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return undefined;
  const found = timePhrase(` ${/^\d{4}-/.test(text) ? `on ${text}` : text}`, now);
  return found && found.rest.trim() === '' ? found.asOf : undefined;
}

/** "last week", "yesterday", "3 days ago", "on 2026-11-10", "as of 2026-11-10" at the end of the question. */
function timePhrase(text: string, now: Date): { asOf: string; rest: string } | undefined {
  const relative = /\s+(last week|last month|yesterday|(\d+) (day|week)s? ago)$/.exec(text);
  if (relative) {
    const [phrase, , count, unit] = relative;
    const days =
      phrase.trim() === 'last week'
        ? 7
        : phrase.trim() === 'last month'
          ? 30
          : phrase.trim() === 'yesterday'
            ? 1
            : Number(count) * (unit === 'week' ? 7 : 1);
    return {
      asOf: new Date(now.getTime() - days * DAY_MS).toISOString(),
      rest: text.slice(0, relative.index),
    };
  }
  const dated = /\s+(?:on|as of|at) (\d{4}-\d{2}-\d{2}(?:t[\d:.]+(?:z|[+-]\d{2}:?\d{2})?)?)$/.exec(text);
  if (dated) {
    const asOf = parseAsOf(dated[1]);
    if (asOf) return { asOf, rest: text.slice(0, dated.index) };
  }
  return undefined;
}

/**
 * `--as-of` and dates in questions: a day (`2026-11-10`) means the end of that day in `timeZone`
 * (UTC when absent); a full ISO time is taken as given. Undefined when it is not a time.
 */
export function parseAsOf(value: string, timeZone?: string): string | undefined {
  const day = /^\d{4}-\d{2}-\d{2}$/.exec(value.trim());
  // The end of the day is the instant before the next one starts (23 or 25 hours later across DST).
  if (day) return new Date(startOfLocalDay(nextDate(day[0]), timeZone ?? 'UTC').getTime() - 1).toISOString();
  const time = Date.parse(value.trim().toUpperCase());
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** The questions understood, for the "I don't understand" answer and --help. */
export const QUESTION_EXAMPLES = [
  'who owns billing',
  'who owned billing last week',
  'who owned billing on 2026-11-10',
  'who should I ask about SSO',
  'who is working on the SDK',
  'who knows billing best',
  'what did we decide about search',
  'what is Priya working on',
  'what is blocking Lena',
  'what is waiting on me',
  'what changed about billing',
] as const;
