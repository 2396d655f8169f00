import type { AnnotateInput } from './annotate-types.js';
import type { KnownEntitySource } from './known-entities.js';

/**
 * What a caller that folds the earlier annotations incrementally (the annotations agent) knows about
 * one input's knowledge lists (`entities`, `priorDecisions`, `openItems`, `priorFacts`): a
 * fingerprint of what they were folded from, and an index of the entities. With it the stage hashes
 * the fingerprint instead of writing every list out, and the entity book looks entities up instead
 * of indexing the list again — per conversation, work in proportion to the conversation, not the store.
 */
export interface KnownState {
  /**
   * Equal for two inputs only when their knowledge lists are equal (in practice: a hash of the
   * knowledge events folded, each with its place in the fold).
   */
  digest: string;
  /** The entities of `input.entities`, in list order (entry `order` keeps that order; it need not be the index). */
  entities: KnownEntitySource;
  /** False once the caller has moved on (the index now answers for a later input). */
  current(): boolean;
}

const states = new WeakMap<AnnotateInput, KnownState>();

/** Attaches the caller's state to an input it built (and does not change afterwards). */
export function attachKnownState(input: AnnotateInput, state: KnownState): void {
  states.set(input, state);
}

/** The state attached to `input`, while it still answers for it. */
export function knownStateOf(input: AnnotateInput): KnownState | undefined {
  const state = states.get(input);
  return state?.current() ? state : undefined;
}
