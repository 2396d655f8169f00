import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../../app/config.js';
import type { OutroPaths } from '../../app/paths.js';
import { OutroError } from '../../domain/errors.js';
import { parseTolerantTime } from '../../domain/time.js';
import { resolveConfigPath } from '../../daemon/watch-folders.js';
import type { DigestResult } from '../../answers/brief/write-digest.js';
import { makeBrief } from './brief.js';
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

/**
 * Where digests go: config `digest.dir` (`~` is the home folder; relative to the config file),
 * else <data dir>/digests — the same folder the daemon's schedule writes to.
 */
export function digestDir(config: Config, paths: OutroPaths, env: NodeJS.ProcessEnv): string {
  const configured = config.digest.dir;
  return configured ? resolveConfigPath(configured, paths.configFile, env.HOME ?? homedir()) : join(paths.dataDir, 'digests');
}

export function registerDigest(program: Command, context: () => CliContext): void {
  program
    .command('digest')
    .description('Write the brief as a markdown file with YAML front matter (date, window, counts, degraded), once per scheduled time, atomically')
    .option('--out <file>', 'write to this file (replaced atomically)')
    .option('--dir <dir>', 'write digest-<fire time>.md into this folder (default: config digest.dir, else <data dir>/digests)')
    .option('--at <time>', 'the scheduled fire time the digest is for (ISO); default: now. The window is config digest.window (24h) ending here')
    .option('--me <who>', 'whose digest: any handle, id, display name or email (default: config `me`)')
    .option('--json', 'print {file, written, window, counts} as JSON')
    .option('--model-budget <duration>', 'with a model configured: time allowed for model-written summaries (default 60s)')
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
      const config = ctx.config();
      let fireTime = ctx.now();
      if (flags.at !== undefined) {
        const iso = parseTolerantTime(flags.at);
        if (!iso) throw new OutroError('USAGE', `--at ${flags.at} is not a time; use ISO 8601, e.g. 2026-11-20T08:00:00+01:00.`);
        fireTime = new Date(iso);
      }
      const me = flags.me !== undefined ? [flags.me] : undefined;
      const store = ctx.store();
      const { digestBriefOptions, writeDigest, writeDigestTo } = await import('../../answers/brief/write-digest.js');
      // Model summaries when a model is configured; the same window and reader as the digest.
      const brief = await makeBrief(ctx, store, config, digestBriefOptions({ config, fireTime, me }), flags.modelBudget);
      const result: DigestResult = flags.out
        ? writeDigestTo(resolve(flags.out), { store, config, fireTime, me, brief })
        : writeDigest({ store, config, fireTime, dir: flags.dir ? resolve(flags.dir) : digestDir(config, ctx.paths, ctx.env), me, brief });
      if (flags.json) {
        writeJson(ctx.stdout, { file: result.file, written: result.written, window: result.brief.window, counts: result.brief.counts, degraded: result.brief.degraded });
        return;
      }
      const counts = result.brief.counts;
      writeLines(ctx.stdout, [
        result.written ? `Wrote ${result.file}` : `Already written for ${fireTime.toISOString()}: ${result.file} (left as it is)`,
        `${counts.waiting} waiting, ${counts.decisions} decisions, ${counts.meetings} meetings, ${counts.conversations} conversations, ${counts.facts} changed facts${result.brief.degraded ? ' (degraded)' : ''}`,
      ]);
    });
}
