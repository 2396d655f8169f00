/** Walks a prepared stream in order, linking each line: rules first (system lines, native replies and threads),
 * then `decide` over the learned scorer's candidates. Shared by the runtime and the trainer. */
import { CandidateBuffer, extractCandidates } from './features.js';
import { Scratch } from './scratch.js';
import type { PreparedLines } from './prepare.js';
import { staticFeatures } from './static-features.js';
import { StreamState } from './stream-state.js';
import type { LinkSource } from './types.js';

export type Decide = (i: number, buf: CandidateBuffer, state: StreamState) => number;

export interface Walked {
  state: StreamState;
  how: LinkSource[];
}

/** `maxGapMinutes`: earlier lines more than this many minutes older than a line are never its antecedent.
 * `maxLines`: a line whose antecedent's conversation already holds this many lines starts a new one, whatever
 * linked it (a busy channel chained into one endless conversation costs the stages after this one its square). */
export function walk(
  lines: PreparedLines,
  window: number,
  decide: Decide,
  maxGapMinutes = Infinity,
  maxLines = Infinity,
): Walked {
  const state = new StreamState(lines);
  const scratch = new Scratch(lines.n, lines.authorCount, lines.vocabulary);
  const buf = new CandidateBuffer(window);
  const statics = staticFeatures(lines);
  const threadLast = new Map<number, number>();
  const how: LinkSource[] = new Array(lines.n);
  const { threadRoot, replyTo } = lines;
  // Replies inside a native thread are never candidates for other lines. A root is, until its thread has a reply:
  // people answer a fresh message in the channel too, but once a thread runs, answers go into it.
  const eligible = (j: number): boolean =>
    threadRoot[j] < 0 || (threadRoot[j] === j && (threadLast.get(j) ?? j) === j);

  for (let i = 0; i < lines.n; i++) {
    let p: number;
    const root = threadRoot[i];
    if (lines.system[i]) {
      p = i;
      how[i] = 'system';
    } else if (replyTo[i] >= 0 && replyTo[i] < i) {
      p = replyTo[i];
      how[i] = 'reply';
    } else if (root >= 0 && root < i) {
      p = threadLast.get(root) ?? root;
      how[i] = 'thread';
    } else {
      extractCandidates(state, statics, scratch, i, window, buf, eligible, maxGapMinutes);
      p = buf.count === 1 ? i : decide(i, buf, state);
      how[i] = buf.count === 1 ? 'first' : 'model';
    }
    if (p !== i && state.convSize[state.conv[p]] >= maxLines) {
      p = i;
      how[i] = 'full';
    }
    if (root >= 0 && root <= i) threadLast.set(root, i);
    state.link(i, p);
  }
  return { state, how };
}
