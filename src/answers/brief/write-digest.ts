import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { OutroError } from '../../domain/errors.js';
import { parseDuration } from '../../domain/time.js';
import { buildBrief, type BriefOptions, type BriefStore } from './build-brief.js';
import type { Brief } from './brief-types.js';
import { digestFrontMatter, renderBriefMarkdown } from './render-markdown.js';

/** The parts of the config a digest reads (app/config.ts's Config fits). */
export interface DigestConfig {
  me?: string | readonly string[];
  timezone?: string;
  digest?: { window?: string; fileMode?: string };
}

export interface DigestRequest {
  store: BriefStore;
  config: DigestConfig;
  /** The scheduled fire time: the window ends here and the file name comes from it. */
  fireTime: Date;
  dir: string;
  /** Override the reader (default config `me`). */
  me?: string | readonly string[];
  /** A brief already built for digestBriefOptions(request) (e.g. with model summaries); default: buildBrief. */
  brief?: Brief;
}

export interface DigestResult {
  file: string;
  /** False when a digest for this fire time was already there (nothing written). */
  written: boolean;
  brief: Brief;
}

/** `digest-2026-11-20T0700Z.md`: deterministic from the fire time (UTC, so DST never collides). */
export function digestFileName(fireTime: Date): string {
  const iso = fireTime.toISOString();
  return `digest-${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z.md`;
}

/** The digest markdown: YAML front matter, then the brief. */
export function digestMarkdown(brief: Brief, fireTime: Date): string {
  return `${digestFrontMatter(brief, fireTime)}\n${renderBriefMarkdown(brief)}`;
}

/**
 * Writes the digest for one scheduled fire time into `dir`, atomically (temp file, then a hard
 * link that fails if the name exists), once: a second call for the same fire time writes
 * nothing and returns `written: false`. The window is config `digest.window` (24h) ending at the
 * fire time. Does not count as the reader having seen a brief.
 */
export function writeDigest(request: DigestRequest): DigestResult {
  const brief = digestBrief(request);
  const file = join(request.dir, digestFileName(request.fireTime));
  if (existsSync(file)) return { file, written: false, brief };
  mkdirSync(request.dir, { recursive: true, mode: 0o700 });
  const temp = tempName(file);
  writePrivate(temp, digestMarkdown(brief, request.fireTime), request.config);
  try {
    linkSync(temp, file);
    return { file, written: true, brief };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { file, written: false, brief };
    throw new OutroError(
      'USAGE',
      `Could not write the digest ${file}: ${(error as Error).message}. Check that the folder is writable.`,
      { cause: error },
    );
  } finally {
    unlinkSync(temp);
  }
}

/** Writes a digest to an exact file (replacing it atomically): `outro digest --out FILE`. */
export function writeDigestTo(file: string, request: Omit<DigestRequest, 'dir'>): DigestResult {
  const brief = digestBrief({ ...request, dir: dirname(file) });
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temp = tempName(file);
  writePrivate(temp, digestMarkdown(brief, request.fireTime), request.config);
  try {
    renameSync(temp, file);
  } catch (error) {
    unlinkSync(temp);
    throw new OutroError(
      'USAGE',
      `Could not write the digest ${file}: ${(error as Error).message}. Check that the folder is writable.`,
      { cause: error },
    );
  }
  return { file, written: true, brief };
}

/**
 * A new file readable by its owner alone (0600), or with config `digest.fileMode`: a digest in a
 * notes vault leaves the vault folder's modes as they are (issue 16).
 */
function writePrivate(file: string, text: string, config: DigestConfig): void {
  writeFileSync(file, text, { flag: 'wx', mode: 0o600 });
  const mode = config.digest?.fileMode;
  if (mode !== undefined) chmodSync(file, parseInt(mode, 8));
}

function digestBrief(request: DigestRequest): Brief {
  return request.brief ?? buildBrief(request.store, digestBriefOptions(request));
}

/** The brief a digest shows: config `digest.window` (24h) ending at the fire time, for config `me` or the override. */
export function digestBriefOptions(request: Pick<DigestRequest, 'config' | 'fireTime' | 'me'>): BriefOptions {
  const window = request.config.digest?.window ?? '24h';
  const ms = parseDuration(window);
  if (ms === undefined)
    throw new OutroError(
      'CONFIG_INVALID',
      `digest.window "${window}" is not a duration; use e.g. 24h, 3d or 1w.`,
    );
  return {
    me: request.me ?? request.config.me,
    timezone: request.config.timezone,
    now: request.fireTime,
    since: new Date(request.fireTime.getTime() - ms).toISOString(),
    until: request.fireTime.toISOString(),
  };
}

function tempName(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}
