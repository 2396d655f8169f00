import { basename } from 'node:path';
import type { Command } from 'commander';
import { OutroError } from '../../domain/errors.js';
import type { AskSources } from '../../answers/ask/answer-support.js';
import type { AskOptions } from '../../answers/ask/ask.js';
import type { Embedder } from '../../llm/embeddings/embedder.js';
import type { CliContext } from '../context.js';
import { writeJson, writeLines } from '../output.js';

/**
 * Opens the graph (brought up to the end of the log first) and what answers read, runs `fn`, and
 * closes the graph whatever happens: Kùzu allows one process per database, so a command holds it
 * only while it runs.
 */
export async function withAskSources<T, P = undefined>(ctx: CliContext, fn: (sources: AskSources, prepared: P) => Promise<T>, prepare?: () => Promise<P>): Promise<T> {
  const config = ctx.config();
  // Loaded lazily: it pulls in the Kùzu native module, which other commands never need.
  const [{ openAskSources }, { meList }] = await Promise.all([import('../../answers/ask/open-sources.js'), import('../../app/config.js')]);
  const opening = openAskSources({ db: ctx.store().db, graphDir: ctx.paths.graphDir, me: meList(config), now: ctx.now(), timeZone: config.timezone });
  // Kùzu opens on its own thread: load what the answer needs meanwhile (a cold `ask` is mostly waiting).
  const [opened, prepared] = await Promise.allSettled([opening, prepare ? prepare() : Promise.resolve(undefined as P)]);
  if (opened.status === 'rejected') throw opened.reason;
  const { sources, close } = opened.value;
  try {
    if (prepared.status === 'rejected') throw prepared.reason;
    return await fn(sources, prepared.value);
  } finally {
    await close();
  }
}

export function registerAsk(program: Command, context: () => CliContext): void {
  program
    .command('ask')
    .argument('<question...>', 'a question in plain English (quote it, or not)')
    .description('Answer a question about who owns what, what was decided and what waits on you, with confidence, evidence and history — or say "I don\'t know"')
    .option('--as-of <date>', 'answer as of a day (YYYY-MM-DD, end of that day in the config timezone) or an ISO time')
    .option('--json', 'print the answer as JSON: {text, known, confidence, evidence[], asOf, history[], entity, searched, understoodBy, degraded, degradedReason, match, wording, model}')
    .option('--no-model', 'patterns and the built-in embeddings only, even when a model is configured')
    .addHelpText(
      'after',
      `
Questions understood (no model needed):
  who owns X · who owned X last week · who owned X on 2026-11-10 · who took over X
  who should I ask about X   (owner, then expertise, then the most active participants)
  who is working on X · who knows X best · what did we decide about X
  what is PERSON working on · what is blocking PERSON|X · what is waiting on me (config \`me\`)
  what changed about X       (the 7 days before --as-of)
X is matched against component/project names and aliases; people by name, handle or email.
When no name matches, the nearest component by embeddings (names, aliases, conversation topics)
is used if it is close enough, and the answer says so with the score.
With no support in the data the answer is "I don't know", with what was searched.

With a model (config \`model:\` or OUTRO_MODEL=ollama:<name>), questions the patterns miss are
understood by the model ("anyone know who's in charge of billing these days?") and known answers
get a one-or-two-sentence wording. The facts, evidence and confidence always come from the data;
a model reply that names anything not in it is dropped. When the model is down or unsure the
answer says "degraded" and why. Replies are cached: asking again makes no model call.

Examples:
  outro ask who owns billing
  outro ask "who owned the billing service last week?"
  outro ask "what did we decide about search" --as-of 2026-11-12
  outro ask "what is waiting on me" --json | jq -r '.text'
  OUTRO_MODEL=ollama:llama3.2:3b outro ask "anyone know who's in charge of billing these days?"`,
    )
    .action(async (words: string[], options: { asOf?: string; json?: boolean; model?: boolean }) => {
      const ctx = context();
      const question = words.join(' ').trim();
      if (question === '') throw new OutroError('USAGE', 'Ask a question, e.g. outro ask "who owns billing".');
      const config = ctx.config();
      let asOf: string | undefined;
      if (options.asOf !== undefined) {
        const { parseAsOf } = await import('../../answers/ask/parse-question.js');
        asOf = parseAsOf(options.asOf, config.timezone);
        if (!asOf) throw new OutroError('USAGE', `--as-of ${options.asOf} is not a date; use YYYY-MM-DD or an ISO time like 2026-11-10T12:00:00+01:00.`);
      }
      const prepare = async () => {
        const [{ ask }, { renderAnswer }] = await Promise.all([import('../../answers/ask/ask.js'), import('../../answers/ask/render-answer.js')]);
        return { ask, renderAnswer, withModel: await modelOptions(ctx, options.model !== false) };
      };
      const { answer, renderAnswer } = await withAskSources(
        ctx,
        async (sources, { ask, renderAnswer, withModel }) => ({ answer: await traced(ctx, withModel.model !== undefined, () => ask(question, sources, { asOf, ...withModel })), renderAnswer }),
        prepare,
      );
      if (options.json) writeJson(ctx.stdout, answer);
      else writeLines(ctx.stdout, renderAnswer(answer, config.timezone));
    });
}

/**
 * The model path when one is configured (config `model:` or OUTRO_MODEL) and not switched off:
 * the shared Ollama client, replies cached in the store's stage cache, and the configured embedder
 * (the built-in hashed one unless `model.embed` names another). A local or Ollama embedder loads
 * only when a question needs similarity; if it fails, that answer says degraded and why.
 */
async function modelOptions(ctx: CliContext, enabled: boolean): Promise<Pick<AskOptions, 'model' | 'embedder'>> {
  if (!enabled) return {};
  // Settings first (cheap): the Ollama client loads only when a model is configured.
  const { resolveModelConfig } = await import('../../llm/model-settings.js');
  if (!resolveModelConfig(ctx.config(), ctx.env)) return {};
  const { createModelRuntime } = await import('../../llm/model-runtime.js');
  const runtime = createModelRuntime(ctx.config(), ctx.env);
  if (!runtime) return {};
  const { SqliteStageCache } = await import('../../memory/stage-cache-store.js');
  const embed = runtime.settings.embed;
  const embedder = embed.kind === 'hashed' ? undefined : lazyEmbedder(embed.kind === 'local' ? `local:${basename(embed.dir)}` : `ollama:${embed.name}`, async () => (await import('../../llm/embeddings/create-embedder.js')).createEmbedder(runtime.settings, runtime.client));
  return { model: { client: runtime.client, cache: new SqliteStageCache(ctx.store().db, ctx.now) }, embedder };
}

function lazyEmbedder(id: string, load: () => Promise<Embedder>): Embedder {
  let loaded: Promise<Embedder> | undefined;
  return {
    id,
    dimension: undefined,
    async embed(texts, signal) {
      loaded ??= load();
      return (await loaded).embed(texts, signal);
    },
  };
}

/** With a model, the stage and chat spans go to the store's traces, so `outro status` counts ask's model calls and drops. */
async function traced<T>(ctx: CliContext, enabled: boolean, work: () => Promise<T>): Promise<T> {
  if (!enabled) return work();
  const { createTracing } = await import('../../observability/tracing.js');
  const { runWithTracer } = await import('../../observability/tracer.js');
  const tracing = createTracing(ctx.store().db, ctx.config().trace, ctx.env);
  try {
    return await runWithTracer(tracing.tracer, work);
  } finally {
    await tracing.flush();
    tracing.prune(ctx.now().getTime());
  }
}
