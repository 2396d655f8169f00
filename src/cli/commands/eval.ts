import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import type { EvalRunFlags } from './eval-commands.js';

export function registerEval(program: Command, context: () => CliContext): void {
  const evalCommand = program
    .command('eval')
    .description(
      'Measure how well outro understands: run versioned datasets through the pipeline and score them',
    )
    .addHelpText(
      'after',
      `
Datasets are JSONL files: a header line naming the pipeline task, then rows {id, input, expected, tags, curator}.
The shipped ones live in evals/ (conversations, decisions, action-items, questions, facts, ask).

Examples:
  outro eval run                                 every shipped dataset
  outro eval run decisions action-items --threshold 0.8
  outro eval run --threshold 0.8 --threshold conversations=0.6
  outro eval run evals/conversations.jsonl --trials 3 --json
  outro eval list
  outro eval compare latest~1 latest`,
    );

  evalCommand
    .command('run')
    .argument('[datasets...]', 'dataset files, or names of shipped datasets (default: all in evals/)')
    .description('Run datasets through their pipeline tasks, score every item, store the run')
    .option(
      '--threshold <n>',
      "exit with EVAL_BELOW_THRESHOLD (12) unless every scored dataset reaches n (0–1, or a percentage); NAME=n sets one dataset's (repeatable)",
      (value: string, all: string[] | undefined) => [...(all ?? []), value],
    )
    .option('--trials <k>', 'run each item k times and average (default 1)')
    .option(
      '--judge',
      'also grade answers with the configured Ollama model (3 votes, majority; failures are errors, not 0)',
    )
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      `
Items whose stage is not built yet are reported as "skipped: stage missing": never as 0, never as a pass.
With --threshold, a run passes only when at least one dataset was scored and no scored dataset is
under the threshold or had errors. Every run is stored with the git commit, a hash of the config and
the model's name and digest; see it again with \`outro eval list\` and \`outro trace <run id>\`.

Examples:
  outro eval run --threshold 0.8                 for CI
  outro eval run ask --judge --json | jq .datasets`,
    )
    .action(async (datasets: string[], options: EvalRunFlags) =>
      (await import('./eval-commands.js')).evalRun(context(), datasets, options),
    );

  evalCommand
    .command('compare')
    .argument('[before]', 'run id, unique prefix, latest or latest~N', 'latest~1')
    .argument('[after]', 'run id, unique prefix, latest or latest~N', 'latest')
    .description('Show which items improved and which regressed between two eval runs')
    .option('--json', 'print the comparison as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  outro eval compare                             the last two runs\n  outro eval compare eval-20261120-0930 latest --json',
    )
    .action(async (before: string, after: string, options: { json?: boolean }) =>
      (await import('./eval-commands.js')).evalCompare(context(), before, after, options),
    );

  evalCommand
    .command('list')
    .description('List stored eval runs, newest first')
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'print the runs as JSON')
    .addHelpText('after', '\nExamples:\n  outro eval list\n  outro eval list --json | jq ".[0].score"')
    .action(async (options: { limit: string; json?: boolean }) =>
      (await import('./eval-commands.js')).evalList(context(), options),
    );
}
