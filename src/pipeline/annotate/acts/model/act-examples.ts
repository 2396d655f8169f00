import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentHash } from '../../../../domain/ids.js';
import { DIALOGUE_ACTS, isDialogueAct, type DialogueAct } from '../act.js';

/** fixtures/dialogue-acts/ at the repository root (five levels up from src/… and from dist/…). */
export const ACT_EXAMPLES_DIR = fileURLToPath(
  new URL('../../../../../fixtures/dialogue-acts/', import.meta.url),
);
/** Examples per act in the prompt: enough to show each act's range, short enough for a small model. */
const PER_ACT = 3;
/** Examples longer than this are left out (a few-shot example should be read at a glance). */
const MAX_EXAMPLE_CHARS = 120;

export interface ActExample {
  text: string;
  act: DialogueAct;
}

export interface ActExamples {
  examples: ActExample[];
  /** Content hash of the examples: part of the cache key, so new examples re-ask the model. */
  hash: string;
}

const loaded = new Map<string, ActExamples>();

/**
 * The few-shot examples of the model classifier: PER_ACT short units of each act, evenly spread
 * over the labelled training data (fixtures/dialogue-acts/*.jsonl, `{"text", "act"}` per line), in act
 * order; deterministic, so the prompt and its cache key stay the same. A missing folder or a bad
 * line gives fewer examples, never an error (the prompt's act definitions still stand).
 */
export function actExamples(dir: string = ACT_EXAMPLES_DIR): ActExamples {
  const known = loaded.get(dir);
  if (known) return known;
  const byAct = new Map<DialogueAct, ActExample[]>(DIALOGUE_ACTS.map((act) => [act, []]));
  let files: string[] = [];
  try {
    files = readdirSync(dir)
      .filter((file) => file.endsWith('.jsonl'))
      .sort();
  } catch {
    files = [];
  }
  for (const file of files) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const example = parseExample(line);
      if (!example) continue;
      byAct.get(example.act)?.push(example);
    }
  }
  // Spread over each act's list (the files group similar phrasings together).
  const examples = DIALOGUE_ACTS.flatMap((act) => {
    const list = byAct.get(act) ?? [];
    const picks = new Set(
      Array.from({ length: Math.min(PER_ACT, list.length) }, (_, k) =>
        Math.floor((k * list.length) / PER_ACT),
      ),
    );
    return [...picks].map((index) => list[index]);
  });
  const result = { examples, hash: contentHash(examples) };
  loaded.set(dir, result);
  return result;
}

function parseExample(line: string): ActExample | undefined {
  if (line.trim() === '') return undefined;
  try {
    const value = JSON.parse(line) as { text?: unknown; act?: unknown };
    if (typeof value.text !== 'string' || value.text.length > MAX_EXAMPLE_CHARS || !isDialogueAct(value.act))
      return undefined;
    return { text: value.text, act: value.act };
  } catch {
    return undefined;
  }
}
