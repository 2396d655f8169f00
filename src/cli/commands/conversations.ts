import type { Command } from 'commander';
import { whereOf } from '../../app/conversation-where.js';
import type { RelatedRow } from '../../app/conversations.js';
import { OutroError } from '../../domain/errors.js';
import type { ConversationRow } from '../../memory/conversation-queries.js';
import { callApp } from '../call.js';
import type { CliContext } from '../context.js';
import { formatTime, plural, writeJson, writeLines } from '../output.js';

export function registerConversations(program: Command, context: () => CliContext): void {
  program
    .command('conversations')
    .description(
      'List the conversations outro split the channels into, with their topic, summary and what was extracted',
    )
    .option('--channel <channel>', 'only this channel: its name (eng, #eng) or key (slack:T…:C…)')
    .option('--since <time>', 'only conversations active since then: a duration (24h, 3d) or an ISO time')
    .option('--until <time>', 'only conversations that started before then')
    .option('--all', 'include noise (bot chatter, joins, small talk)')
    .option('--limit <n>', 'at most this many (newest first)', '50')
    .option(
      '--related',
      'with each conversation, up to 3 conversations in other channels about the same thing (embedding similarity of topic and entities)',
    )
    .option(
      '--json',
      'print the conversations as JSON (message ids, participants, annotation, item counts, related)',
    )
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
    .action(
      async (options: {
        channel?: string;
        since?: string;
        until?: string;
        all?: boolean;
        limit: string;
        related?: boolean;
        json?: boolean;
      }) => {
        const ctx = context();
        const limit = Number(options.limit);
        if (!Number.isInteger(limit) || limit <= 0)
          throw new OutroError('USAGE', `--limit ${options.limit} is not a positive whole number.`);
        const result = await callApp(ctx, 'conversations', {
          channel: options.channel,
          since: options.since,
          until: options.until,
          all: options.all === true,
          limit,
          related: options.related === true,
        });
        for (const warning of result.warnings) ctx.stderr.write(`outro: ${warning}\n`);
        const { conversations: shown, related } = result;
        if (options.json) {
          writeJson(
            ctx.stdout,
            related ? shown.map((row) => ({ ...row, related: related[row.conversationId] ?? [] })) : shown,
          );
          return;
        }
        if (result.total === 0) {
          writeLines(ctx.stdout, [
            'No conversations match. Run `outro ingest` first, or widen --since / --channel.',
          ]);
          return;
        }
        const names = new Map(Object.entries(result.names));
        writeLines(ctx.stdout, [
          ...shown.flatMap((row) => renderRow(row, names, related?.[row.conversationId])),
          ...(result.total > shown.length ? [`… ${result.total - shown.length} more (--limit)`] : []),
        ]);
      },
    );
}

function renderRow(row: ConversationRow, names: Map<string, string>, related?: RelatedRow[]): string[] {
  const where = whereOf(row);
  const labels: Record<keyof ConversationRow['counts'], string> = {
    decisions: 'decision',
    actionItems: 'action item',
    questions: 'question',
    facts: 'fact',
  };
  const items = (Object.keys(labels) as Array<keyof ConversationRow['counts']>)
    .filter((kind) => row.counts[kind] > 0)
    .map((kind) => plural(row.counts[kind], labels[kind]));
  return [
    `${formatTime(row.start)} → ${formatTime(row.end)}  ${where}  ${row.annotation?.topic ?? '(not annotated yet)'}`,
    `  ${plural(row.messages.length, 'message')}; ${row.participants.map((key) => names.get(key) ?? key).join(', ')}${items.length > 0 ? `; ${items.join(', ')}` : ''}`,
    ...(row.annotation?.summary ? row.annotation.summary.split('\n').map((line) => `  ${line}`) : []),
    ...(related && related.length > 0
      ? [
          `  related: ${related.map((hit) => `${hit.where} "${hit.topic ?? '?'}" ${hit.score.toFixed(2)}`).join(' · ')}`,
        ]
      : []),
    '',
  ];
}
