import type { Config } from '../app/config.js';
import type { Store } from '../app/store.js';
import { buildConfiguredBrief } from '../answers/brief/model-summary/configured-model.js';
import { digestBriefOptions, writeDigest } from '../answers/brief/write-digest.js';

export interface DigestRequest {
  store: Store;
  config: Config;
  fireTime: Date;
  /** Where digests go: config digest.dir, else <data dir>/digests. */
  dir: string;
}

/** The file a digest went to, and whether this call wrote it (false: it was already there). */
export interface DigestOutcome {
  file: string;
  written: boolean;
}

export type DigestWriter = (request: DigestRequest) => Promise<DigestOutcome | void> | DigestOutcome | void;

/**
 * The digest writer: src/answers/brief's `writeDigest`, idempotent per fire time (a second call
 * for the same time writes nothing). This adapter is the daemon's only contact with it, so it is
 * the place to adjust when that API changes.
 */
export async function loadDigestWriter(): Promise<DigestWriter> {
  return async (request) => {
    // With a model configured, topic summaries are abstractive (cached, grounded, time-boxed); without one this is the plain brief.
    const brief = await buildConfiguredBrief(request.store, request.config, digestBriefOptions(request));
    const { file, written } = writeDigest({ store: request.store, config: request.config, fireTime: request.fireTime, dir: request.dir, brief });
    return { file, written };
  };
}
