import type { PeopleNames } from './people-names.js';
import type { QuestionFrame } from './question-frame.js';
import type { Passage } from './rank-passages.js';
import { DECISION_CUES, REASON_CUES, STATED_REASON } from './typed-spans.js';

/**
 * Why a partial match (a best passage under KNOWN_THRESHOLD) cannot answer, or null: it must say
 * what kind of thing was asked (a decision for "what did we decide", a cause for "why"), and for
 * "what did Helena approve" be by Helena or name her.
 */
export function weakMatchFault(frame: QuestionFrame, passage: Passage, names: PeopleNames): string | null {
  if (frame.type === 'decision' && !DECISION_CUES.test(passage.sentence)) return 'states no decision';
  if (frame.type === 'reason' && !STATED_REASON.test(passage.sentence) && !REASON_CUES.test(passage.sentence))
    return 'states no cause';
  if (!namesActors(frame, passage, names)) return 'is neither by nor about the person asked about';
  return null;
}

/**
 * Whether the passage's message is by, or names, everyone the question asks as its actor ("what is
 * Luis working on", "what did Helena approve"). People it is about are words the score weighs already.
 */
function namesActors(frame: QuestionFrame, passage: Passage, names: PeopleNames): boolean {
  const actors = frame.people.filter((person) => person.role === 'actor');
  if (actors.length === 0) return true;
  const present = new Set(names.inText(passage.hit.text).map((hit) => hit.id));
  if (passage.hit.author !== null) present.add(names.idOf(passage.hit.author));
  return actors.every((person) => present.has(names.idOf(person.keys[0])));
}
