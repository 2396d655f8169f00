import type { Command } from 'commander';
import { OutroError } from '../../domain/errors.js';
import { callApp } from '../call.js';
import type { CliContext } from '../context.js';
import { writeJson, writeLines } from '../output.js';

interface ItemsFlags {
  kind?: string[];
  for?: string;
  open?: boolean;
  done?: boolean;
  since?: string;
  until?: string;
  channel?: string;
  json?: boolean;
}

const KINDS: Record<string, 'decision' | 'action' | 'question'> = {
  decision: 'decision',
  decisions: 'decision',
  action: 'action',
  actions: 'action',
  todo: 'action',
  question: 'question',
  questions: 'question',
};

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',')];
}

export function registerItems(program: Command, context: () => CliContext): void {
  program
    .command('items')
    .description(
      'Decisions, action items and questions as one list to work from: who it is for, where it stands, its history and the messages it rests on',
    )
    .option(
      '--kind <kind>',
      'only this kind: decision, action or question (repeat, or comma-separate, for several)',
      collect,
    )
    .option(
      '--for <person>',
      "only items for this person: an action item's assignee or a question's addressee (any handle, id, display name or email, on any source)",
    )
    .option('--open', 'only open items: action items not done, questions not answered')
    .option('--done', 'only closed items: action items done, questions answered')
    .option(
      '--since <time>',
      'only items raised, taken on, answered, done or reversed since then: a duration back from now (24h, 3d) or an ISO time',
    )
    .option('--until <time>', 'list items as they stood then (same forms); default now')
    .option('--channel <channel>', 'only this channel: its name (eng, #eng) or key (slack:T…:C…)')
    .option('--json', 'print the list as JSON (every item with its history and every cited message)')
    .addHelpText(
      'after',
      `
Open items come first (overdue, due soon, later, then undated), then the rest, latest change
first. Each item shows its history — asked or assigned, taken on, answered or done, decided or
reversed — with who, when (config \`timezone\`) and the message that says so (source, channel,
author, local time, native id). Decisions have no assignee and are never open or done: --for,
--open and --done leave them out. People are one per human across sources (see \`outro people\`).

Examples:
  outro items --open                         everything still open, overdue first
  outro items --kind action --for leila       Leila's action items, open and done
  outro items --kind question --for me@acme.io --open
  outro items --done --since 7d              what got done or answered this week
  outro items --kind decision --channel leads --since 2026-10-01
  outro items --open --json | jq -r '.items[] | "\\(.due // "-") \\(.text)"'`,
    )
    .action(async (flags: ItemsFlags) => {
      if (flags.open && flags.done)
        throw new OutroError('USAGE', '--open and --done exclude each other; pass one, or neither for both.');
      const kinds = [
        ...new Set(
          (flags.kind ?? [])
            .map((kind) => kind.trim().toLowerCase())
            .filter((kind) => kind !== '')
            .map((kind) => {
              const known = KINDS[kind];
              if (!known)
                throw new OutroError(
                  'USAGE',
                  `--kind ${kind} is not a kind; use decision, action or question.`,
                );
              return known;
            }),
        ),
      ];
      const ctx = context();
      const result = await callApp(ctx, 'items', {
        kinds: kinds.length > 0 ? kinds : undefined,
        for: flags.for,
        state: flags.open ? 'open' : flags.done ? 'done' : undefined,
        since: flags.since,
        until: flags.until,
        channel: flags.channel,
      });
      if (flags.json) return writeJson(ctx.stdout, result);
      const { renderItemsText } = await import('../../answers/items/render-items.js');
      writeLines(ctx.stdout, renderItemsText(result));
    });
}
