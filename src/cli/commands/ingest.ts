import type { Command } from 'commander';
import type { IngestProgress, IngestSummary } from '../../app/ingest.js';
import type { DrainSummary } from '../../runtime/agents/agent-runtime.js';
import { OutroError } from '../../domain/errors.js';
import type { CliContext } from '../context.js';
import { plural, writeJson, writeLines } from '../output.js';

export function registerIngest(program: Command, context: () => CliContext): void {
  program
    .command('ingest')
    .description('Read chat exports and calendars into the event log (formats are detected from content)')
    .argument('<paths...>', 'Slack export (.zip or folder), DiscordChatExporter .json, Teams/Graph chatMessage .json, .ics, or folders of them')
    .option('--json', 'print the summary as JSON')
    .option('--no-agents', 'only store the events; skip running the agents (conversations, facts, projections) afterwards')
    .addHelpText(
      'after',
      `
Re-ingesting the same export appends nothing; a newer export of the same channel appends only
what changed (new messages, edits, deletions). Files that cannot be read are reported and
skipped; everything else is stored. Exit status: 0 all read, 3 some files or records skipped,
4 nothing could be read. Afterwards the agents run in this process until every event is handled
(a killed run resumes from its checkpoints on the next ingest); --no-agents skips them.

Examples:
  outro ingest ~/Downloads/acme-slack-export.zip
  outro ingest exports/discord/*.json exports/teams/ calendar.ics
  outro ingest fixtures/workspace --json`,
    )
    .action(async (paths: string[], options: { json?: boolean; agents: boolean }) => {
      const ctx = context();
      const config = ctx.config();
      const progress = !options.json && ctx.stderr.isTTY ? progressPrinter(ctx.stderr) : undefined;
      // The connectors (zip, iCalendar parsers) load only when ingesting.
      const [{ ingestPaths }, { CONNECTORS }] = await Promise.all([import('../../app/ingest.js'), import('../../connectors/registry.js')]);
      const summary = await ingestPaths(ctx.store(), paths, {
        connectors: CONNECTORS,
        connectorOptions: { now: ctx.now(), calendarPastDays: config.calendar.pastDays, calendarFutureDays: config.calendar.futureDays, defaultTimezone: config.timezone },
        aliases: config.people,
        onProgress: progress,
      });
      let agents: DrainSummary | undefined;
      let agentLine = '';
      let agentError: unknown;
      if (options.agents && summary.status !== 'failed') {
        const store = ctx.store();
        try {
          // Loaded here, not at startup: the agents pull in the NLP model and Kùzu (~0.5 s).
          const { describeDrain, runUntilDrained } = await import('../../agents/run-until-drained.js');
          const { createTracing } = await import('../../observability/tracing.js');
          const { workflowTraceObserver } = await import('../../runtime/engine/workflow-observer.js');
          const { runWithTracer } = await import('../../observability/tracer.js');
          const tracing = createTracing(store.db, config.trace, ctx.env);
          try {
            agents = await runWithTracer(tracing.tracer, () =>
              runUntilDrained({ db: store.db, log: store.log, now: () => ctx.now(), config, env: ctx.env, engine: { observer: workflowTraceObserver(tracing.tracer) } }),
            );
          } finally {
            await tracing.flush();
            tracing.prune(ctx.now().getTime());
          }
          agentLine = describeDrain(agents);
        } catch (error) {
          agentError = error;
        }
      }
      if (options.json) writeJson(ctx.stdout, agents ? { ...summary, agents } : summary);
      else writeLines(ctx.stdout, [...renderSummary(summary), ...(agentLine ? [agentLine] : [])]);
      if (agentError !== undefined) {
        throw new OutroError('WORKFLOW_FAILED', `The events were stored, but running the agents failed: ${agentError instanceof Error ? agentError.message : String(agentError)}. Run \`outro ingest\` again to resume, or \`outro runs --status failed\`.`, { cause: agentError });
      }
      const skipped = summary.problems.filter((problem) => problem.severity !== 'warning').length;
      if (summary.status === 'failed') throw new OutroError('INPUT_UNREADABLE', `Nothing could be read from ${paths.join(', ')}; see the problems above.`);
      if (summary.status === 'partial') throw new OutroError('PARTIAL', `${plural(skipped, 'item')} skipped; everything else was stored. \`outro status\` lists them.`);
    });
}

function progressPrinter(stream: NodeJS.WritableStream): (progress: IngestProgress) => void {
  let files = 0;
  let appended = 0;
  return (progress) => {
    if (progress.type === 'input') stream.write(`\r\x1b[Kreading ${progress.path} (${progress.format})\n`);
    if (progress.type === 'batch') {
      files++;
      appended += progress.appended;
      if (files % 25 === 0) stream.write(`\r\x1b[K  ${plural(files, 'file')}, ${plural(appended, 'new event')}`);
    }
  };
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
      const where = problem.recordIndex === undefined ? problem.path : `${problem.path} [record ${problem.recordIndex}]`;
      lines.push(`  ${problem.severity}: ${where}: ${problem.reason}`);
    }
  }
  return lines;
}
