import type { Command } from 'commander';
import { callApp } from '../call.js';
import type { CliContext } from '../context.js';
import { writeJson, writeLines } from '../output.js';

export function registerTrace(program: Command, context: () => CliContext): void {
  program
    .command('trace')
    .argument(
      '[run]',
      'a workflow or eval run id, a trace id, or a unique prefix of one (default: list recent traces)',
    )
    .description('Show the spans of a run as a tree with timings: workflow steps, stage calls, model calls')
    .option('--json', 'print the spans as JSON')
    .option('--limit <n>', 'how many recent traces to list without a run', '20')
    .option(
      '--prune',
      'delete spans older than trace.maxAgeDays and the oldest beyond the size cap (OUTRO_TRACE_MAX_MB, default 64)',
    )
    .addHelpText(
      'after',
      `
Spans record wall-clock start and end, status and error, and attributes after the OpenTelemetry GenAI
conventions (gen_ai.request.model, gen_ai.usage.input_tokens …) plus outro.stage, outro.cache_hit,
outro.degraded and outro.grounding_drops. Prompt and reply text only with \`trace: {content: true}\`.
Set OUTRO_OTLP_ENDPOINT=http://127.0.0.1:4318 to also send spans to an OpenTelemetry collector.

Examples:
  outro trace                                    recent traces
  outro trace eval-20261120-093012-1a2b          the span tree of one run
  outro trace 3f9a2c --json | jq '.rows[] | select(.kind == "model")'
  outro trace --prune`,
    )
    .action(async (run: string | undefined, options: { json?: boolean; limit: string; prune?: boolean }) => {
      const ctx = context();
      if (options.prune) {
        const result = await callApp(ctx, 'trace.prune', {});
        if (options.json) writeJson(ctx.stdout, { spans: result.spans, traces: result.traces });
        else
          writeLines(ctx.stdout, [
            `pruned ${result.spans} spans of ${result.traces} traces; ${result.left} spans left`,
          ]);
        return;
      }
      if (!run) {
        const recent = await callApp(ctx, 'trace', { limit: Number(options.limit) || 20 });
        if (options.json) writeJson(ctx.stdout, recent);
        else if (recent.length === 0)
          writeLines(ctx.stdout, [
            'No traces yet. Runs of the daemon, `outro eval run` and model-backed stages record them.',
          ]);
        else {
          const { formatMs } = await import('../../observability/span-rows.js');
          writeLines(
            ctx.stdout,
            recent.map(
              (t) =>
                `${t.traceId.slice(0, 12)}  ${new Date(t.startMs).toISOString()}  ${formatMs(t.endMs - t.startMs).padStart(9)}  ${String(t.spans).padStart(4)} spans${t.errors ? `, ${t.errors} errors` : ''}  ${t.runId ?? ''}  ${t.name}`,
            ),
          );
        }
        return;
      }
      const view = await callApp(ctx, 'trace.show', { run });
      if (options.json) writeJson(ctx.stdout, view);
      else if (ctx.stdout.isTTY) {
        // Ink only on a terminal, loaded lazily so --json and pipes never pay for React.
        const [{ render }, { createElement }, { TraceTreeOnce }] = await Promise.all([
          import('ink'),
          import('react'),
          import('../views/trace-tree.js'),
        ]);
        await render(createElement(TraceTreeOnce, { view }), {
          stdout: ctx.stdout as NodeJS.WriteStream,
        }).waitUntilExit();
      } else writeLines(ctx.stdout, (await import('../../observability/span-rows.js')).traceLines(view));
    });
}
