/** Binary features for "line i replies to candidate j" (and for "i starts a conversation"), written into flat buffers. */
import * as space from './feature-space.js';
import type { PreparedLines } from './prepare.js';
import type { StaticFeatures } from './static-features.js';
import type { StreamState } from './stream-state.js';
import { convFeatures } from './conversation-features.js';
import { CONV_SLOTS, type Scratch } from './scratch.js';

// Module-local aliases: hot loops read these directly (no live-binding indirection when a loader wraps exports).
const F = space.F;
const EDGES = space.EDGES;
const bucket = space.bucket;
const bucketTable = space.bucketTable;

/** Candidates of one line: `cand[k]` is a line index (the line itself = new conversation, always last); its
 * features are `feats[start[k] .. start[k + 1])`. */
export class CandidateBuffer {
  count = 0;
  cand: Int32Array;
  start: Int32Array;
  feats: Int32Array;

  constructor(window: number) {
    const size = window + FAR_SAME_AUTHOR.count + 1;
    this.cand = new Int32Array(size);
    this.start = new Int32Array(size + 1);
    this.feats = new Int32Array(size * 64);
  }
}

function contains(list: Int32Array, value: number): boolean {
  for (let k = 0; k < list.length; k++) if (list[k] === value) return true;
  return false;
}

function copy(out: Int32Array, at: number, ids: Int32Array): number {
  for (let k = 0; k < ids.length; k++) out[at++] = ids[k];
  return at;
}

const minutesBucket = (value: number, edges: readonly number[]): number => bucket(Math.floor(value), edges);
const DISTANCE = bucketTable(EDGES.distance, 256);
const MINUTES = bucketTable(EDGES.minutes, 128);
const COUNT = bucketTable(EDGES.count, 8);
const pairMinutes = (value: number): number =>
  value < 128 ? MINUTES[value < 0 ? 0 : Math.floor(value)] : EDGES.minutes.length;
const countBucket = (value: number): number => (value < 8 ? COUNT[value] : EDGES.count.length);

function stampAll(stamps: Int32Array, values: Iterable<number> | undefined, i: number): void {
  if (values) for (const value of values) stamps[value] = i;
}

/** How many of the author's own earlier lines beyond the window may still be candidates, and how far back. */
export const FAR_SAME_AUTHOR = { count: 3, lines: 1000 } as const;

/** Fills `buf` with the candidates of line `i`: up to `window` earlier eligible lines, then up to
 * FAR_SAME_AUTHOR.count of the author's own earlier lines beyond the window (people repeat unanswered
 * questions), then `i` itself. */
export function extractCandidates(
  state: StreamState,
  statics: StaticFeatures,
  scratch: Scratch,
  i: number,
  window: number,
  buf: CandidateBuffer,
  eligible: (j: number) => boolean,
  maxGapMinutes = Infinity,
): void {
  const L = state.lines;
  const x = new PairWriter(state, statics, scratch, i, buf);
  const { authorStamp, authorCount } = scratch;
  const iA = x.iA;
  let rank = 0;
  let previous = -1;
  let authorLines = 0;
  const oldest = L.minutes[i] - maxGapMinutes;
  let j = i - 1;
  for (; j >= 0 && rank < window; j--) {
    if (L.minutes[j] < oldest) break;
    if (L.system[j] || !eligible(j)) continue;
    rank++;
    if (previous < 0) previous = j;
    const jA = L.author[j];
    const seenJ = authorStamp[jA] === i;
    const betweenJ = seenJ ? authorCount[jA] : 0;
    const betweenI = authorStamp[iA] === i ? authorCount[iA] : 0;
    if (!seenJ) {
      authorStamp[jA] = i;
      authorCount[jA] = 1;
    } else authorCount[jA] += 1;
    if (jA === iA) authorLines++;
    x.pair(j, rank, betweenJ, betweenI);
  }
  if (rank === window) {
    // j is now the newest line not scanned; walk the author's own lines back past it.
    let own = state.authorLast[iA];
    let steps = 0;
    while (own > j) {
      own = L.previousByAuthor[own];
      steps++;
    }
    for (
      let added = 0;
      own >= 0 &&
      added < FAR_SAME_AUTHOR.count &&
      i - own <= FAR_SAME_AUTHOR.lines &&
      L.minutes[own] >= oldest;
      own = L.previousByAuthor[own], steps++
    ) {
      if (!eligible(own)) continue;
      x.pair(own, window + 1, steps, steps);
      added++;
    }
  }
  x.self(window, previous, authorLines);
}

/** Writes one line's candidates; holds what is shared by all of them. */
class PairWriter {
  readonly L: PreparedLines;
  readonly iA: number;
  private readonly iAddr: Int32Array;
  private readonly iWords: Int32Array;
  private readonly iStatic: Int32Array;
  private readonly iMinutes: number;
  private readonly iNorm: number;
  private readonly iPrev: number;
  private readonly iPrevRepliedTo: number;
  private readonly addressedLastI: number;
  private at = 0;
  private count = 0;

  constructor(
    private readonly state: StreamState,
    private readonly statics: StaticFeatures,
    private readonly scratch: Scratch,
    private readonly i: number,
    private readonly buf: CandidateBuffer,
  ) {
    const L = (this.L = state.lines);
    const iA = (this.iA = L.author[i]);
    this.iAddr = L.addressed[i];
    this.iWords = L.words[i];
    const weights = L.weights[i];
    let norm = 0;
    for (let t = 0; t < this.iWords.length; t++) {
      scratch.wordStamp[this.iWords[t]] = i;
      scratch.wordWeight[this.iWords[t]] = weights[t];
      norm += weights[t] * weights[t];
    }
    this.iNorm = norm;
    stampAll(scratch.addrStamp, this.iAddr, i);
    stampAll(scratch.mentStamp, L.mentioned[i], i);
    stampAll(scratch.addressedIStamp, state.addressers[iA], i);
    stampAll(scratch.iAddressedStamp, state.addressees[iA], i);
    const iPrev = (this.iPrev = state.authorLast[iA]);
    if (iPrev >= 0) stampAll(scratch.prevAddrStamp, L.addressed[iPrev], i);
    const iPrevParent = iPrev >= 0 ? state.parent[iPrev] : -1;
    this.iPrevRepliedTo = iPrevParent >= 0 && iPrevParent !== iPrev ? L.author[iPrevParent] : -1;
    this.addressedLastI = state.addressedLast[iA];
    this.iStatic = statics.asI[i];
    this.iMinutes = L.minutes[i];
  }

  pair(j: number, rank: number, betweenJ: number, betweenI: number): void {
    const { L, state, scratch, i, iA, iAddr, iPrev } = this;
    const out = this.buf.feats;
    let at = this.at;
    this.buf.cand[this.count] = j;
    this.buf.start[this.count] = at;
    this.count++;
    const jA = L.author[j];
    out[at++] = F.pair;
    out[at++] = F.distance + (rank < 256 ? DISTANCE[rank] : EDGES.distance.length);
    out[at++] = F.minutes + pairMinutes(this.iMinutes - L.minutes[j]);
    if (jA === iA) {
      out[at++] = F.sameAuthor;
      if (iPrev === j) out[at++] = F.sameAuthorLatest;
    }
    const iAddrJ = scratch.addrStamp[jA] === i;
    if (iAddrJ) {
      out[at++] = F.iAddrJ;
      if (betweenJ === 0) out[at++] = F.iAddrJLatest;
    } else if (scratch.mentStamp[jA] === i) out[at++] = F.iMentJ;
    if (iAddr.length && !iAddrJ) out[at++] = F.iAddrOther;
    const jAddr = L.addressed[j];
    if (jAddr.length) {
      if (contains(jAddr, iA)) out[at++] = F.jAddrI;
      else {
        out[at++] = F.jAddrOther;
        if (jA !== iA && iAddr.length) {
          for (let k = 0; k < jAddr.length; k++) {
            if (scratch.addrStamp[jAddr[k]] === i) {
              out[at++] = F.bothAddrSame;
              break;
            }
          }
        }
      }
    } else if (L.mentioned[j].length && contains(L.mentioned[j], iA)) out[at++] = F.jMentI;
    if (this.addressedLastI === j) out[at++] = F.jLatestAddrI;
    out[at++] = F.jAuthorLater + countBucket(betweenJ);
    out[at++] = F.iAuthorBetween + countBucket(betweenI);
    if (iPrev !== j && scratch.prevAddrStamp[jA] === i) out[at++] = F.iPrevAddrJ;
    if (jA !== iA) {
      if (scratch.addressedIStamp[jA] === i) out[at++] = F.jAuthorAddrIBefore;
      if (scratch.iAddressedStamp[jA] === i) out[at++] = F.iAuthorAddrJBefore;
    }
    if (state.authorFirst[jA] === j) out[at++] = F.jFirstOfAuthor;

    const jWords = L.words[j];
    if (jWords.length && this.iWords.length) {
      const jWeights = L.weights[j];
      const { wordStamp, wordWeight } = scratch;
      let shared = 0;
      let overlap = 0;
      let jNorm = 0;
      for (let t = 0; t < jWords.length; t++) {
        jNorm += jWeights[t] * jWeights[t];
        if (wordStamp[jWords[t]] === i) {
          shared++;
          overlap += wordWeight[jWords[t]];
        }
      }
      out[at++] = F.overlap + bucket(overlap, EDGES.overlap);
      out[at++] = F.shared + bucket(shared, EDGES.shared);
      out[at++] = F.cosine + bucket(shared ? overlap / Math.sqrt(this.iNorm * jNorm) : 0, EDGES.cosine);
    } else {
      out[at++] = F.overlap;
      out[at++] = F.shared;
      out[at++] = F.cosine;
    }
    at = copy(out, at, this.iStatic);
    at = copy(out, at, this.statics.asJ[j]);

    const jp = state.parent[j];
    if (jp === j) out[at++] = F.jRoot;
    else if (jp >= 0 && L.author[jp] === iA) out[at++] = F.jParentAuthorI;
    out[at++] = F.jReplies + countBucket(state.replies[j]);
    if (jA !== iA) {
      if (this.iPrevRepliedTo === jA) out[at++] = F.iPrevRepliedJ;
      const jLast = state.authorLast[jA];
      const jLastParent = jLast >= 0 ? state.parent[jLast] : -1;
      if (jLastParent >= 0 && jLastParent !== jLast && L.author[jLastParent] === iA)
        out[at++] = F.jLastRepliedI;
    }

    const c = state.conv[j];
    if (c >= 0) {
      if (scratch.convStamp[c] !== i) convFeatures(state, scratch, i, c, iA, iAddr);
      const base = c * CONV_SLOTS;
      for (let k = 0; k < scratch.convCount[c]; k++) out[at++] = scratch.convFeats[base + k];
      if (state.convTail[c] === j) out[at++] = F.convTail;
      out[at++] = F.convLater + bucket(state.convSize[c] - state.convPos[j], EDGES.later);
      if (L.author[c] === jA) out[at++] = F.convStartedByJ;
    }
    this.at = at;
  }

  /** The line itself, "starts a new conversation", always the last candidate. */
  self(window: number, previous: number, authorLines: number): void {
    const { L, state, i, iAddr, iPrev, buf } = this;
    const out = buf.feats;
    let at = this.at;
    buf.cand[this.count] = i;
    buf.start[this.count] = at;
    this.count++;
    at = copy(out, at, this.statics.asSelf[i]);
    for (let k = 0; k < iAddr.length; k++) {
      const last = state.authorLast[iAddr[k]];
      if (last >= 0 && i - last <= window * 2) {
        out[at++] = F.selfAddrActive;
        break;
      }
    }
    out[at++] =
      F.selfAuthorGap + (iPrev < 0 ? 0 : minutesBucket(this.iMinutes - L.minutes[iPrev], EDGES.gap));
    out[at++] =
      F.selfPrevGap + (previous < 0 ? 0 : minutesBucket(this.iMinutes - L.minutes[previous], EDGES.gap));
    if (iPrev >= 0 && state.convTail[state.conv[iPrev]] === iPrev) out[at++] = F.selfAuthorTail;
    const addressedAt = this.addressedLastI;
    out[at++] = F.selfAddressedBy + bucket(addressedAt < 0 ? 1e9 : i - addressedAt, EDGES.recency);
    out[at++] = F.selfAuthorLines + bucket(authorLines, EDGES.authorLines);
    buf.start[this.count] = at;
    buf.count = this.count;
    this.at = at;
  }
}
