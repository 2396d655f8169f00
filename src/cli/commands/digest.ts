import { resolve } from 'node:path';
import type { Command } from 'commander';
import { OutroError } from '../../domain/errors.js';
import { callApp } from '../call.js';
import type { CliContext } from '../context.js';
import { writeJson, writeLines } from '../output.js';

interface DigestFlags {
  out?: string;
  dir?: string;
  at?: string;
  me?: string;
  json?: boolean;
  modelBudget?: string;
}

export function registerDigest(program: Command, context: () => CliContext): void {
  program
    .command('digest')
    .description(
      'Write the brief as a markdown file with YAML front matter (date, window, counts, degraded), once per scheduled time, atomically',
    )
    .option('--out <file>', 'write to this file (replaced atomically)')
    .option(
      '--dir <dir>',
      'write digest-<fire time>.md into this folder (default: config digest.dir, else <data dir>/digests)',
    )
    .option(
      '--at <time>',
      'the scheduled fire time the digest is for (ISO); default: now. The window is config digest.window (24h) ending here',
    )
    .option('--me <who>', 'whose digest: any handle, id, display name or email (default: config `me`)')
    .option('--json', 'print {file, written, window, counts} as JSON')
    .option(
      '--model-budget <duration>',
      'with a model configured: time allowed for model-written summaries (default 60s)',
    )
    .addHelpText(
      'after',
      `
The file name comes from the fire time (digest-2026-11-20T0700Z.md), so a second run for the same
scheduled time writes nothing ("already written"). Files are written to a temp file first and then
linked into place: an editor or sync tool never sees half a digest.

Examples:
  outro digest                                   into config digest.dir (or <data dir>/digests)
  outro digest --dir ~/notes/outro --at 2026-11-20T08:00:00+01:00
  outro digest --out today.md
  outro schedule install                         run it from cron or a systemd timer`,
    )
    .action(async (flags: DigestFlags) => {
      const ctx = context();
      if (flags.out && flags.dir) throw new OutroError('USAGE', 'Pass --out FILE or --dir DIR, not both.');
      const result = await callApp(ctx, 'digest', {
        out: flags.out ? resolve(flags.out) : undefined,
        dir: flags.dir ? resolve(flags.dir) : undefined,
        at: flags.at,
        me: flags.me,
        modelBudget: flags.modelBudget,
      });
      if (flags.json) {
        writeJson(ctx.stdout, {
          file: result.file,
          written: result.written,
          window: result.window,
          counts: result.counts,
          degraded: result.degraded,
        });
        return;
      }
      const counts = result.counts;
      writeLines(ctx.stdout, [
        result.written
          ? `Wrote ${result.file}`
          : `Already written for ${result.fireTime}: ${result.file} (left as it is)`,
        `${counts.waiting} waiting, ${counts.decisions} decisions, ${counts.meetings} meetings, ${counts.conversations} conversations, ${counts.facts} changed facts${result.degraded ? ' (degraded)' : ''}`,
      ]);
    });
}
