import { basename } from 'node:path';
import type { AskOptions } from '../answers/ask/ask.js';
import type { AnswerEvidence, AskAnswer } from '../answers/ask/ask-types.js';
import type { EntityHistory } from '../answers/ask/entity-history.js';
import { OutroError } from '../domain/errors.js';
import type { Embedder } from '../llm/embeddings/embedder.js';
import { storeDatabase, type AppContext } from './app-context.js';
import { modelRuntime, modelSettings } from './model.js';
import type { AskInput, HistoryInput } from './operation-inputs.js';

/** An answer, and the zone its dates are shown in (config `timezone`). */
export interface AskResult {
  answer: AskAnswer;
  timeZone?: string;
}

/**
 * `outro ask`: an answer with confidence, evidence and history, or "I don't know". Reads the
 * store's database alone (`storeDatabase`, never `ctx.store()`): see DATABASE_ONLY_OPERATIONS.
 */
export async function ask(ctx: AppContext, input: AskInput): Promise<AskResult> {
  const config = ctx.config();
  let asOf: string | undefined;
  if (input.asOf !== undefined) {
    const { parseAsOf } = await import('../answers/ask/parse-question.js');
    asOf = parseAsOf(input.asOf, config.timezone);
    if (!asOf)
      throw new OutroError(
        'USAGE',
        `--as-of ${input.asOf} is not a date; use YYYY-MM-DD or an ISO time like 2026-11-10T12:00:00+01:00.`,
      );
  }
  if (!input.model || !modelSettings(ctx)) {
    // No model: a question no pattern understands is answered from the search index alone, so the graph is not opened.
    const byIndex = await answerFromIndexAlone(ctx, input.question, asOf);
    if (byIndex) {
      await nameChannels(ctx, [...byIndex.evidence, ...(byIndex.maybeRelevant ?? [])]);
      return { answer: byIndex, timeZone: config.timezone };
    }
  }
  // Loaded here: the graph (Kùzu) and tracing are not needed when the index alone answers.
  const [{ withAskSources }, { withTracing }] = await Promise.all([
    import('./ask-sources.js'),
    import('./tracing.js'),
  ]);
  const prepare = async () => {
    const { ask: answer } = await import('../answers/ask/ask.js');
    return { answer, withModel: await modelOptions(ctx, input.model) };
  };
  const answer = await withAskSources(
    ctx,
    // With a model, the stage and chat spans go to the store's traces, so `outro status` counts ask's model calls and drops.
    (sources, { answer, withModel }) =>
      withModel.model
        ? withTracing(ctx, () => answer(input.question, sources, { asOf, ...withModel }))
        : answer(input.question, sources, { asOf, ...withModel }),
    prepare,
  );
  await nameChannels(ctx, [...answer.evidence, ...(answer.maybeRelevant ?? [])]);
  return { answer, timeZone: config.timezone };
}

/** ask()'s answer without a model when the search index alone gives it (no question pattern matches); else undefined. */
async function answerFromIndexAlone(
  ctx: AppContext,
  question: string,
  asOf: string | undefined,
): Promise<AskAnswer | undefined> {
  const config = ctx.config();
  const now = ctx.now();
  const { answeredByIndexAlone, askByRetrieval } = await import('../answers/ask/ask-by-retrieval.js');
  if (!answeredByIndexAlone(question, now, config.timezone, asOf)) return undefined;
  const { openIndexSources } = await import('../answers/ask/open-index-sources.js');
  return askByRetrieval(
    question,
    openIndexSources({ db: storeDatabase(ctx), now, timeZone: config.timezone }),
    asOf,
  );
}

/** Every fact about an entity over time, and the zone its dates are shown in. */
export interface HistoryResult {
  history: EntityHistory;
  timeZone?: string;
}

/** `outro history`: asserted, superseded, ended and retracted facts with their evidence (entity null: nothing by that name). */
export async function history(ctx: AppContext, input: HistoryInput): Promise<HistoryResult> {
  const [{ entityHistory }, { withAskSources }] = await Promise.all([
    import('../answers/ask/entity-history.js'),
    import('./ask-sources.js'),
  ]);
  const found = await withAskSources(ctx, (sources) => entityHistory(input.entity, sources));
  await nameChannels(ctx, [
    ...found.facts.flatMap((fact) => fact.evidence),
    ...found.decisions.flatMap((decision) => decision.evidence),
  ]);
  return { history: found, timeZone: ctx.config().timezone };
}

/** Sets each evidence's channel label (`#billing`, never `slack:C04…`) from the log's channels. */
async function nameChannels(ctx: AppContext, evidence: AnswerEvidence[]): Promise<void> {
  if (evidence.length === 0) return;
  const [{ ChannelDirectory }, { loadPeopleDirectory }] = await Promise.all([
    import('../answers/channel-names.js'),
    import('../answers/people/directory-snapshot.js'),
  ]);
  const db = storeDatabase(ctx);
  const channels = ChannelDirectory.fromDatabase(db);
  let people: ReturnType<typeof loadPeopleDirectory> | undefined;
  const personName = (key: string): string => (people ??= loadPeopleDirectory(db)).name(key);
  for (const item of evidence) item.channelName = channels.labelOf(item.source, item.channel, personName);
}

/**
 * The model path when one is configured (config `model:` or OUTRO_MODEL) and not switched off:
 * the shared Ollama client, replies cached in the store's stage cache, and the configured embedder
 * (the built-in hashed one unless `model.embed` names another). A local or Ollama embedder loads
 * only when a question needs similarity; if it fails, that answer says degraded and why.
 */
async function modelOptions(
  ctx: AppContext,
  enabled: boolean,
): Promise<Pick<AskOptions, 'model' | 'embedder'>> {
  if (!enabled) return {};
  const runtime = await modelRuntime(ctx);
  if (!runtime) return {};
  const { SqliteStageCache } = await import('../memory/stage-cache-store.js');
  const embed = runtime.settings.embed;
  const embedder =
    embed.kind === 'hashed'
      ? undefined
      : lazyEmbedder(
          embed.kind === 'local' ? `local:${basename(embed.dir)}` : `ollama:${embed.name}`,
          async () =>
            (await import('../llm/embeddings/create-embedder.js')).createEmbedder(
              runtime.settings,
              runtime.client,
            ),
        );
  return {
    model: { client: runtime.client, cache: new SqliteStageCache(storeDatabase(ctx), ctx.now) },
    embedder,
  };
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
