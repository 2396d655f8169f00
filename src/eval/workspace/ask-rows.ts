import { readFileSync } from 'node:fs';
import { OutroError } from '../../domain/errors.js';
import { firstProblems, WorkspaceTruthSchema, type WorkspaceTruth } from './workspace-truth.js';

/**
 * Reads a list of questions in the truth's `ask` row format (q, as_of, answer_contains_any, …),
 * for `npm run eval:workspace -- DIR --ask FILE`: the questions answered instead of the truth's own.
 */
export function loadAskRows(file: string): WorkspaceTruth['ask'] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new OutroError('NOT_FOUND', `${file} could not be read as JSON: ${(cause as Error).message}.`, {
      cause,
    });
  }
  const parsed = WorkspaceTruthSchema.shape.ask.safeParse(raw);
  if (!parsed.success)
    throw new OutroError(
      'USAGE',
      `${file} is not a list of ask rows (${firstProblems(parsed.error)}). Each row needs "q" and "as_of"; see fixtures/probes/README.md.`,
    );
  return parsed.data;
}
