import type { StageResult } from './stage.js';
import type { ChatCall, ChatReply, ModelClient } from '../llm/model-client.js';
import { ATTR, clipContent } from '../observability/gen-ai-attributes.js';
import { activeTracer, traced } from '../observability/tracer.js';

/** The provider every current ModelClient speaks to (OllamaModelClient and its record/replay decorators). */
const PROVIDER = 'ollama';

/**
 * One chat request as a span named after the GenAI conventions ("chat <model>"), with token
 * usage; the prompt and reply text only when the active tracer records content.
 */
export function tracedChat(
  client: Pick<ModelClient, 'chat' | 'model'>,
  call: ChatCall,
  stage: string,
): Promise<ChatReply> {
  return traced(
    `chat ${client.model}`,
    {
      kind: 'model',
      attributes: {
        [ATTR.operation]: 'chat',
        [ATTR.provider]: PROVIDER,
        [ATTR.requestModel]: client.model,
        [ATTR.stage]: stage,
      },
    },
    async (span) => {
      if (activeTracer()?.content)
        span.setAttribute(ATTR.inputMessages, clipContent(JSON.stringify(call.messages)));
      const reply = await client.chat(call);
      span.setAttributes({
        [ATTR.responseModel]: reply.model,
        [ATTR.inputTokens]: reply.promptEvalCount,
        [ATTR.outputTokens]: reply.evalCount,
        [ATTR.finishReasons]: reply.doneReason ? [reply.doneReason] : undefined,
      });
      if (activeTracer()?.content)
        span.setAttribute(
          ATTR.outputMessages,
          clipContent(JSON.stringify([{ role: 'assistant', content: reply.content }])),
        );
      return reply;
    },
  );
}

export interface StageSpanFacts {
  stage: { name: string; version: string };
  model?: string;
}

/** A stage call as a span ("stage annotate"): cache hit, strategy, degradation, grounding drops, model calls. */
export function tracedStage<
  O,
  R extends StageResult<O> & { hallucinations?: readonly unknown[]; modelCalls?: number; repaired?: boolean },
>(facts: StageSpanFacts, work: () => Promise<R>): Promise<R> {
  return traced(
    `stage ${facts.stage.name}`,
    {
      kind: 'stage',
      attributes: {
        [ATTR.stage]: facts.stage.name,
        [ATTR.stageVersion]: facts.stage.version,
        ...(facts.model ? { [ATTR.requestModel]: facts.model } : {}),
      },
    },
    async (span) => {
      const result = await work();
      span.setAttributes({
        [ATTR.strategy]: result.provenance.strategy,
        [ATTR.cacheHit]: result.cached,
        [ATTR.degraded]: result.provenance.degraded === true,
        [ATTR.degradedReason]: result.provenance.degradedReason,
        [ATTR.groundingDrops]: result.hallucinations?.length ?? 0,
        [ATTR.modelCalls]: result.modelCalls ?? 0,
        [ATTR.repaired]: result.repaired,
      });
      return result;
    },
  );
}
