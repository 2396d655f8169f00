/**
 * `outro items`: decisions, action items and questions as one list a manager can work from — a
 * typed, JSON-serialisable result; the plain-text renderer and `--json` are thin consumers of it.
 */
import type { Citation, DueState, PersonRef } from '../brief/brief-types.js';

export const ITEMS_VERSION = 1;

export const ITEM_KINDS = ['decision', 'action', 'question'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/**
 * Where an item stands at the end of the listing (`--until`, else now): an action item is open or
 * done, a question open or answered, a decision stands (decided) or was reversed.
 */
export type ItemState = 'open' | 'done' | 'answered' | 'decided' | 'reversed';

/** One step of an item's history, with who, when and the message that says so. */
export interface ItemChange {
  change: 'asked' | 'assigned' | 'accepted' | 'answered' | 'done' | 'decided' | 'reversed';
  /** Who asked, requested, took it on, answered, said it is done or decided. */
  by: PersonRef[];
  /** Whom it was asked of or assigned to (empty: the room, or nobody named). */
  to: PersonRef[];
  at: string;
  /** `YYYY-MM-DD HH:mm` in the reader's zone. */
  localTime: string;
  /** Reversals: the decision that reversed it; a reversing decision: the one it reverses. */
  note: string | null;
  evidence: Citation[];
}

export interface ListedItem {
  kind: ItemKind;
  /** decisionId, itemId or questionId. */
  id: string;
  text: string;
  state: ItemState;
  /** Who requested, asked or decided it. */
  by: PersonRef[];
  /** Who it is for: an action item's assignee, a question's addressees (empty: nobody named, or the room). */
  for: PersonRef[];
  /** Questions: a plain question, or a request for approval, or a blocker. */
  questionKind: 'question' | 'approval' | 'blocker' | null;
  /** Action items: `YYYY-MM-DD` or ISO, the words it came from, and where it stands. */
  due: string | null;
  dueText: string | null;
  /** Open action items with a due date: overdue, due within 48 h, or later (as in the brief). */
  dueState: DueState | null;
  /** Decisions that reverse an earlier one. */
  reverses: { id: string; text: string | null } | null;
  at: string;
  localTime: string;
  /** Channel key and its printable name. */
  channel: string;
  channelName: string;
  source: string;
  conversationId: string;
  topic: string | null;
  confidence: number;
  /** True when the model strategy fell back to the heuristic for it. */
  degraded: boolean;
  /** Oldest first: asked/assigned/decided, then accepted, answered, done or reversed. */
  history: ItemChange[];
  /** Every message the item rests on. */
  evidence: Citation[];
}

export interface ItemsFilters {
  kinds: ItemKind[];
  /** The person `--for` named, resolved across sources. */
  for: { id: string; name: string; keys: string[] } | null;
  state: 'open' | 'done' | null;
  since: string | null;
  until: string | null;
  /** The channel keys `--channel` matched. */
  channels: string[] | null;
}

export interface ItemsResult {
  version: typeof ITEMS_VERSION;
  generatedAt: string;
  timezone: string;
  filters: ItemsFilters;
  counts: { items: number; open: number; decisions: number; actions: number; questions: number };
  /** Open items first (overdue, then by due date, then newest), then the rest, latest change first. */
  items: ListedItem[];
}
