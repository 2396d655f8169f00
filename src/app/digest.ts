import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Brief } from '../answers/brief/brief-types.js';
import { OutroError } from '../domain/errors.js';
import { parseTolerantTime } from '../domain/time.js';
import type { AppContext } from './app-context.js';
import { buildBrief } from './brief.js';
import { resolveConfigPath } from './config.js';
import type { DigestInput } from './operation-inputs.js';

/** What a digest run did: the file, whether this run wrote it (false: already there), and what it holds. */
export interface DigestReport {
  file: string;
  written: boolean;
  /** The scheduled fire time it is for (ISO). */
  fireTime: string;
  window: Brief['window'];
  counts: Brief['counts'];
  degraded: Brief['degraded'];
}

/**
 * Where digests go: config `digest.dir` (`~` is the home folder; relative to the config file),
 * else <data dir>/digests — the same folder for `outro digest` and the daemon's schedule.
 */
export function digestDir(ctx: AppContext): string {
  const configured = ctx.config().digest.dir;
  return configured
    ? resolveConfigPath(configured, ctx.paths.configFile, ctx.env.HOME ?? homedir())
    : join(ctx.paths.dataDir, 'digests');
}

/**
 * `outro digest` and the daemon's scheduled fire: the brief for the config's digest window ending
 * at `at` (default now), as a markdown file written atomically, once per fire time — into `out`,
 * else `dir`, else digestDir().
 */
export async function digest(ctx: AppContext, input: DigestInput): Promise<DigestReport> {
  if (input.out && input.dir) throw new OutroError('USAGE', 'Pass --out FILE or --dir DIR, not both.');
  const config = ctx.config();
  let fireTime = ctx.now();
  if (input.at !== undefined) {
    const iso = parseTolerantTime(input.at);
    if (!iso)
      throw new OutroError(
        'USAGE',
        `--at ${input.at} is not a time; use ISO 8601, e.g. 2026-11-20T08:00:00+01:00.`,
      );
    fireTime = new Date(iso);
  }
  const me = input.me !== undefined ? [input.me] : undefined;
  const store = ctx.store();
  const { digestBriefOptions, writeDigest, writeDigestTo } = await import('../answers/brief/write-digest.js');
  // Model summaries when a model is configured; the same window and reader as the digest.
  const brief = await buildBrief(ctx, digestBriefOptions({ config, fireTime, me }), input.modelBudget);
  const result = input.out
    ? writeDigestTo(input.out, { store, config, fireTime, me, brief })
    : writeDigest({ store, config, fireTime, dir: input.dir ?? digestDir(ctx), me, brief });
  return {
    file: result.file,
    written: result.written,
    fireTime: fireTime.toISOString(),
    window: result.brief.window,
    counts: result.brief.counts,
    degraded: result.brief.degraded,
  };
}

/** The newest digest file in digestDir(), with its markdown; null when none was written yet. */
export interface LatestDigest {
  file: string;
  markdown: string;
}

/** The latest digest (`outro://digest/latest` in `outro mcp`): file names sort by their fire time. */
export function latestDigest(ctx: AppContext): LatestDigest | null {
  const dir = digestDir(ctx);
  if (!existsSync(dir)) return null;
  const newest = readdirSync(dir)
    .filter((name) => /^digest-.*\.md$/.test(name))
    .sort()
    .pop();
  if (!newest) return null;
  const file = join(dir, newest);
  return { file, markdown: readFileSync(file, 'utf8') };
}
