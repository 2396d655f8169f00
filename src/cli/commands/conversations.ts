import type { Command } from 'commander';
import { OutroError } from '../../domain/errors.js';
import { parseDuration, parseTolerantTime } from '../../domain/time.js';
import type { ConversationRow } from '../../memory/conversation-queries.js';
import type { CliContext } from '../context.js';
import { formatTime, plural, writeJson, writeLines } from '../output.js';

/** `--since 3d` or an ISO time, relative to now. */
function timeOption(value: string | undefined, now: Date, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const duration = parseDuration(value);
  if (duration !== undefined) return new Date(now.getTime() - duration).toISOString();
  const time = parseTolerantTime(value);
  if (!time) throw new OutroError('USAGE', `${flag} ${value} is not a time; use a duration (24h, 3d) or ISO 8601 (2026-11-19, 2026-11-19T09:00:00+01:00).`);
  return time;
}

export function registerConversations(program: Command, context: () => CliContext): void {
  program
    .command('conversations')
    .description('List the conversations outro split the channels into, with their topic, summary and what was extracted')
    .option('--channel <channel>', 'only this channel: its name (eng, #eng) or key (slack:T…:C…)')
    .option('--since <time>', 'only conversations active since then: a duration (24h, 3d) or an ISO time')
    .option('--until <time>', 'only conversations that started before then')
    .option('--all', 'include noise (bot chatter, joins, small talk)')
    .option('--limit <n>', 'at most this many (newest first)', '50')
    .option('--related', 'with each conversation, up to 3 conversations in other channels about the same thing (embedding similarity of topic and entities)')
    .option('--json', 'print the conversations as JSON (message ids, participants, annotation, item counts, related)')
    .addHelpText(
      'after',
      `
Conversations come from the disentangler (threads, replies, addressing, timing and a learned
scorer) and are annotated by the annotate stage; both run as agents after \`outro ingest\`.

--related compares what conversations are about (topic and named components) with the configured
embedder: the built-in hashed one by default (lexical, needs nothing; floor 0.6), or \`model.embed\`
(a local ONNX model or Ollama; floor 0.75). If that embedder fails, the built-in one is used and a
note says so.

Examples:
  outro conversations --since 3d
  outro conversations --channel eng --json | jq '.[0].annotation.topic'
  outro conversations --channel incidents --related     # the same story in other channels`,
    )
    .action(async (options: { channel?: string; since?: string; until?: string; all?: boolean; limit: string; related?: boolean; json?: boolean }) => {
      const ctx = context();
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit <= 0) throw new OutroError('USAGE', `--limit ${options.limit} is not a positive whole number.`);
      const [{ listConversations }, { allLinks, latestProfiles }, { PeopleDirectory }] = await Promise.all([import('../../memory/conversation-queries.js'), import('../../memory/people-queries.js'), import('../../answers/people/people-directory.js')]);
      const now = ctx.now();
      const rows = listConversations(ctx.store().db, {
        channel: options.channel,
        since: timeOption(options.since, now, '--since'),
        until: timeOption(options.until, now, '--until'),
      }).filter((row) => options.all || !row.annotation?.noise);
      const shown = rows.slice(0, limit);
      const related = options.related && shown.length > 0 ? await relatedOf(ctx, shown, listConversations(ctx.store().db)) : undefined;
      if (options.json) {
        writeJson(ctx.stdout, related ? shown.map((row) => ({ ...row, related: related.get(row.conversationId) ?? [] })) : shown);
        return;
      }
      if (rows.length === 0) {
        writeLines(ctx.stdout, ['No conversations match. Run `outro ingest` first, or widen --since / --channel.']);
        return;
      }
      const people = new PeopleDirectory(latestProfiles(ctx.store().db), allLinks(ctx.store().db));
      const names = new Map(shown.flatMap((row) => row.participants).map((key) => [key, people.name(key)]));
      writeLines(ctx.stdout, [...shown.flatMap((row) => renderRow(row, names, related?.get(row.conversationId))), ...(rows.length > shown.length ? [`… ${rows.length - shown.length} more (--limit)`] : [])]);
    });
}

interface RelatedRow {
  conversationId: string;
  channel: string;
  where: string;
  topic: string | null;
  score: number;
}

/** Related conversations in other channels for each shown row, among every conversation on record. */
async function relatedOf(ctx: CliContext, shown: ConversationRow[], all: ConversationRow[]): Promise<Map<string, RelatedRow[]>> {
  const [{ conversationText, relatedConversations }, { HashedEmbedder }, { createModelRuntime }] = await Promise.all([
    import('../../answers/related/related-conversations.js'),
    import('../../llm/embeddings/hashed-embedder.js'),
    import('../../llm/model-runtime.js'),
  ]);
  const pool = all.filter((row) => !row.annotation?.noise);
  const texts = pool.map(conversationText);
  const runtime = createModelRuntime(ctx.config(), ctx.env);
  let found: Awaited<ReturnType<typeof relatedConversations>> | undefined;
  if (runtime && runtime.settings.embed.kind !== 'hashed') {
    try {
      const { createEmbedder } = await import('../../llm/embeddings/create-embedder.js');
      found = await relatedConversations(texts, await createEmbedder(runtime.settings, runtime.client), { otherChannels: true });
    } catch (error) {
      ctx.stderr.write(`outro: the configured embedder failed (${(error as Error).message}); related conversations use the built-in one.\n`);
    }
  }
  found ??= await relatedConversations(texts, new HashedEmbedder(), { otherChannels: true });
  const byId = new Map(pool.map((row) => [row.conversationId, row]));
  return new Map(
    shown.map((row) => [
      row.conversationId,
      (found.get(row.conversationId) ?? []).map((hit) => {
        const other = byId.get(hit.conversationId);
        return { conversationId: hit.conversationId, channel: hit.channel, where: other ? whereOf(other) : hit.channel, topic: other?.annotation?.topic ?? null, score: hit.score };
      }),
    ]),
  );
}

function whereOf(row: ConversationRow): string {
  const source = row.channel.split(':')[0];
  const direct = row.channelKind === 'dm' || row.channelKind === 'group_dm';
  return row.channelName ? `${source} ${direct ? row.channelName : `#${row.channelName.replace(/^#/, '')}`}` : row.channel;
}

function renderRow(row: ConversationRow, names: Map<string, string>, related?: RelatedRow[]): string[] {
  const where = whereOf(row);
  const labels: Record<keyof ConversationRow['counts'], string> = { decisions: 'decision', actionItems: 'action item', questions: 'question', facts: 'fact' };
  const items = (Object.keys(labels) as Array<keyof ConversationRow['counts']>).filter((kind) => row.counts[kind] > 0).map((kind) => plural(row.counts[kind], labels[kind]));
  return [
    `${formatTime(row.start)} → ${formatTime(row.end)}  ${where}  ${row.annotation?.topic ?? '(not annotated yet)'}`,
    `  ${plural(row.messages.length, 'message')}; ${row.participants.map((key) => names.get(key) ?? key).join(', ')}${items.length > 0 ? `; ${items.join(', ')}` : ''}`,
    ...(row.annotation?.summary ? row.annotation.summary.split('\n').map((line) => `  ${line}`) : []),
    ...(related && related.length > 0 ? [`  related: ${related.map((hit) => `${hit.where} "${hit.topic ?? '?'}" ${hit.score.toFixed(2)}`).join(' · ')}`] : []),
    '',
  ];
}
