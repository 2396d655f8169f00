/** What the disentangler knows about the stream so far: links chosen, conversations, who spoke and addressed whom. */
import type { PreparedLines } from './prepare.js';

export class StreamState {
  /** Chosen antecedent per line (-1 while undecided). */
  readonly parent: Int32Array;
  /** Conversation per line: the line index of the conversation's first message. */
  readonly conv: Int32Array;
  /** Lines linked to each line so far. */
  readonly replies: Int32Array;
  /** 1-based position of a line in its conversation. */
  readonly convPos: Int32Array;
  readonly convTail: Int32Array;
  readonly convSize: Int32Array;
  readonly convAuthors: (Set<number> | undefined)[];
  readonly convMentions: (Set<number> | undefined)[];
  readonly convWords: (Set<number> | undefined)[];
  /** Latest non-system line per author, before the line being decided. */
  readonly authorLast: Int32Array;
  readonly authorFirst: Int32Array;
  /** Latest line that addressed or mentioned each author. */
  readonly addressedLast: Int32Array;
  /** Per author: the authors who addressed or mentioned them so far. */
  readonly addressers: (Set<number> | undefined)[];
  /** Per author: the authors they addressed or mentioned so far. */
  readonly addressees: (Set<number> | undefined)[];

  constructor(readonly lines: PreparedLines) {
    const { n, authorCount } = lines;
    this.parent = new Int32Array(n).fill(-1);
    this.conv = new Int32Array(n).fill(-1);
    this.convPos = new Int32Array(n);
    this.replies = new Int32Array(n);
    this.convTail = new Int32Array(n).fill(-1);
    this.convSize = new Int32Array(n);
    this.convAuthors = new Array(n);
    this.convMentions = new Array(n);
    this.convWords = new Array(n);
    this.authorLast = new Int32Array(authorCount).fill(-1);
    this.authorFirst = new Int32Array(authorCount).fill(-1);
    this.addressedLast = new Int32Array(authorCount).fill(-1);
    this.addressers = new Array(authorCount);
    this.addressees = new Array(authorCount);
  }

  /** Records that line `i` replies to `p` (itself for a new conversation) and updates every index. */
  link(i: number, p: number): void {
    const { lines } = this;
    this.parent[i] = p;
    const c = p === i ? i : this.conv[p];
    if (p !== i) this.replies[p] += 1;
    this.conv[i] = c;
    this.convSize[c] += 1;
    this.convPos[i] = this.convSize[c];
    this.convTail[c] = i;
    const a = lines.author[i];
    if (lines.system[i]) return;
    (this.convAuthors[c] ??= new Set()).add(a);
    const words = lines.words[i];
    if (words.length) {
      const bag = (this.convWords[c] ??= new Set());
      for (let t = 0; t < words.length; t++) bag.add(words[t]);
    }
    const mentioned = lines.mentioned[i];
    if (mentioned.length) {
      const mentions = (this.convMentions[c] ??= new Set());
      for (let t = 0; t < mentioned.length; t++) {
        mentions.add(mentioned[t]);
        this.addressedLast[mentioned[t]] = i;
        (this.addressers[mentioned[t]] ??= new Set()).add(a);
        (this.addressees[a] ??= new Set()).add(mentioned[t]);
      }
    }
    this.authorLast[a] = i;
    if (this.authorFirst[a] < 0) this.authorFirst[a] = i;
  }
}
