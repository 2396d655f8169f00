import type { z } from 'zod';
import type { Provenance } from '../domain/annotations.js';

/**
 * A pipeline stage: a pure function from a typed input to a typed, versioned output. Stages that
 * need language understanding have two strategies behind this one interface (docs/ARCHITECTURE.md "Two
 * strategies per stage"): a heuristic that is always available, and optionally a model.
 */
export interface StageDefinition<I, O> {
  /** 'disentangle', 'annotate', 'summarize' … */
  name: string;
  /** Bump whenever the output for the same input may change; part of every cache key. */
  version: string;
  output: z.ZodType<O>;
  /** Content hash of everything in the input that affects the output. */
  inputHash(input: I): string;
}

export interface StageRunContext {
  now: Date;
  signal?: AbortSignal;
}

export interface Strategy<I, O> {
  kind: Provenance['strategy'];
  /** 'heuristic', or the model's identity (name and digest) for the cache key. */
  id: string;
  run(input: I, context: StageRunContext): Promise<O> | O;
}

export interface StageResult<O> {
  output: O;
  provenance: Provenance;
  cached: boolean;
}
