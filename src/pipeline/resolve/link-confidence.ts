/**
 * How sure each kind of evidence makes us that two identities are one human. The reasoning behind
 * each number is in the README ("People are linked across sources"): the question is always how
 * often the same evidence would join two different humans.
 */
export const LINK_CONFIDENCE = {
  /** The user said so in the config (`people:`). */
  alias: 1,
  /** The same mailbox; a shared mailbox (support@) is the false link. */
  email: 0.97,
  /** The exact display name, two or more words, unique within each source. */
  fullName: 0.85,
  /** The same full name once decoration, accents, a quoted nickname and "Last, First" are undone. */
  coreName: 0.8,
  /** The same surname, and a first name or nickname the other human is also called ("Tess Okoro" ~ `Teresa "Tess" Okoro`). */
  nickname: 0.75,
  /** A handle that spells first + last or initial + last of one human (tokoro, leilamoreau, yunli_dev). */
  handleFull: 0.75,
  /** A one-word name or nickname that is the first name of one human, backed by the org or the surname's initial. */
  firstNameBacked: 0.7,
  /** A self-introduction ("Lou here", "I'm Leila from Brightwater"): at most this, whatever name rule it meets. */
  introduction: 0.7,
  /** A handle that spells first name + last initial of one human (hana.k, ines_c). */
  handleInitial: 0.65,
  /** A one-word name that is the first name of one human and nothing else backs it. */
  firstName: 0.6,
  /** The config says two identities are NOT one human: a veto, not a link. */
  notSame: 0,
} as const;

/** Links weaker than this join nobody: the weakest evidence the linker trusts (one unique first name). */
export const MIN_LINK_CONFIDENCE = LINK_CONFIDENCE.firstName;
