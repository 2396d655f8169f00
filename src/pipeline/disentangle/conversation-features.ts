/** Features of (line i, conversation c), shared by every candidate in c and cached per line. */
import * as space from './feature-space.js';
import { CONV_SLOTS, type Scratch } from './scratch.js';
import type { StreamState } from './stream-state.js';

// Module-local aliases, as in features.ts.
const F = space.F;
const EDGES = space.EDGES;
const bucket = space.bucket;
const minutesBucket = (value: number, edges: readonly number[]): number => bucket(Math.floor(value), edges);

/** Features of (line i, conversation c) that are the same for every candidate in c; cached per line. */
export function convFeatures(
  state: StreamState,
  scratch: Scratch,
  i: number,
  c: number,
  iA: number,
  iAddr: Int32Array,
): void {
  const L = state.lines;
  const out = scratch.convFeats;
  let at = c * CONV_SLOTS;
  const tail = state.convTail[c];
  out[at++] = F.convSize + bucket(state.convSize[c], EDGES.size);
  out[at++] = F.convMinutes + minutesBucket(L.minutes[i] - L.minutes[tail], EDGES.minutes);
  const authors = state.convAuthors[c];
  if (authors?.has(iA)) {
    out[at++] = F.convHasI;
    const last = state.authorLast[iA];
    if (last >= 0 && state.conv[last] === c) out[at++] = F.convHasILatest;
  }
  if (iAddr.length && authors) {
    let has = false;
    let latest = false;
    for (let k = 0; k < iAddr.length; k++) {
      if (authors.has(iAddr[k])) has = true;
      const last = state.authorLast[iAddr[k]];
      if (last >= 0 && state.conv[last] === c) latest = true;
    }
    if (has) out[at++] = F.convHasAddressee;
    if (latest) out[at++] = F.convHasAddresseeLatest;
  }
  if (state.convMentions[c]?.has(iA)) out[at++] = F.convMentionsI;
  if (L.author[c] === iA) out[at++] = F.convStartedByI;
  let overlap = 0;
  const bag = state.convWords[c];
  if (bag) {
    const words = L.words[i];
    const weights = L.weights[i];
    for (let t = 0; t < words.length; t++) if (bag.has(words[t])) overlap += weights[t];
  }
  out[at++] = F.convOverlap + bucket(overlap, EDGES.overlap);
  scratch.convStamp[c] = i;
  scratch.convCount[c] = at - c * CONV_SLOTS;
}
