import { contentHash, stableStringify } from '../../domain/ids.js';
import type { ModelClient } from '../../llm/model-client.js';
import { groundAnnotationDraft } from './model/annotate-grounding.js';
import type { AnnotationDraft } from './model/annotation-draft.js';
import type { Grounding } from '../../llm/grounding.js';
import type { ModelStrategy } from '../model-strategy.js';
import { makeAnnotateModelStrategy } from './model/annotate-model-strategy.js';
import { runStage, type ModelStageResult } from '../run-model-stage.js';
import type { StageCache } from '../stage-cache.js';
import type { StageDefinition, StageRunContext, Strategy } from '../stage.js';
import { AnnotateOutput, type AnnotateInput } from './annotate-types.js';
import { draftToOutput } from './draft-to-output.js';
import { annotateHeuristically } from './heuristic-annotate.js';

/** Bump when the heuristic's output for the same input may change (part of every cache key). */
export const ANNOTATE_STAGE_VERSION = 'annotate-acts-1';

/** The text of each people list hashed so far: every conversation of a batch shares one list. */
const peopleTexts = new WeakMap<object, string>();

/** `contentHash(input)`, writing the shared people list once per list (it is never changed once built). */
function annotateInputHash(input: AnnotateInput): string {
  let people = peopleTexts.get(input.people);
  if (people === undefined) peopleTexts.set(input.people, (people = stableStringify(input.people)));
  return contentHash(stableStringify(input, new Map([[input.people, people]])));
}

export const annotateStage: StageDefinition<AnnotateInput, AnnotateOutput> = {
  name: 'annotate',
  version: ANNOTATE_STAGE_VERSION,
  output: AnnotateOutput,
  inputHash: annotateInputHash,
};

export const heuristicAnnotateStrategy: Strategy<AnnotateInput, AnnotateOutput> = {
  kind: 'heuristic',
  id: 'heuristic',
  run: (input) => annotateHeuristically(input),
};

export interface RunAnnotateOptions {
  cache?: StageCache;
  /** When set (config `model`), the model strategy answers and the heuristic is the fallback. */
  modelClient?: ModelClient;
}

/**
 * Annotates one conversation through the stage cache: the heuristic by default, the model strategy
 * (prompts/annotate.v1.md, grounded against the input) when a model client is given; a model that is
 * unreachable or answers invalid output falls back to the heuristic with `degraded` provenance.
 */
export async function runAnnotate(
  input: AnnotateInput,
  context: StageRunContext,
  options: RunAnnotateOptions = {},
): Promise<ModelStageResult<AnnotateOutput>> {
  const model: ModelStrategy<AnnotateInput, AnnotateOutput, AnnotationDraft> | undefined = options.modelClient
    ? makeAnnotateModelStrategy<AnnotateOutput>(options.modelClient, {
        toOutput: (draft, modelInput) => draftToOutput(draft, modelInput as AnnotateInput),
      })
    : undefined;
  const grounding: Grounding<AnnotateInput, AnnotationDraft> = groundAnnotationDraft;
  return runStage(annotateStage, input, context, {
    heuristic: heuristicAnnotateStrategy,
    cache: options.cache,
    ...(model ? { model, grounding } : {}),
  });
}
