import { DIALOGUE_ACTS, type DialogueAct } from '../../src/pipeline/annotate/acts/act.js';
import type { Example } from './example.js';

/**
 * The written units in the contexts they meet at run time. A reply written with `replyToAct` is, in
 * a channel without threads, the message after the one it answers (`previousAct`), and sometimes the
 * caller knows neither (a third, light copy). A unit written without context follows some message
 * in a real conversation: it gets a previous act drawn at random (mostly `other`), so the model does
 * not learn that "no previous message" goes with the acts written alone. One unit in eight also
 * comes back quoted, as `other`: quoted words are someone else's, not the author's act. About a
 * third of the units written alone are placed in a message of 2–4 units: most real units share
 * their message, and otherwise the position flags would be seen only on workspace units (mostly
 * `other`) and would pull every unit of a longer message to `other`.
 */
export function contextVariants(examples: readonly Example[], random: () => number): Example[] {
  const out: Example[] = [];
  for (const original of examples) {
    let example = original;
    if ((example.context.unitCount ?? 1) === 1 && random() < 0.35) {
      const unitCount = 2 + Math.floor(random() * 3);
      const index = Math.floor(random() * unitCount);
      example = { ...example, unit: { ...example.unit, index }, context: { ...example.context, unitCount } };
    }
    const context = example.context;
    if (!example.unit.quoted && random() < 0.125)
      out.push({
        ...example,
        unit: { ...example.unit, quoted: true },
        act: 'other',
        weight: example.weight * 0.5,
      });
    if (context.replyToAct && !context.previousAct) {
      out.push(example);
      out.push({
        ...example,
        context: { ...context, replyToAct: undefined, reply: false, previousAct: context.replyToAct },
      });
      out.push({
        ...example,
        context: { ...context, replyToAct: undefined, reply: false },
        weight: example.weight * 0.3,
      });
    } else if (!context.replyToAct && !context.previousAct && random() < 0.7) {
      out.push({ ...example, context: { ...context, previousAct: randomAct(random) } });
    } else {
      out.push(example);
    }
  }
  return out;
}

function randomAct(random: () => number): DialogueAct {
  return random() < 0.5 ? 'other' : DIALOGUE_ACTS[Math.floor(random() * DIALOGUE_ACTS.length)];
}
