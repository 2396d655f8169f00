import type { RunStatus } from '../runtime/engine/types.js';

/** Every status a durable workflow run can have, in the order `outro runs` counts them. */
export const RUN_STATUSES = [
  'pending',
  'running',
  'completed',
  'failed',
  'dead',
] as const satisfies readonly RunStatus[];
