import { z } from 'zod';
import { contentHash } from '../../../../domain/ids.js';
import type { HallucinationDrop } from '../../../../llm/grounding.js';
import type { ModelClient } from '../../../../llm/model-client.js';
import { dataBlock } from '../../../../llm/data-block.js';
import { loadPrompt } from '../../../../llm/prompt-file.js';
import type { ModelStrategy } from '../../../model-strategy.js';
import { runStage, type ModelStageResult } from '../../../run-model-stage.js';
import type { StageCache } from '../../../stage-cache.js';
import type { StageDefinition, StageRunContext, Strategy } from '../../../stage.js';
import { dialogueActModel } from '../../dialogue/act-model-once.js';
import { readUnitActs } from '../../dialogue/unit-acts.js';
import type { Unit } from '../../units/unit.js';
import { DIALOGUE_ACTS, type ActContext } from '../act.js';
import { actExamples } from './act-examples.js';

export const CLASSIFY_ACTS_PROMPT_ID = 'classify-acts.v1';
/** Bump when the learned fallback's output for the same input may change (part of every cache key). */
export const CLASSIFY_ACTS_STAGE_VERSION = 'classify-acts-1';
/** Longest unit text sent to the model (units over 4 KB are already skipped by splitUnits). */
const MAX_UNIT_CHARS = 600;
/** Longest context text (the previous message, the message replied to) sent with a unit. */
const MAX_CONTEXT_CHARS = 200;

/** One message's units to classify, with what the learned classifier reads around them. */
export interface ActsMessage {
  /** Native message id; a unit's id is `<message id>#<k>`, k its position among the classifiable units. */
  id: string;
  units: Unit[];
  context: ActContext;
  /** Text of the previous message and of the message this one answers, for the model. */
  previousText?: string;
  replyToText?: string;
}

export interface ActsInput {
  messages: ActsMessage[];
}

export const UnitAct = z.object({
  /** `<message id>#<k>`: the k-th classifiable unit of the message (not skipped, quoted or blank). */
  unit: z.string(),
  act: z.enum(DIALOGUE_ACTS),
  confidence: z.number().min(0).max(1),
  /** Who read it: the model, or the learned classifier (fused with the cues) where the model did not. */
  by: z.enum(['model', 'learned']),
});
export type UnitAct = z.infer<typeof UnitAct>;

export const ActsOutput = z.object({ acts: z.array(UnitAct) });
export type ActsOutput = z.infer<typeof ActsOutput>;

/** What the model writes: an act per unit id, from the ten (the JSON Schema's enum holds it to them). */
export const ActsReply = z.object({
  acts: z.array(z.object({ id: z.string(), act: z.enum(DIALOGUE_ACTS) })),
});
export type ActsReply = z.infer<typeof ActsReply>;

/** The confidence given to the model's reading (it gives no probability). */
const MODEL_CONFIDENCE = 0.8;

export const classifyActsStage: StageDefinition<ActsInput, ActsOutput> = {
  name: 'classify-acts',
  version: CLASSIFY_ACTS_STAGE_VERSION,
  output: ActsOutput,
  inputHash: (input) => contentHash(input),
};

/**
 * The units the classifiers read, in order: language the author wrote (not skipped, not quoted,
 * not blank), the units readUnitActs returns. Positions, not unit indexes, name them: a unit split
 * at a long dash gives two parts with one index.
 */
function classifiable(message: ActsMessage): Unit[] {
  return message.units.filter((unit) => !unit.skip && !unit.quoted && unit.text.trim().length > 0);
}

/** The learned classifier fused with the cue lexicons (readUnitActs), message by message. */
export function learnedActs(input: ActsInput): UnitAct[] {
  const model = dialogueActModel().model;
  return input.messages.flatMap((message) =>
    readUnitActs(message.units, message.context, model).map((read, k): UnitAct => ({
      unit: `${message.id}#${k}`,
      act: read.act,
      confidence: read.confidence,
      by: 'learned',
    })),
  );
}

export const learnedActsStrategy: Strategy<ActsInput, ActsOutput> = {
  kind: 'heuristic',
  id: 'learned',
  run: (input) => ({ acts: learnedActs(input) }),
};

/**
 * The model strategy: prompts/classify-acts.v1.md with few-shot examples from the labelled units
 * (fixtures/dialogue-acts), the reply held to the ten acts by the JSON Schema. Units the model
 * left out (or named by an id the input does not hold, dropped by grounding) keep the learned act.
 */
export function makeActsModelStrategy(client: ModelClient): ModelStrategy<ActsInput, ActsOutput, ActsReply> {
  const examples = actExamples();
  return {
    client,
    prompt: loadPrompt(CLASSIFY_ACTS_PROMPT_ID),
    reply: ActsReply,
    keyParts: [examples.hash],
    promptValues: (input) => ({
      examples: dataBlock('examples_data', examples.examples),
      data: dataBlock(
        'units_data',
        input.messages.flatMap((message) =>
          classifiable(message).map((unit, k) => ({
            id: `${message.id}#${k}`,
            text: clip(unit.text.trim(), MAX_UNIT_CHARS),
            ...(message.previousText ? { previous: clip(message.previousText, MAX_CONTEXT_CHARS) } : {}),
            ...(message.replyToText ? { replyTo: clip(message.replyToText, MAX_CONTEXT_CHARS) } : {}),
          })),
        ),
      ),
    }),
    toOutput: (reply, input) => {
      const byModel = new Map(reply.acts.map((entry) => [entry.id, entry.act]));
      return {
        acts: learnedActs(input).map((learned): UnitAct => {
          const act = byModel.get(learned.unit);
          return act === undefined
            ? learned
            : { unit: learned.unit, act, confidence: MODEL_CONFIDENCE, by: 'model' };
        }),
      };
    },
  };
}

/** Keeps the model's acts for units that exist in the input, once each; drops the rest as hallucinations. */
export function groundActs(
  reply: ActsReply,
  input: ActsInput,
): { value: ActsReply; drops: HallucinationDrop[] } {
  const known = new Set(
    input.messages.flatMap((message) => classifiable(message).map((_, k) => `${message.id}#${k}`)),
  );
  const seen = new Set<string>();
  const drops: HallucinationDrop[] = [];
  const acts = reply.acts.filter((entry, index) => {
    if (known.has(entry.id) && !seen.has(entry.id)) {
      seen.add(entry.id);
      return true;
    }
    if (!known.has(entry.id)) drops.push({ kind: 'item', value: entry.id, path: `acts.${index}.id` });
    return false;
  });
  return { value: { acts }, drops };
}

export interface RunClassifyActsOptions {
  cache?: StageCache;
  /** When set (config `model`), the model labels the units and the learned classifier is the fallback. */
  modelClient?: ModelClient;
}

/**
 * The dialogue acts of a conversation's units, through the stage cache: the learned classifier
 * (fused with the cues) by default; with a model client, the model labels every unit (grounded:
 * one of the ten acts, a unit that exists), and when it is unreachable, times out or answers
 * invalid output twice, the learned classifier answers with `degraded` provenance.
 */
export async function runClassifyActs(
  input: ActsInput,
  context: StageRunContext,
  options: RunClassifyActsOptions = {},
): Promise<ModelStageResult<ActsOutput>> {
  return runStage(classifyActsStage, input, context, {
    heuristic: learnedActsStrategy,
    cache: options.cache,
    ...(options.modelClient
      ? { model: makeActsModelStrategy(options.modelClient), grounding: groundActs }
      : {}),
  });
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
