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
import { runClassifyActs } from './acts/model/act-stage.js';
import { actsInputOf, givenActs } from './model/annotate-acts.js';
import { runHeuristicStage } from '../run-stage.js';
import { knownStateOf } from './known-state.js';

/** Bump when the heuristic's output for the same input may change (part of every cache key). */
export const ANNOTATE_STAGE_VERSION = 'annotate-acts-2';

/** The text of each people list hashed so far, and its hash: every conversation of a batch shares one list. */
const peopleTexts = new WeakMap<object, { text: string; hashed: string }>();
function peopleText(people: AnnotateInput['people']): { text: string; hashed: string } {
  let known = peopleTexts.get(people);
  if (known === undefined) {
    const text = stableStringify(people);
    // A JSON string where the list was: no list writes as a string, so it cannot stand for another input.
    peopleTexts.set(people, (known = { text, hashed: JSON.stringify(`people ${contentHash(text)}`) }));
  }
  return known;
}

/**
 * `contentHash(input)`, writing the shared people list once per list (it is never changed once
 * built). Where the caller attached its knowledge state (known-state.ts), the knowledge lists are
 * hashed as its digest and the people list as its hash instead of written out: they grow with the
 * store (and the team), the rest with the conversation.
 */
function annotateInputHash(input: AnnotateInput): string {
  const people = peopleText(input.people);
  const known = knownStateOf(input);
  if (!known) return contentHash(stableStringify(input, new Map([[input.people, people.text]])));
  const rest = {
    ...input,
    entities: [],
    priorDecisions: undefined,
    openItems: undefined,
    priorFacts: undefined,
  };
  return contentHash(
    `known ${known.digest} ${stableStringify(rest, new Map([[input.people, people.hashed]]))}`,
  );
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
  /**
   * With a model client: the model reads only the units' dialogue acts (stage classify-acts) and
   * the heuristic extractors build the annotation from them, instead of the model writing the
   * whole annotation. When the model fails, the learned classifier's acts are used, marked degraded.
   */
  modelActs?: boolean;
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
  if (options.modelClient && options.modelActs) return annotateWithModelActs(input, context, options);
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

/**
 * Annotate over acts a model read: classify-acts (model, grounded, cached; the learned classifier
 * when the model fails) then the heuristic extractors with those acts, cached under the acts they
 * used. The provenance is the acts stage's: `model` with the model's id, or `heuristic` and
 * `degraded` with the reason the model could not answer.
 */
async function annotateWithModelActs(
  input: AnnotateInput,
  context: StageRunContext,
  options: RunAnnotateOptions,
): Promise<ModelStageResult<AnnotateOutput>> {
  const acts = await runClassifyActs(actsInputOf(input), context, {
    cache: options.cache,
    modelClient: options.modelClient,
  });
  const given = givenActs(acts.output);
  const result = await runHeuristicStage(annotateStage, input, context, {
    heuristic: {
      kind: 'heuristic',
      id: 'heuristic+acts',
      run: (conversation) => annotateHeuristically(conversation, given),
    },
    cache: options.cache,
    keyParts: [contentHash([...given.entries()])],
  });
  return {
    output: result.output,
    provenance: { ...acts.provenance, stage: annotateStage.name, version: annotateStage.version },
    cached: result.cached && acts.cached,
    hallucinations: acts.hallucinations,
    modelCalls: acts.modelCalls,
    repaired: acts.repaired,
  };
}
