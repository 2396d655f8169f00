import type { z } from 'zod';
import type { Provenance } from '../domain/annotations.js';
import { OutroError, toOutroError } from '../domain/errors.js';
import type { Grounding, HallucinationDrop } from '../llm/grounding.js';
import { describeIssues, replySchemaOf, type ReplySchema } from '../llm/json-schema.js';
import type { ChatMessage, ModelIdentity } from '../llm/model-client.js';
import type { ModelStats } from '../llm/model-stats.js';
import type { ModelStrategy } from './model-strategy.js';
import { loadPrompt, renderPrompt } from '../llm/prompt-file.js';
import { runHeuristicStage, stageCacheKey } from './run-stage.js';
import type { StageCache } from './stage-cache.js';
import type { StageDefinition, StageResult, StageRunContext, Strategy } from './stage.js';
import { tracedChat, tracedStage } from './model-call-span.js';

export interface ModelStageOptions<I, O, R = O> {
  heuristic: Strategy<I, O>;
  /** Absent: heuristic mode (no model configured). */
  model?: ModelStrategy<I, O, R>;
  cache?: StageCache;
  /** Checks every person, component and message id of the reply against the input. */
  grounding?: Grounding<I, R>;
  keyParts?: readonly string[];
  /** Default: the model client's counters. */
  stats?: ModelStats;
}

export interface ModelStageResult<O> extends StageResult<O> {
  /** What grounding dropped from this reply (empty for cached and heuristic results). */
  hallucinations: HallucinationDrop[];
  /** Chat requests made for this input (0 when cached or the server was unreachable). */
  modelCalls: number;
  repaired: boolean;
}

/** Error codes after which the heuristic answers instead; anything else is a bug and is thrown. */
const FALLBACK_CODES = new Set(['MODEL_UNAVAILABLE', 'MODEL_INVALID_OUTPUT', 'TIMEOUT']);
const MAX_ECHOED_REPLY = 4_000;
const schemas = new WeakMap<z.ZodType, ReplySchema>();

/**
 * Runs a stage with its model strategy when there is one: prompt from a versioned file, reply
 * constrained by the JSON Schema and validated by zod, one repair attempt, grounding, and the
 * stage cache keyed by (stage, version, model name and digest, prompt, schema, options, input).
 * When the model is unreachable, times out, or answers invalid output twice, the heuristic
 * answers and the provenance says `degraded` with the reason.
 */
export async function runStage<I, O, R = O>(
  stage: StageDefinition<I, O>,
  input: I,
  context: StageRunContext,
  options: ModelStageOptions<I, O, R>,
): Promise<ModelStageResult<O>> {
  // A span per stage call (and per chat request below) when a tracer is active; nothing otherwise.
  return tracedStage({ stage, model: options.model?.client.model }, () =>
    runStageUntraced(stage, input, context, options),
  );
}

async function runStageUntraced<I, O, R>(
  stage: StageDefinition<I, O>,
  input: I,
  context: StageRunContext,
  options: ModelStageOptions<I, O, R>,
): Promise<ModelStageResult<O>> {
  const strategy = options.model;
  if (!strategy)
    return {
      ...(await heuristic(stage, input, context, options)),
      hallucinations: [],
      modelCalls: 0,
      repaired: false,
    };
  const stats = options.stats ?? strategy.client.stats;
  const repairPrompt = strategy.repairPrompt ?? loadPrompt('repair.v1');
  const schema = replySchemaFor(strategy.reply);

  let identity: ModelIdentity;
  try {
    identity = await strategy.client.identity(context.signal);
  } catch (error) {
    return degrade(stage, input, context, options, stats, error, undefined);
  }
  const key = stageCacheKey(
    stage as StageDefinition<unknown, unknown>,
    `model:${identity.name}@${identity.digest}`,
    stage.inputHash(input),
    [
      strategy.prompt.hash,
      repairPrompt.hash,
      schema.hash,
      strategy.client.optionsKey ?? '',
      ...(strategy.keyParts ?? []),
      ...(options.keyParts ?? []),
    ],
  );
  const cached = options.cache?.get(key);
  if (cached) {
    stats.add('cacheHits');
    return {
      output: stage.output.parse(cached.output),
      provenance: cached.provenance,
      cached: true,
      hallucinations: [],
      modelCalls: 0,
      repaired: false,
    };
  }

  const conversation = renderPrompt(strategy.prompt, strategy.promptValues(input));
  let modelCalls = 0;
  let repaired = false;
  let reply: R;
  try {
    modelCalls++;
    const first = await tracedChat(
      strategy.client,
      { messages: conversation, format: schema.jsonSchema, signal: context.signal },
      stage.name,
    );
    let parsed = parseReply(first.content, strategy.reply);
    if (!parsed.ok) {
      stats.add('invalidOutputs');
      stats.add('repairs');
      const repair = renderPrompt(repairPrompt, {
        errors: parsed.errors.map((line) => `- ${line}`).join('\n'),
      });
      const messages: ChatMessage[] = [
        ...conversation,
        { role: 'assistant', content: first.content.slice(0, MAX_ECHOED_REPLY) },
        ...repair,
      ];
      modelCalls++;
      const second = await tracedChat(
        strategy.client,
        { messages, format: schema.jsonSchema, signal: context.signal },
        stage.name,
      );
      parsed = parseReply(second.content, strategy.reply);
      if (!parsed.ok) {
        stats.add('invalidOutputs');
        throw new OutroError(
          'MODEL_INVALID_OUTPUT',
          `${identity.name} answered ${stage.name} with invalid output twice (${parsed.errors.slice(0, 3).join('; ')}). Try a larger model, or report the prompt ${strategy.prompt.id}.`,
          {
            details: { errors: parsed.errors },
          },
        );
      }
      stats.add('repairsSucceeded');
      repaired = true;
    }
    reply = parsed.value;
  } catch (error) {
    return { ...(await degrade(stage, input, context, options, stats, error, identity, key)), modelCalls };
  }

  const grounded = options.grounding ? options.grounding(reply, input) : { value: reply, drops: [] };
  stats.add('hallucinationDrops', grounded.drops.length);
  let output: O;
  try {
    output = stage.output.parse(
      strategy.toOutput ? strategy.toOutput(grounded.value, input) : grounded.value,
    );
  } catch (error) {
    const invalid = new OutroError(
      'MODEL_INVALID_OUTPUT',
      `${identity.name}'s grounded reply does not make a valid ${stage.name} output: ${(error as Error).message}`,
      { cause: error },
    );
    return {
      ...(await degrade(stage, input, context, options, stats, invalid, identity, key)),
      modelCalls,
      hallucinations: grounded.drops,
    };
  }
  stats.add('modelAnswers');
  const provenance: Provenance = {
    stage: stage.name,
    version: stage.version,
    strategy: 'model',
    model: identity.id,
  };
  options.cache?.put(key, {
    output,
    provenance,
    stage: stage.name,
    version: stage.version,
    strategy: identity.id,
  });
  return { output, provenance, cached: false, hallucinations: grounded.drops, modelCalls, repaired };
}

type ParsedReply<R> = { ok: true; value: R } | { ok: false; errors: string[] };

function parseReply<R>(content: string, schema: z.ZodType<R>): ParsedReply<R> {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    return {
      ok: false,
      errors: [`the reply is not JSON (${(error as Error).message}); answer with one JSON object only`],
    };
  }
  const result = schema.safeParse(json);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, errors: describeIssues(result.error) };
}

async function heuristic<I, O, R>(
  stage: StageDefinition<I, O>,
  input: I,
  context: StageRunContext,
  options: ModelStageOptions<I, O, R>,
): Promise<StageResult<O>> {
  return runHeuristicStage(stage, input, context, {
    heuristic: options.heuristic,
    cache: options.cache,
    keyParts: options.keyParts,
  });
}

/**
 * The heuristic answers for this input; the provenance says why. Invalid output is deterministic
 * at temperature 0 with a fixed seed, so that result is cached under the model key (an unchanged
 * input is not sent again); unreachable servers and timeouts are not, so the next run retries.
 */
async function degrade<I, O, R>(
  stage: StageDefinition<I, O>,
  input: I,
  context: StageRunContext,
  options: ModelStageOptions<I, O, R>,
  stats: ModelStats,
  error: unknown,
  identity: ModelIdentity | undefined,
  modelKey?: string,
): Promise<ModelStageResult<O>> {
  const problem = toOutroError(error);
  if (!FALLBACK_CODES.has(problem.code)) throw problem;
  stats.add('degraded');
  const answer = await heuristic(stage, input, context, options);
  const provenance: Provenance = {
    ...answer.provenance,
    ...(identity ? { model: identity.id } : {}),
    degraded: true,
    degradedReason: `${problem.code}: ${problem.message}`,
  };
  if (modelKey && problem.code === 'MODEL_INVALID_OUTPUT') {
    options.cache?.put(modelKey, {
      output: answer.output,
      provenance,
      stage: stage.name,
      version: stage.version,
      strategy: identity?.id ?? 'model',
    });
  }
  return {
    output: answer.output,
    provenance,
    cached: answer.cached,
    hallucinations: [],
    modelCalls: 0,
    repaired: false,
  };
}

function replySchemaFor(schema: z.ZodType): ReplySchema {
  let known = schemas.get(schema);
  if (!known) {
    known = replySchemaOf(schema);
    schemas.set(schema, known);
  }
  return known;
}
