/** The disentangle stage: one channel's lines into conversations (reply links, then connected components). */
import { shippedScorer, Scorer } from './model.js';
import { prepareLines } from './prepare.js';
import { streamPace, TEAM_CHAT_MAX_GAP_MINUTES, TEAM_CHAT_UNADDRESSED_SHIFT } from './stream-pace.js';
import type { ChatLine, DisentangleOptions, DisentangleResult } from './types.js';
import { walk, type Decide } from './walk.js';

export const DISENTANGLE_CODE_VERSION = 'disentangle-4';

/** The most lines one conversation holds: a busy channel where every line follows the one before (a message every
 * 37 s for a week) otherwise reads as one conversation of 20,000 lines, and what reads a conversation (replies,
 * open requests, corrections) looks back over all of it. Above every conversation the disentangler finds in the
 * IRC corpus (train 498 lines, test 315) and far above team chat (fixtures and Fernhill: 16). */
export const MAX_CONVERSATION_LINES = 500;

/** Chooses the best candidate in two stages: the linear prefilter keeps the `scorer.keep` best earlier lines, the
 * network scores those and "new conversation" (plus `selfBias`, plus `unaddressedShift` when the line names nobody). */
export function argmaxDecider(scorer: Scorer, selfBias: number, unaddressedShift = 0): Decide {
  const keep = scorer.keep;
  const topIndex = new Int32Array(keep);
  const topScore = new Float64Array(keep);
  return (i, buf, state) => {
    const pairs = buf.count - 1;
    let kept = 0;
    if (pairs <= keep) {
      for (let k = 0; k < pairs; k++) topIndex[kept++] = k;
    } else {
      for (let k = 0; k < pairs; k++) {
        const s = scorer.quick(buf, k);
        if (kept === keep && s <= topScore[kept - 1]) continue;
        let at = kept < keep ? kept++ : kept - 1;
        while (at > 0 && topScore[at - 1] < s) {
          topScore[at] = topScore[at - 1];
          topIndex[at] = topIndex[at - 1];
          at--;
        }
        topScore[at] = s;
        topIndex[at] = k;
      }
    }
    let best = i;
    const named = state.lines.addressed[i].length > 0 || state.lines.mentioned[i].length > 0;
    // A line that opens its own native thread (Slack thread_ts = ts) marks a topic of its own: no lean to join.
    const opensThread = state.lines.threadRoot[i] === i;
    let bestScore = scorer.score(buf, pairs) + selfBias + (named || opensThread ? 0 : unaddressedShift);
    for (let t = 0; t < kept; t++) {
      const s = scorer.score(buf, topIndex[t]);
      if (s > bestScore || (s === bestScore && buf.cand[topIndex[t]] > best)) {
        bestScore = s;
        best = buf.cand[topIndex[t]];
      }
    }
    return best;
  };
}

/** Splits `lines` (any order; sorted by time, ties kept in input order) into conversations. Pure and deterministic.
 * Slow streams (team chat, see stream-pace.ts) get the team-chat settings for what the caller leaves unset:
 * TEAM_CHAT_MAX_GAP_MINUTES, TEAM_CHAT_UNADDRESSED_SHIFT, and blank lines read as system lines. IRC-paced streams keep
 * the trained behaviour exactly. */
export function disentangle(lines: readonly ChatLine[], options: DisentangleOptions = {}): DisentangleResult {
  const scorer = options.model ? new Scorer(options.model) : shippedScorer();
  const model = scorer.model;
  const sorted = isSorted(lines)
    ? lines
    : lines
        .map((line, k) => ({ line, k }))
        .sort((a, b) => a.line.ts - b.line.ts || a.k - b.k)
        .map(({ line }) => line);
  const pace = options.pace ?? streamPace(sorted);
  const unaddressedShift = options.unaddressedShift ?? (pace === 'chat' ? TEAM_CHAT_UNADDRESSED_SHIFT : 0);
  const maxGapMinutes = options.maxGapMinutes ?? (pace === 'chat' ? TEAM_CHAT_MAX_GAP_MINUTES : Infinity);
  const prepared = prepareLines(sorted, { blankIsSystem: pace === 'chat' });
  const { state } = walk(
    prepared,
    options.window ?? model.window,
    argmaxDecider(scorer, options.selfBias ?? model.selfBias, unaddressedShift),
    maxGapMinutes,
    options.maxLines ?? MAX_CONVERSATION_LINES,
  );

  const parent = new Map<string, string>();
  const groups = new Map<number, string[]>();
  for (let i = 0; i < prepared.n; i++) {
    const id = prepared.ids[i];
    parent.set(id, prepared.ids[state.parent[i]]);
    const c = state.conv[i];
    const group = groups.get(c);
    if (group) group.push(id);
    else groups.set(c, [id]);
  }
  return {
    parent,
    conversations: [...groups.values()],
    version: `${DISENTANGLE_CODE_VERSION}+${model.version}+${pace}`,
  };
}

function isSorted(lines: readonly ChatLine[]): boolean {
  for (let k = 1; k < lines.length; k++) if (lines[k].ts < lines[k - 1].ts) return false;
  return true;
}
