import type { Command } from 'commander';
import { describePrivacy } from '../../app/privacy-lines.js';
import type { StatusReport, StatusResult } from '../../app/status.js';
import { callApp } from '../call.js';
import type { CliContext } from '../context.js';
import { formatTime, plural, writeJson, writeLines } from '../output.js';

export function registerStatus(program: Command, context: () => CliContext): void {
  program
    .command('status')
    .description(
      'Show what is stored: sources, channels, people, messages (and how many were analysed only partly, past the per-message work budget), the last ingest and what it skipped',
    )
    .option('--json', 'print the report as JSON')
    .addHelpText('after', '\nExamples:\n  outro status\n  outro status --json | jq .stats.sources')
    .action(async (options: { json?: boolean }) => {
      const ctx = context();
      const result = await callApp(ctx, 'status', {});
      if (options.json) writeJson(ctx.stdout, result);
      else {
        const { renderObservabilitySummary } = await import('../../observability/observability-summary.js');
        writeLines(ctx.stdout, [
          ...renderStatus(result),
          '',
          modelLine(result),
          ...renderObservabilitySummary(result.lastDay),
        ]);
      }
    });
}

function modelLine({ model }: StatusResult): string {
  return model.mode === 'heuristic'
    ? 'Model     none configured: heuristics only (set model: in the config or OUTRO_MODEL=ollama:<name>; `outro doctor` checks it)'
    : `Model     ollama ${model.model} at ${model.host} (${model.hostFrom}); embeddings ${model.embeddings}`;
}

export function renderStatus(report: StatusReport): string[] {
  const { stats } = report;
  const lines = [`outro store: ${report.database}`];
  if (report.privacy.length > 0) {
    lines.push('', 'Warning: other users can read your chat data');
    for (const line of describePrivacy(report.privacy)) lines.push(`  ${line}`);
  }
  if (stats.events === 0) {
    lines.push('', 'Nothing stored yet. Ingest an export:  outro ingest path/to/export.zip');
    if (report.lastIngest?.status === 'interrupted')
      lines.push(
        `Last ingest  #${report.lastIngest.id} was interrupted: its process is gone (killed?); \`outro ingest\` the same paths again`,
      );
    return lines;
  }
  lines.push(
    '',
    `Messages  ${plural(stats.messages, 'message')} (${plural(stats.edits, 'edit')}, ${plural(stats.deletions, 'deletion')}, ${plural(stats.reactions, 'reaction')})`,
    `          first ${formatTime(stats.firstMessageAt)}, last ${formatTime(stats.lastMessageAt)}`,
    `People    ${plural(stats.people, 'identity', 'identities')} → ${plural(report.humans, 'person', 'people')} (${plural(report.crossSourceLinks, 'cross-source link')})`,
    `Meetings  ${plural(stats.meetings, 'occurrence')}`,
    `Analysis  ${plural(report.partlyAnalysed, 'message')} analysed only partly (past the per-message work budget of annotate)`,
    ...(report.search
      ? [
          `Search    ${plural(report.search.docs, 'document')} indexed${report.search.bytes === null ? '' : ` (${(report.search.bytes / 1048576).toFixed(1)} MiB)`}`,
        ]
      : []),
    '',
    'Sources',
  );
  for (const source of stats.sources) {
    const span =
      source.messages > 0
        ? `  ${formatTime(source.firstMessageAt)} → ${formatTime(source.lastMessageAt)}`
        : '';
    const unit = source.source === 'calendar' ? 'calendar' : 'channel';
    lines.push(
      `  ${source.source.padEnd(9)} ${plural(source.channels, unit).padEnd(13)} ${plural(source.messages, 'message').padEnd(16)}${span}`,
    );
  }
  lines.push('', 'Channels');
  for (const channel of stats.channels.filter((c) => !c.key.startsWith('calendar:'))) {
    const label = channel.name
      ? `${channel.key.split(':')[0]} ${channel.kind === 'dm' || channel.kind === 'group_dm' ? '' : '#'}${channel.name}`
      : channel.key;
    lines.push(`  ${label.padEnd(36)} ${plural(channel.messages, 'message')}`);
  }
  const run = report.lastIngest;
  if (run) {
    lines.push(
      '',
      `Last ingest  #${run.id} ${formatTime(run.finishedAt ?? run.startedAt)}: ${run.status}, ${plural(run.files, 'file')} read, ${plural(run.appended, 'new event')}, ${plural(run.skipped, 'skipped item')}`,
    );
    if (run.status === 'interrupted')
      lines.push('  its process is gone (killed?); `outro ingest` the same paths again to finish it');
  }
  lines.push(...renderWorkflowHealth(report));
  if (report.problems.length > 0) {
    lines.push('', 'Problems in the last ingest');
    for (const problem of report.problems) {
      const where =
        problem.recordIndex === undefined ? problem.path : `${problem.path} [record ${problem.recordIndex}]`;
      lines.push(`  ${problem.severity.padEnd(14)} ${where}`, `                 ${problem.reason}`);
    }
  }
  return lines;
}

/** Agents and workflows: events waiting per agent, dead runs and dead letters with how to retry them. */
export function renderWorkflowHealth(report: StatusReport): string[] {
  const health = report.workflows;
  if (
    health.consumers.length === 0 &&
    health.runs.pending +
      health.runs.running +
      health.runs.completed +
      health.runs.failed +
      health.runs.dead ===
      0
  )
    return [];
  const { runs } = health;
  const lines = [
    '',
    `Agents    runs: ${runs.completed} completed, ${runs.pending + runs.running} unfinished, ${runs.failed} failed, ${runs.dead} dead (outro runs)`,
  ];
  for (const consumer of health.consumers) {
    const dead = consumer.deadLetters > 0 ? `, ${plural(consumer.deadLetters, 'dead letter')}` : '';
    lines.push(
      `  ${consumer.consumer.padEnd(24)} ${consumer.pending === 0 ? 'up to date' : `${plural(consumer.pending, 'event')} waiting`}${dead}`,
    );
  }
  for (const run of health.deadRuns) lines.push(`  dead run ${run.id} (${run.workflow}): ${run.error ?? ''}`);
  for (const letter of health.deadLetters) {
    lines.push(
      `  dead letter ${letter.id} (${letter.status}): ${letter.consumer} failed ${plural(letter.attempts, 'time')} on ${letter.eventType} ${letter.eventId}: ${letter.error.slice(0, 160)}`,
    );
  }
  if (health.deadRuns.length + health.deadLetters.length > 0)
    lines.push('  Fix the cause, then: outro retry --all');
  return lines;
}
