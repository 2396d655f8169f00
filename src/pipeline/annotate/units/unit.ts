/** Why a unit is kept out of classification. */
export type SkipReason = 'code' | 'stack-trace' | 'url' | 'too-long';

/**
 * One piece of a message that carries at most one dialogue act: a sentence, a list item (or one
 * sentence of it), a quoted line, or a stretch that is not language (code, a stack trace, a bare
 * link) marked `skip`.
 */
export interface Unit {
  /** The analysed text: the original `[start, end)` with tokens over the length limit replaced by `<long>` or `<url>`. */
  text: string;
  /** Offsets into the original message text (UTF-16 code units), so evidence quotes stay exact. */
  start: number;
  end: number;
  /** Position among the message's units, from 0. */
  index: number;
  /** Position of the list item this unit belongs to within its list, from 0. */
  listIndex?: number;
  /** Quoted text (`> …`, Slack `&gt;`): someone else's words, not the author's act. */
  quoted?: true;
  /** Set on units that must never be classified. */
  skip?: SkipReason;
  /** Raw @-mention tokens inside the unit (`@marco`, `@Tom`, `<@U0123>`), unresolved. */
  mentions: string[];
  /** A name-like first word followed by "," or ":" ("Marco, could you…", "zara: …"), unresolved. */
  leadingName?: string;
}

export interface SplitOptions {
  /** Units longer than this many code units are marked `too-long` (default 4096). */
  maxUnitLength?: number;
  /** Tokens longer than this are replaced by a placeholder in `text` (default 64). */
  maxTokenLength?: number;
  /** Past this many units the rest of the message is one `too-long` unit (default 1000). */
  maxUnits?: number;
}
