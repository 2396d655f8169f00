import type { ErrorCode } from '../domain/errors.js';

/** `outro doctor`: typed checks of the setup, each saying exactly what to fix. */
export type CheckStatus = 'ok' | 'info' | 'warn' | 'fail' | 'skip';

export interface DoctorCheck {
  id:
    | 'config'
    | 'store'
    | 'store.integrity'
    | 'graph'
    | 'backups'
    | 'privacy'
    | 'model'
    | 'model.server'
    | 'model.version'
    | 'model.pulled'
    | 'model.chat'
    | 'embeddings';
  status: CheckStatus;
  title: string;
  detail: string;
  /** What to do, when something needs doing. */
  fix?: string;
  /** The error code a failure maps to (bin/outro picks the exit status). */
  code?: ErrorCode;
}
