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
    .option('--json', 'print the conversations as JSON (message ids, participants, annotation, item counts)')
    .addHelpText(
      'after',
      `
Conversations come from the disentangler (threads, replies, addressing, timing and a learned
scorer) and are annotated by the annotate stage; both run as agents after \`outro ingest\`.

Examples:
  outro conversations --since 3d
  outro conversations --channel eng --json | jq '.[0].annotation.topic'`,
    )
    .action(async (options: { channel?: string; since?: string; until?: string; all?: boolean; limit: string; json?: boolean }) => {
      const ctx = context();
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit <= 0) throw new OutroError('USAGE', `--limit ${options.limit} is not a positive whole number.`);
      const [{ listConversations }, { latestProfiles }] = await Promise.all([import('../../memory/conversation-queries.js'), import('../../memory/people-queries.js')]);
      const now = ctx.now();
      const rows = listConversations(ctx.store().db, {
        channel: options.channel,
        since: timeOption(options.since, now, '--since'),
        until: timeOption(options.until, now, '--until'),
      }).filter((row) => options.all || !row.annotation?.noise);
      const shown = rows.slice(0, limit);
      if (options.json) {
        writeJson(ctx.stdout, shown);
        return;
      }
      if (rows.length === 0) {
        writeLines(ctx.stdout, ['No conversations match. Run `outro ingest` first, or widen --since / --channel.']);
        return;
      }
      const names = new Map(latestProfiles(ctx.store().db).map((person) => [person.key, person.names[0] ?? person.nativeId]));
      writeLines(ctx.stdout, [...shown.flatMap((row) => renderRow(row, names)), ...(rows.length > shown.length ? [`… ${rows.length - shown.length} more (--limit)`] : [])]);
    });
}

function renderRow(row: ConversationRow, names: Map<string, string>): string[] {
  const source = row.channel.split(':')[0];
  const direct = row.channelKind === 'dm' || row.channelKind === 'group_dm';
  const where = row.channelName ? `${source} ${direct ? row.channelName : `#${row.channelName.replace(/^#/, '')}`}` : row.channel;
  const labels: Record<keyof ConversationRow['counts'], string> = { decisions: 'decision', actionItems: 'action item', questions: 'question', facts: 'fact' };
  const items = (Object.keys(labels) as Array<keyof ConversationRow['counts']>).filter((kind) => row.counts[kind] > 0).map((kind) => plural(row.counts[kind], labels[kind]));
  return [
    `${formatTime(row.start)} → ${formatTime(row.end)}  ${where}  ${row.annotation?.topic ?? '(not annotated yet)'}`,
    `  ${plural(row.messages.length, 'message')}; ${row.participants.map((key) => names.get(key) ?? key).join(', ')}${items.length > 0 ? `; ${items.join(', ')}` : ''}`,
    ...(row.annotation?.summary ? row.annotation.summary.split('\n').map((line) => `  ${line}`) : []),
    '',
  ];
}
