/** The names and positions of the scorer's binary input features. The model JSON lists the same names. */

import { FIRST_WORDS } from './text.js';

/** Buckets: value <= edges[k] falls in bucket k; larger values in the last bucket. */
export function bucket(value: number, edges: readonly number[]): number {
  for (let k = 0; k < edges.length; k++) if (value <= edges[k]) return k;
  return edges.length;
}

/** `bucket` for the integers 0..size-1 as a lookup table (larger values: use `bucket`). */
export function bucketTable(edges: readonly number[], size: number): Int32Array {
  return Int32Array.from({ length: size }, (_, value) => bucket(value, edges));
}

class Space {
  readonly names: string[] = [];

  flag(name: string): number {
    this.names.push(name);
    return this.names.length - 1;
  }

  buckets(name: string, edges: readonly number[]): number {
    const base = this.names.length;
    edges.forEach((edge, k) => this.names.push(`${name}<=${edge}${k === 0 ? '' : `(>${edges[k - 1]})`}`));
    this.names.push(`${name}>${edges[edges.length - 1]}`);
    return base;
  }
}

export const EDGES = {
  distance: [1, 2, 3, 4, 5, 6, 8, 10, 13, 17, 22, 30, 40, 60, 80],
  minutes: [0, 1, 2, 3, 5, 9, 19, 39, 79],
  gap: [-1, 0, 1, 2, 4, 14, 59],
  length: [1, 2, 3, 5, 8, 13, 20],
  overlap: [0, 1, 2, 3.5, 5, 7, 10, 15],
  shared: [0, 1, 2, 3],
  cosine: [0, 0.05, 0.1, 0.2, 0.3, 0.5],
  count: [0, 1, 2],
  size: [1, 2, 3, 5, 9, 16],
  later: [0, 1, 2, 5],
  recency: [0, 5, 20, 100],
  authorLines: [0, 1, 3],
} as const;

const SHAPES = ['question', 'questionWord', 'greeting', 'thanks', 'affirm', 'bye', 'url', 'command'] as const;
export type ShapeName = (typeof SHAPES)[number];

function shapeFlags(space: Space, prefix: string): Record<ShapeName, number> {
  const out = {} as Record<ShapeName, number>;
  for (const shape of SHAPES) out[shape] = space.flag(`${prefix}.${shape}`);
  return out;
}

const space = new Space();

export const F = {
  self: space.flag('self'),
  selfAddr: space.flag('self.addresses'),
  selfAddrActive: space.flag('self.addressesRecentAuthor'),
  selfMention: space.flag('self.mentions'),
  selfShape: shapeFlags(space, 'self'),
  selfLength: space.buckets('self.length', EDGES.length),
  selfAuthorGap: space.buckets('self.minutesSinceAuthor', EDGES.gap),
  selfPrevGap: space.buckets('self.minutesSincePrevious', EDGES.gap),
  selfAuthorTail: space.flag('self.authorLastIsConversationTail'),
  selfAddressedBy: space.buckets('self.addressedLinesAgo', EDGES.recency),
  selfAuthorLines: space.buckets('self.authorLinesInWindow', EDGES.authorLines),
  selfFirstWord: FIRST_WORDS.map((word) => space.flag(`self.firstWord=${word}`)),

  pair: space.flag('pair'),
  distance: space.buckets('pair.distance', EDGES.distance),
  minutes: space.buckets('pair.minutes', EDGES.minutes),
  sameAuthor: space.flag('pair.sameAuthor'),
  sameAuthorLatest: space.flag('pair.sameAuthorLatest'),
  iAddrJ: space.flag('pair.iAddressesJ'),
  iMentJ: space.flag('pair.iMentionsJ'),
  jAddrI: space.flag('pair.jAddressesI'),
  jMentI: space.flag('pair.jMentionsI'),
  iAddrOther: space.flag('pair.iAddressesOther'),
  jAddrOther: space.flag('pair.jAddressesOther'),
  bothAddrSame: space.flag('pair.bothAddressSame'),
  iAddrJLatest: space.flag('pair.iAddressesJAuthorLatest'),
  jLatestAddrI: space.flag('pair.jLatestAddressingI'),
  jAuthorLater: space.buckets('pair.jAuthorLinesSince', EDGES.count),
  iAuthorBetween: space.buckets('pair.iAuthorLinesSince', EDGES.count),
  iPrevAddrJ: space.flag('pair.iPreviousAddressedJ'),
  jAuthorAddrIBefore: space.flag('pair.jAuthorAddressedIBefore'),
  iAuthorAddrJBefore: space.flag('pair.iAuthorAddressedJBefore'),
  jFirstOfAuthor: space.flag('pair.jFirstOfAuthor'),
  overlap: space.buckets('pair.idfOverlap', EDGES.overlap),
  shared: space.buckets('pair.sharedWords', EDGES.shared),
  cosine: space.buckets('pair.cosine', EDGES.cosine),
  iShape: shapeFlags(space, 'pair.i'),
  iLength: space.buckets('pair.i.length', EDGES.length),
  iAddrAny: space.flag('pair.i.addresses'),
  jShape: shapeFlags(space, 'pair.j'),
  jLength: space.buckets('pair.j.length', EDGES.length),
  jAddrAny: space.flag('pair.j.addresses'),
  jRoot: space.flag('pair.jStartsConversation'),
  jParentAuthorI: space.flag('pair.jRepliesToIAuthor'),
  jReplies: space.buckets('pair.jRepliesSoFar', EDGES.count),
  iPrevRepliedJ: space.flag('pair.iAuthorLastRepliedToJAuthor'),
  jLastRepliedI: space.flag('pair.jAuthorLastRepliedToIAuthor'),
  convTail: space.flag('conv.jIsTail'),
  convSize: space.buckets('conv.size', EDGES.size),
  convLater: space.buckets('conv.linesAfterJ', EDGES.later),
  convMinutes: space.buckets('conv.minutesSinceTail', EDGES.minutes),
  convHasI: space.flag('conv.hasIAuthor'),
  convHasILatest: space.flag('conv.hasIAuthorLatest'),
  convHasAddressee: space.flag('conv.hasIAddressee'),
  convHasAddresseeLatest: space.flag('conv.hasIAddresseeLatest'),
  convMentionsI: space.flag('conv.mentionsIAuthor'),
  convStartedByI: space.flag('conv.startedByIAuthor'),
  convStartedByJ: space.flag('conv.startedByJAuthor'),
  convOverlap: space.buckets('conv.idfOverlap', EDGES.overlap),
} as const;

export const FEATURE_NAMES: readonly string[] = space.names;
export const SHAPE_NAMES = SHAPES;
