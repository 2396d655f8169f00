import { SEARCH_KINDS } from './search-types.js';

/**
 * What a bulk load keeps per search_docs row id, in typed arrays: the row's search_filters values,
 * its version, and its conversation link (search_links) with the version of the split that set it.
 * Kind 0 means no row; 0 in author, channel or conversation means none (row ids start at 1).
 */
export class SearchRows {
  private kind = new Uint8Array(1024);
  private author = new Int32Array(1024);
  private channel = new Int32Array(1024);
  private at = new Float64Array(1024);
  private versions = new Float64Array(1024);
  private conversation = new Int32Array(1024);
  private splitVersion = new Float64Array(1024);
  private top = 0;

  /** A row written or rewritten: its filters and version (the link stays, as SearchWriter leaves it). */
  set(id: number, kind: number, author: number, channel: number, at: number, version: number): void {
    if (id >= this.kind.length) this.grow(id);
    if (id > this.top) this.top = id;
    this.kind[id] = kind;
    this.author[id] = author;
    this.channel[id] = channel;
    this.at[id] = at;
    this.versions[id] = version;
  }

  version(id: number): number {
    return this.versions[id];
  }

  setVersion(id: number, version: number): void {
    this.versions[id] = version;
  }

  /** A removed row: no filters and no link. */
  clear(id: number): void {
    this.kind[id] = 0;
    this.conversation[id] = 0;
    this.splitVersion[id] = 0;
  }

  /** The document's own conversation: replaces the conversation, keeps the split's version. */
  own(id: number, conversation: number): void {
    this.conversation[id] = conversation;
  }

  /** A split: sets the conversation unless a split of the same or a later version set it. */
  split(id: number, conversation: number, version: number): void {
    if (this.conversation[id] === 0 || version > this.splitVersion[id]) {
      this.conversation[id] = conversation;
      this.splitVersion[id] = version;
    }
  }

  /** Row ids with a row, ascending. */
  ids(): Int32Array {
    return this.select((id) => this.kind[id] !== 0);
  }

  /** Row ids with a conversation, ascending. */
  linkedIds(): Int32Array {
    return this.select((id) => this.conversation[id] !== 0);
  }

  /** search_filters (id, kind, author, channel, at). */
  filterRow(id: number, values: unknown[]): void {
    values.push(
      id,
      SEARCH_KINDS[this.kind[id] - 1],
      this.author[id] || null,
      this.channel[id] || null,
      this.at[id],
    );
  }

  /** search_links (id, conversation, version). */
  linkRow(id: number, values: unknown[]): void {
    values.push(id, this.conversation[id], this.splitVersion[id]);
  }

  private select(keep: (id: number) => boolean): Int32Array {
    const ids = new Int32Array(this.top);
    let count = 0;
    for (let id = 1; id <= this.top; id++) if (keep(id)) ids[count++] = id;
    return ids.subarray(0, count);
  }

  private grow(id: number): void {
    const size = Math.max(id + 1, this.kind.length * 2);
    const grown = <T extends Uint8Array | Int32Array | Float64Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.kind = grown(this.kind, new Uint8Array(size));
    this.author = grown(this.author, new Int32Array(size));
    this.channel = grown(this.channel, new Int32Array(size));
    this.at = grown(this.at, new Float64Array(size));
    this.versions = grown(this.versions, new Float64Array(size));
    this.conversation = grown(this.conversation, new Int32Array(size));
    this.splitVersion = grown(this.splitVersion, new Float64Array(size));
  }
}
