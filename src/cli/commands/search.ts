import { Option, type Command } from 'commander';
import { OutroError } from '../../domain/errors.js';
import type { SearchOutput } from '../../app/search.js';
import { callApp } from '../call.js';
import type { CliContext } from '../context.js';
import { plural, writeJson, writeLines } from '../output.js';

const KINDS = ['message', 'decision', 'item', 'question', 'fact', 'conversation'] as const;
type KindWord = (typeof KINDS)[number];

interface SearchFlags {
  from?: string;
  channel?: string;
  since?: string;
  until?: string;
  kind?: string[];
  limit: string;
  json?: boolean;
}

export function registerSearch(program: Command, context: () => CliContext): void {
  program
    .command('search')
    .argument('<query...>', 'words, "an exact phrase", prefix*')
    .description(
      'Search everything stored — messages, conversations, decisions, action items, questions, facts — ranked, with highlighted snippets',
    )
    .option(
      '--from <person>',
      'only what this person wrote (a name, handle or email; every identity of them)',
    )
    .option('--channel <channel>', 'only this channel (its name, "#name" or key)')
    .option('--since <date>', 'from this day (YYYY-MM-DD, in the config timezone) or ISO time')
    .option('--until <date>', 'up to the end of this day or ISO time')
    .addOption(new Option('--kind <kind...>', 'only these kinds (repeat or list them)').choices([...KINDS]))
    .option('--limit <n>', 'results to show (1–1000)', '20')
    .option(
      '--json',
      'print {query, terms, total, hits[{kind, text, snippet, score, at, localTime, author, authorName, channel, channelName, source, nativeId, conversationId, state}], filters}',
    )
    .addHelpText(
      'after',
      `
Every word must match, in any form ("deploys" finds "deployed"). Write "an exact phrase" in double
quotes and prefix* for words that start with it. Identifiers such as OPS-1234 or v4.2.1 are found as
written. Punctuation, AND/OR/NEAR and other search syntax are searched as plain words. Matches are
ranked by BM25 (newest first among equals); «» marks the matched words in a snippet.

Examples:
  outro search "root cause" outage
  outro search refund* --from priya --since 2026-10-12
  outro search addendum --channel "#leads" --kind decision item
  outro search audit --json | jq -r '.hits[] | "\\(.localTime) \\(.authorName): \\(.text)"'`,
    )
    .action(async (words: string[], flags: SearchFlags) => {
      const ctx = context();
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        throw new OutroError('USAGE', `--limit ${flags.limit} is not a whole number from 1 to 1000.`);
      const result = await callApp(ctx, 'search', {
        query: words.join(' '),
        from: flags.from,
        channel: flags.channel,
        since: flags.since,
        until: flags.until,
        kinds: (flags.kind ?? []) as KindWord[],
        limit,
      });
      if (flags.json) writeJson(ctx.stdout, result);
      else writeLines(ctx.stdout, renderSearch(result));
    });
}

/** Plain text: one block per hit (where and who, then the snippet). */
export function renderSearch(result: SearchOutput): string[] {
  const scope = [
    result.filters.from ? `from ${result.filters.from.name}` : '',
    result.filters.channels
      ? `in ${result.filters.channels.map((channel) => `#${channel.name ?? channel.key}`).join(', ')}`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  const lines = [
    `${plural(result.total, 'match', 'matches')} for ${result.terms.join(' ')}${scope ? ` ${scope}` : ''}${result.total > result.hits.length ? ` (showing ${result.hits.length})` : ''}`,
  ];
  result.hits.forEach((hit, index) => {
    const where = hit.channelName ? `#${hit.channelName}` : (hit.channel ?? '');
    const kind =
      hit.kind === 'message' ? '' : ` [${hit.kind.replace('_', ' ')}${hit.state ? `, ${hit.state}` : ''}]`;
    const who = hit.authorName ?? hit.author ?? '';
    const cite = hit.nativeId ? ` (${hit.source ?? ''}${hit.source ? ' ' : ''}${hit.nativeId})` : '';
    lines.push(
      '',
      `${String(index + 1).padStart(2)}. ${hit.localTime}  ${where}  ${who}${kind}${cite}`,
      ...(hit.title ? [`    ${hit.title}`] : []),
      `    ${hit.snippet.replace(/\s+/g, ' ').trim()}`,
    );
  });
  return lines;
}
