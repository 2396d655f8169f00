import { resolve } from 'node:path';
import type { Command } from 'commander';
import { describeDrain } from '../../app/describe-drain.js';
import type { IngestSummary } from '../../app/ingest.js';
import { OutroError } from '../../domain/errors.js';
import { callApp } from '../call.js';
import type { CliContext } from '../context.js';
import { plural, writeJson, writeLines } from '../output.js';
import { ProgressLine, showsProgress } from '../progress.js';

export function registerIngest(program: Command, context: () => CliContext): void {
  program
    .command('ingest')
    .description('Read chat exports and calendars into the event log (formats are detected from content)')
    .argument(
      '<paths...>',
      'Slack export (.zip or folder), DiscordChatExporter .json, Teams/Graph chatMessage .json, .ics, or folders of them',
    )
    .option('--json', 'print the summary as JSON')
    .option(
      '--no-agents',
      'only store the events; skip running the agents (conversations, facts, projections) afterwards',
    )
    .addHelpText(
      'after',
      `
Re-ingesting the same export appends nothing; a newer export of the same channel appends only
what changed (new messages, edits, deletions). Files that cannot be read are reported and
skipped; everything else is stored. Exit status: 0 all read, 3 some files or records skipped,
4 nothing could be read. Afterwards the agents run in this process until every event is handled
(a killed run resumes from its checkpoints on the next ingest); --no-agents skips them.
OUTRO_WORKERS=2 (or config workers: 2) annotates ahead on a worker thread too; the events are
the same as with one thread (default 1: on a busy 2-core machine it cost more than it saved).

Examples:
  outro ingest ~/Downloads/acme-slack-export.zip
  outro ingest exports/discord/*.json exports/teams/ calendar.ics
  outro ingest fixtures/workspace --json`,
    )
    .action(async (paths: string[], options: { json?: boolean; agents: boolean }) => {
      const ctx = context();
      const progress = showsProgress(ctx.stderr, ctx.env, options.json)
        ? new ProgressLine(ctx.stderr)
        : undefined;
      // Read at absolute paths (the daemon has no working directory of the user's), named as typed.
      const inputs = paths.map((path) => ({ path: resolve(path), shown: path }));
      const { summary, agents, agentsFailed } = await callApp(
        ctx,
        'ingest',
        { inputs, agents: options.agents },
        progress ? { onIngestProgress: progress.ingest, onAgentProgress: progress.agents } : {},
      ).finally(() => progress?.done());
      if (options.json) writeJson(ctx.stdout, agents ? { ...summary, agents } : summary);
      else writeLines(ctx.stdout, [...renderSummary(summary), ...(agents ? [describeDrain(agents)] : [])]);
      if (agentsFailed) {
        throw new OutroError(
          'WORKFLOW_FAILED',
          `The events were stored, but running the agents failed: ${agentsFailed.message}. Run \`outro ingest\` again to resume, or \`outro runs --status failed\`.`,
          { cause: new Error(agentsFailed.message) },
        );
      }
      const skipped = summary.problems.filter((problem) => problem.severity !== 'warning').length;
      if (summary.status === 'failed')
        throw new OutroError(
          'INPUT_UNREADABLE',
          `Nothing could be read from ${paths.join(', ')}; see the problems above.`,
        );
      if (summary.status === 'partial')
        throw new OutroError(
          'PARTIAL',
          `${plural(skipped, 'item')} skipped; everything else was stored. \`outro status\` lists them.`,
        );
    });
}

export function renderSummary(summary: IngestSummary): string[] {
  const lines = [
    `Ingested ${plural(summary.inputs.length, 'input')}: ${plural(summary.files, 'file')}, ${plural(summary.events, 'event')} read, ${summary.appended.toLocaleString('en-US')} new (${plural(summary.edited, 'edit')}), ${plural(summary.linksAppended, 'new cross-source link')}.`,
  ];
  for (const input of summary.inputs) lines.push(`  ${input.format.padEnd(17)} ${input.path}`);
  const problems = summary.problems;
  if (problems.length > 0) {
    lines.push(`${plural(problems.length, 'problem')}:`);
    for (const problem of problems) {
      const where =
        problem.recordIndex === undefined ? problem.path : `${problem.path} [record ${problem.recordIndex}]`;
      lines.push(`  ${problem.severity}: ${where}: ${problem.reason}`);
    }
  }
  return lines;
}
