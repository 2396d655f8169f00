import type { Command } from 'commander';
import { callApp } from '../call.js';
import type { CliContext } from '../context.js';
import { plural, writeJson, writeLines } from '../output.js';
import { ProgressLine, showsProgress } from '../progress.js';

export function registerReplay(program: Command, context: () => CliContext): void {
  program
    .command('replay')
    .description(
      'Drop every projection (the fact tables, the graph and the search index) and rebuild them from the event log alone',
    )
    .option('--json', 'print the rebuild report as JSON (counts and timings per phase)')
    .addHelpText(
      'after',
      `
The log is the only source of truth; the graph, the fact tables and the search index are
projections of it. Replay reads every projected event once, resolves each fact slot (supersession,
corrections, hedges, confidence) and bulk-loads the graph with COPY FROM; the search index is
emptied and built again in one pass. The result equals what the agents build event by event. Run
it after upgrading outro, or if the graph or the index was removed or damaged.

Examples:
  outro replay
  outro replay --json | jq .timings.totalMs
  outro replay --json | jq .search.timings`,
    )
    .action(async (options: { json?: boolean }) => {
      const ctx = context();
      const progress = showsProgress(ctx.stderr, ctx.env, options.json)
        ? new ProgressLine(ctx.stderr)
        : undefined;
      const report = await callApp(
        ctx,
        'replay',
        {},
        progress ? { onReplayProgress: progress.replay } : {},
      ).finally(() => progress?.done());
      if (options.json) {
        writeJson(ctx.stdout, report);
        return;
      }
      const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
      const rate =
        report.timings.totalMs > 0 ? Math.round(report.events / (report.timings.totalMs / 1000)) : 0;
      writeLines(ctx.stdout, [
        `Replayed ${plural(report.events, 'event')} in ${seconds(report.timings.totalMs)} (${rate.toLocaleString('en-US')} events/s), up to seq ${report.cursor}.`,
        `  facts      ${plural(report.assertions, 'assertion')}, ${plural(report.retractions, 'retraction')} → ${plural(report.factVersions, 'version')} in ${plural(report.slots, 'slot')} (${report.currentFacts.toLocaleString('en-US')} current)`,
        `  records    ${Object.entries(report.records)
          .map(([kind, n]) => `${n} ${kind}`)
          .join(', ')}`,
        ...(report.invalid > 0
          ? [`  skipped    ${plural(report.invalid, 'event')} whose payload did not validate`]
          : []),
        `  timings    drop ${seconds(report.timings.resetMs)}, read ${seconds(report.timings.readMs)}, claim rows ${seconds(report.timings.claimsMs)}, CSV ${seconds(report.timings.load.writeMs)}, COPY ${seconds(report.timings.load.copyMs)}, index ${seconds(report.timings.load.indexMs)}`,
        `  search     ${plural(report.search.events, 'event')} → ${plural(report.search.docs, 'document')} in ${seconds(report.search.timings.totalMs)} (read ${seconds(report.search.timings.readMs)}, rows ${seconds(report.search.timings.writeMs)}, full-text index ${seconds(report.search.timings.indexMs)})${report.search.invalid > 0 ? `, ${plural(report.search.invalid, 'event')} skipped` : ''}`,
      ]);
    });
}
