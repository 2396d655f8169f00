/** Scratch arrays for feature extraction, reused across lines. */

/** Feature slots cached per conversation and line (see conversation-features.ts). */
export const CONV_SLOTS = 12;

/** Scratch arrays reused across lines (stamped with the current line) so extraction allocates nothing. */
export class Scratch {
  readonly authorStamp: Int32Array;
  readonly authorCount: Int32Array;
  readonly addrStamp: Int32Array;
  readonly mentStamp: Int32Array;
  readonly addressedIStamp: Int32Array;
  readonly iAddressedStamp: Int32Array;
  readonly prevAddrStamp: Int32Array;
  readonly wordStamp: Int32Array;
  readonly wordWeight: Float32Array;
  readonly convStamp: Int32Array;
  readonly convFeats: Int32Array;
  readonly convCount: Int32Array;

  constructor(lines: number, authors: number, vocabulary: number) {
    const stamp = (size: number): Int32Array => new Int32Array(size).fill(-1);
    this.authorStamp = stamp(authors);
    this.authorCount = new Int32Array(authors);
    this.addrStamp = stamp(authors);
    this.mentStamp = stamp(authors);
    this.addressedIStamp = stamp(authors);
    this.iAddressedStamp = stamp(authors);
    this.prevAddrStamp = stamp(authors);
    this.wordStamp = stamp(vocabulary);
    this.wordWeight = new Float32Array(vocabulary);
    this.convStamp = stamp(lines);
    this.convFeats = new Int32Array(lines * CONV_SLOTS);
    this.convCount = new Int32Array(lines);
  }
}
