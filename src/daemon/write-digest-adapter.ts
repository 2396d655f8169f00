import type { AppContext } from '../app/app-context.js';

export interface DigestRequest {
  fireTime: Date;
  /** Where digests go: config digest.dir, else <data dir>/digests. */
  dir: string;
}

/** The file a digest went to, and whether this call wrote it (false: it was already there). */
export interface DigestOutcome {
  file: string;
  written: boolean;
}

export type DigestWriter = (
  ctx: AppContext,
  request: DigestRequest,
) => Promise<DigestOutcome | void> | DigestOutcome | void;

/**
 * The digest writer: the app's `digest` use case (the one `outro digest` runs), idempotent per fire
 * time (a second call for the same time writes nothing). Loaded on start as an optional part.
 */
export async function loadDigestWriter(): Promise<DigestWriter> {
  const { digest } = await import('../app/digest.js');
  return async (ctx, request) => {
    const { file, written } = await digest(ctx, { at: request.fireTime.toISOString(), dir: request.dir });
    return { file, written };
  };
}
