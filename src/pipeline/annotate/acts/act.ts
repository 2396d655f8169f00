/** What a unit of a message does in the conversation. */
export const DIALOGUE_ACTS = [
  'request', // asks someone (or anyone) to do something
  'commitment', // the speaker takes something on
  'question', // asks for information
  'proposal', // suggests a course of action for the group to accept
  'acceptance', // agrees to a proposal or request
  'rejection', // turns one down
  'completion', // says something is done
  'decision', // states what was decided
  'ownership', // says who owns, runs or is the go-to for something
  'other', // status, small talk, thanks, FYIs, bot notices
] as const;

export type DialogueAct = (typeof DIALOGUE_ACTS)[number];

export function isDialogueAct(value: unknown): value is DialogueAct {
  return typeof value === 'string' && (DIALOGUE_ACTS as readonly string[]).includes(value);
}

/** What the classifier reads of a unit: a `Unit` from `splitUnits`, or any object with its fields. */
export interface ActUnit {
  text: string;
  /** Position among the message's units, from 0. */
  index?: number;
  listIndex?: number;
  /**
   * Someone else's words: the model was taught to read quoted units as `other` (they are not the
   * author's act). Classify `{ ...unit, quoted: false }` to read the act of the quoted text itself.
   */
  quoted?: boolean;
  /** Set on units that must not be classified. */
  skip?: string;
  mentions?: readonly string[];
  leadingName?: string;
}

/** What the classifier reads around a unit; the caller fills it from the message and earlier predictions. */
export interface ActContext {
  /** The act of the unit this message replies to (its thread parent or reply target), as predicted. */
  replyToAct?: DialogueAct;
  /** The act of the previous message's last unit in the conversation, as predicted. */
  previousAct?: DialogueAct;
  /** The message is a thread reply or answers a reply reference. */
  reply?: boolean;
  /** The message is in a direct message (two people). */
  dm?: boolean;
  /** How many units the message has (position features: first, last, only). */
  unitCount?: number;
}

export interface ActPrediction {
  act: DialogueAct;
  /** The probability of `act`. */
  probability: number;
  /** Every act's probability (they sum to 1). */
  probabilities: Record<DialogueAct, number>;
}
