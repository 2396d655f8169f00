import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OutroError } from '../../../domain/errors.js';
import type { ActModel } from './act-model.js';
import { decodeActModel, ModelFileProblem, type ActModelFile } from './model-file.js';

/** models/dialogue-acts/model.json at the repository root (four levels up from src/… and from dist/…). */
export const SHIPPED_ACT_MODEL = fileURLToPath(
  new URL('../../../../models/dialogue-acts/model.json', import.meta.url),
);

const REBUILD = 'rebuild it with `npm run train:acts` (or reinstall outro)';
let shipped: ActModel | undefined;

/**
 * The dialogue-act model in `path` (default: the one shipped in models/dialogue-acts/, read once and
 * kept). A missing, unreadable or corrupt file, or one of another version or feature set, throws an
 * OutroError `MODEL_FILE_INVALID` that names the file.
 */
export function loadActModel(path?: string): ActModel {
  if (path === undefined && shipped) return shipped;
  const file = path ?? SHIPPED_ACT_MODEL;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    throw new OutroError(
      'MODEL_FILE_INVALID',
      `The dialogue-act model ${file} ${missing ? 'is missing' : 'cannot be read'}; ${REBUILD}.`,
      { cause, details: { file } },
    );
  }
  let model: ActModel;
  try {
    model = decodeActModel(JSON.parse(text) as ActModelFile);
  } catch (cause) {
    const reason =
      cause instanceof ModelFileProblem
        ? cause.message
        : `it is not valid JSON (${(cause as Error).message})`;
    throw new OutroError(
      'MODEL_FILE_INVALID',
      `The dialogue-act model ${file} cannot be used: ${reason}; ${REBUILD}.`,
      { cause, details: { file } },
    );
  }
  if (path === undefined) shipped = model;
  return model;
}
