import { OutroError } from '../domain/errors.js';
import { parseDuration, parseTolerantTime } from '../domain/time.js';
import { listConversations, type ConversationRow } from '../memory/conversation-queries.js';
import { latestProfiles } from '../memory/people-queries.js';
import type { AppContext } from './app-context.js';
import { whereOf } from './conversation-where.js';
import { modelRuntime } from './model.js';
import type { ConversationsInput } from './operation-inputs.js';

/** A conversation in another channel about the same thing (embedding similarity of topic and entities). */
export interface RelatedRow {
  conversationId: string;
  channel: string;
  /** "slack #eng", "discord dana" … */
  where: string;
  topic: string | null;
  score: number;
}

export interface ConversationsResult {
  /** The conversations to show, newest first (at most `limit`). */
  conversations: ConversationRow[];
  /** How many matched before `limit`. */
  total: number;
  /** With `related`: each shown conversation's related ones, by conversation id. */
  related?: Record<string, RelatedRow[]>;
  /** Display names of the participants, by person key. */
  names: Record<string, string>;
  /** What went wrong on the way without failing the command (an embedder that failed). */
  warnings: string[];
}

/** `--since 3d` or an ISO time, relative to now. */
function timeOption(value: string | undefined, now: Date, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const duration = parseDuration(value);
  if (duration !== undefined) return new Date(now.getTime() - duration).toISOString();
  const time = parseTolerantTime(value);
  if (!time)
    throw new OutroError(
      'USAGE',
      `${flag} ${value} is not a time; use a duration (24h, 3d) or ISO 8601 (2026-11-19, 2026-11-19T09:00:00+01:00).`,
    );
  return time;
}

/** `outro conversations`: the conversations the channels were split into, with topic, summary and item counts. */
export async function conversations(
  ctx: AppContext,
  input: ConversationsInput,
): Promise<ConversationsResult> {
  const db = ctx.store().db;
  const now = ctx.now();
  const rows = listConversations(db, {
    channel: input.channel,
    since: timeOption(input.since, now, '--since'),
    until: timeOption(input.until, now, '--until'),
  }).filter((row) => input.all || !row.annotation?.noise);
  const shown = rows.slice(0, input.limit);
  const warnings: string[] = [];
  const related =
    input.related && shown.length > 0
      ? await relatedOf(ctx, shown, listConversations(db), warnings)
      : undefined;
  const names =
    shown.length > 0
      ? Object.fromEntries(
          latestProfiles(db).map((person) => [person.key, person.names[0] ?? person.nativeId]),
        )
      : {};
  return { conversations: shown, total: rows.length, ...(related ? { related } : {}), names, warnings };
}

/** Related conversations in other channels for each shown row, among every conversation on record. */
async function relatedOf(
  ctx: AppContext,
  shown: ConversationRow[],
  all: ConversationRow[],
  warnings: string[],
): Promise<Record<string, RelatedRow[]>> {
  const [{ conversationText, relatedConversations }, { HashedEmbedder }] = await Promise.all([
    import('../answers/related/related-conversations.js'),
    import('../llm/embeddings/hashed-embedder.js'),
  ]);
  const pool = all.filter((row) => !row.annotation?.noise);
  const texts = pool.map(conversationText);
  const runtime = await modelRuntime(ctx);
  let found: Awaited<ReturnType<typeof relatedConversations>> | undefined;
  if (runtime && runtime.settings.embed.kind !== 'hashed') {
    try {
      const { createEmbedder } = await import('../llm/embeddings/create-embedder.js');
      found = await relatedConversations(texts, await createEmbedder(runtime.settings, runtime.client), {
        otherChannels: true,
      });
    } catch (error) {
      warnings.push(
        `the configured embedder failed (${(error as Error).message}); related conversations use the built-in one.`,
      );
    }
  }
  found ??= await relatedConversations(texts, new HashedEmbedder(), { otherChannels: true });
  const byId = new Map(pool.map((row) => [row.conversationId, row]));
  return Object.fromEntries(
    shown.map((row) => [
      row.conversationId,
      (found.get(row.conversationId) ?? []).map((hit) => {
        const other = byId.get(hit.conversationId);
        return {
          conversationId: hit.conversationId,
          channel: hit.channel,
          where: other ? whereOf(other) : hit.channel,
          topic: other?.annotation?.topic ?? null,
          score: hit.score,
        };
      }),
    ]),
  );
}
