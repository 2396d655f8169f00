import type { Command } from 'commander';
import type { CheckStatus, DoctorReport } from '../../app/doctor.js';
import { OutroError } from '../../domain/errors.js';
import { loadContextModules, type CliContext } from '../context.js';
import { plural, writeJson, writeLines } from '../output.js';

export function registerDoctor(program: Command, context: () => CliContext): void {
  program
    .command('doctor')
    .description('Check the setup (config, store, local model) and say exactly what to fix')
    .option('--json', 'print the checks as JSON')
    .option(
      '--full',
      "check every page of the store (SQLite's integrity_check; slower than the default quick_check)",
    )
    .addHelpText(
      'after',
      `
Without a model, outro runs in heuristic mode and doctor says how to add one. With one, it checks
that Ollama answers at the host (and says where the host came from: config, OLLAMA_HOST or the
default), that it is new enough for structured outputs, and that the models are pulled. It runs
SQLite's quick_check on the store (--full: integrity_check), opens the graph, lists the backups
and warns when other users can read outro's files. Exit status: 0 when nothing failed, 6 when
the store or graph is damaged (with how to recover).

Examples:
  outro doctor
  OUTRO_MODEL=ollama:llama3.2:3b outro doctor --json | jq '.checks[] | select(.status == "fail")'`,
    )
    .action(async (options: { json?: boolean; full?: boolean }) => {
      // Always in this process: it checks this machine's setup as this user sees it.
      const ctx = context();
      const [{ runDoctor }] = await Promise.all([import('../../app/doctor.js'), loadContextModules()]);
      const report = await runDoctor({
        loadConfig: () => ctx.config(),
        env: ctx.env,
        paths: ctx.paths,
        full: options.full === true,
      });
      if (options.json) writeJson(ctx.stdout, report);
      else writeLines(ctx.stdout, renderDoctor(report));
      const failed = report.checks.filter((check) => check.status === 'fail');
      if (failed.length > 0) {
        throw new OutroError(
          failed[0].code ?? 'INTERNAL',
          `outro doctor found ${plural(failed.length, 'problem')}; the fixes are listed above.`,
          { details: { failed: failed.map((check) => check.id) } },
        );
      }
    });
}

const MARK: Record<CheckStatus, string> = {
  ok: 'ok  ',
  info: 'info',
  warn: 'warn',
  fail: 'FAIL',
  skip: 'skip',
};

export function renderDoctor(report: DoctorReport): string[] {
  const lines: string[] = [];
  for (const check of report.checks) {
    lines.push(`[${MARK[check.status]}] ${check.title}: ${check.detail}`);
    if (check.fix) for (const line of check.fix.split('\n')) lines.push(`       ${line}`);
  }
  lines.push(
    '',
    report.mode === 'model'
      ? `Mode: model (${report.model?.name}), with heuristic fallback.`
      : 'Mode: heuristic (no model).',
  );
  return lines;
}
