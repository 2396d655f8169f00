/** The fact relations, without their schema (annotations.ts): what a cold query reads loads no zod. */

/** Relations and how many current values a subject/object slot holds (see KUZU-NOTES "facts in time"). */
export const FACT_RELATIONS = {
  /** One current owner per component: a new owner closes the old one. */
  owns: { slot: 'object', cardinality: 'one' },
  works_on: { slot: 'subject', cardinality: 'many' },
  expert_in: { slot: 'subject', cardinality: 'many' },
  /** One holder per rotation (the object): the next one closes the last; a rota week also ends by itself (validTo). */
  on_call: { slot: 'object', cardinality: 'one' },
} as const;
export type FactRelation = keyof typeof FACT_RELATIONS;
/** The objects of `on_call` facts: the primary rotation, and its backup. */
export const ON_CALL_ROTATION = 'rotation:on-call';
export const ON_CALL_BACKUP_ROTATION = 'rotation:on-call-secondary';
