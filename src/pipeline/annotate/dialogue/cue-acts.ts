import type { DialogueAct } from '../acts/act.js';
import {
  ACK_CUES,
  COMMITMENT_CUES,
  COMPLETION_CUES,
  DATED_COMMITMENT,
  DECISION_CUES,
  HEDGE_CUES,
  JOKING,
  NOT_COMPLETIONS,
  NOT_REQUESTS,
  PROGRESSIVE_COMMITMENT,
  PROPOSAL_CUES,
  REQUEST_CUES,
  REVERSAL_CUES,
  ROOM_REQUEST,
  TAG_QUESTION,
  TAKES_IT,
} from '../lexicon/cues.js';
import { LiteralGate } from '../literal-gate.js';

const matches = (text: string, patterns: readonly RegExp[]): boolean =>
  patterns.some((pattern) => pattern.test(text));

/**
 * Every unit of every message is read here against about a hundred patterns: one scan finds the
 * literals their gates need (literal-gate.ts) and only the patterns it lets through run.
 */
const UNIT_PATTERNS = [
  ...REVERSAL_CUES,
  ...DECISION_CUES,
  ...HEDGE_CUES,
  ...REQUEST_CUES,
  ...NOT_REQUESTS,
  ROOM_REQUEST,
  TAKES_IT,
  PROGRESSIVE_COMMITMENT,
  ...DATED_COMMITMENT,
  ...COMMITMENT_CUES,
  ...PROPOSAL_CUES,
];
let unitGate: LiteralGate | undefined;
const HEAD_PATTERNS = [...COMPLETION_CUES, ...NOT_COMPLETIONS];
let headGate: LiteralGate | undefined;
const isQuestion = (text: string): boolean => /\?\s*[\p{Emoji}\s]*$/u.test(text);

/**
 * The act the cue lexicons (lexicon/cues.ts) point to for one unit, or null. They are precise on the
 * phrasings they know and blind to the rest; the classifier reads everything else.
 */
export function cueActOf(text: string): DialogueAct | null {
  const trimmed = text.trim();
  const gate = (unitGate ??= new LiteralGate(UNIT_PATTERNS)).scan(trimmed);
  const has = (patterns: readonly RegExp[]): boolean => gate.testsAny(patterns, trimmed);
  const one = (pattern: RegExp): boolean => gate.mayMatch(pattern) && pattern.test(trimmed);
  const question = isQuestion(trimmed);
  const asks = question && !TAG_QUESTION.test(trimmed);
  if (has(REVERSAL_CUES) && !asks && !JOKING.test(trimmed)) return 'decision';
  if (has(DECISION_CUES) && !asks && !has(HEDGE_CUES) && !JOKING.test(trimmed)) return 'decision';
  if (!question && isCompletionText(trimmed)) return 'completion';
  if ((has(REQUEST_CUES) && !has(NOT_REQUESTS)) || one(ROOM_REQUEST)) return 'request';
  if (
    !question &&
    (one(TAKES_IT) ||
      one(PROGRESSIVE_COMMITMENT) ||
      has(DATED_COMMITMENT) ||
      (has(COMMITMENT_CUES) && !/^\s*if\b/i.test(trimmed)))
  )
    return 'commitment';
  if (has(PROPOSAL_CUES)) return 'proposal';
  if (matches(trimmed.slice(0, 60), ACK_CUES) && !question) return 'acceptance';
  if (question) return 'question';
  return null;
}

/** "fixed, can you check?", "patched and live now ✅ could you try the app?": done, and a check asked for. */
const DONE_PLEASE_CHECK =
  /^[\p{Emoji}\s]*(?:done|fixed|patched|deployed|shipped|merged|pushed|updated|sent|live)\b[^?]{0,60}?(?:[,.;:!—–-]|✅|\s)\s*(?:can|could|would) (?:you|u) (?:please )?(?:check|confirm|verify|test|try|look|take a look|double-check)\b/iu;

/** "done", "shipped it", "merged ✅" — not "almost done", "once it's merged", "I'll ship it". */
export function isCompletionText(text: string): boolean {
  const head = text.slice(0, 160);
  if (/^[^.!]*\?/.test(head) && !DONE_PLEASE_CHECK.test(head)) return false;
  // Most units say nothing of the kind: the dated-commitment pattern below is the costly one.
  const gate = (headGate ??= new LiteralGate(HEAD_PATTERNS)).scan(head);
  if (!gate.testsAny(COMPLETION_CUES, head)) return false;
  const first = head.split(/[.!]/)[0] ?? '';
  // "the pricing page is merged, deploying it Wed": done so far, the next step still promised.
  const next = DATED_COMMITMENT[0].exec(first);
  return (
    !gate.testsAny(NOT_COMPLETIONS, head) &&
    !/\b(i'll|i will|going to|gonna)\b/i.test(first) &&
    !(next && next.index > 0 && /^[,;:—–]/.test(next[0]))
  );
}
