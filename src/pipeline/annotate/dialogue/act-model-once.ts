import { isOutroError } from '../../../domain/errors.js';
import type { ActModel } from '../acts/act-model.js';
import { loadActModel } from '../acts/load-act-model.js';

let loaded: { model: ActModel | null; problem: string | null } | undefined;

/**
 * The shipped dialogue-act model, loaded once. A missing or outdated file does not stop the stage:
 * the units are then read by the cue lexicons alone and the stage says why (`problem`), so its
 * output is marked degraded.
 */
export function dialogueActModel(): { model: ActModel | null; problem: string | null } {
  if (loaded) return loaded;
  try {
    loaded = { model: loadActModel(), problem: null };
  } catch (error) {
    if (!isOutroError(error, 'MODEL_FILE_INVALID')) throw error;
    loaded = { model: null, problem: error.message };
  }
  return loaded;
}
