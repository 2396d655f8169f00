import type { ActContext, ActUnit, DialogueAct } from '../../src/pipeline/annotate/acts/act.js';

/** One training or test unit with its label, wherever it came from. */
export interface Example {
  unit: ActUnit;
  context: ActContext;
  act: DialogueAct;
  /** `units` (fixtures/dialogue-acts), `email`, `fixture`. */
  source: string;
  /** Loss weight: email and fixture units count less than units written as chat. */
  weight: number;
  /** Where it came from, for reports ("requests.jsonl:12"). */
  where: string;
}
