import { lstat, open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, join, sep } from 'node:path';
import { isOutroError } from '../domain/errors.js';
import type { Connector, DetectedInput, IngestProblem } from './connector.js';
import { decodeUtf8, openDirTree, openZipTree, type Tree, type ZipLimits } from './tree.js';

const SNIFF_BYTES = 64 * 1024;
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Files a user's export folder commonly holds that are not data: skipped without a report. */
const IGNORED_NAMES = /^(\.DS_Store|Thumbs\.db|desktop\.ini|\..*)$/i;
/** Names an export may have; an unrecognised file inside a folder with another name is only a warning. */
const EXPORT_EXTENSIONS = /\.(json|ics|ical|ifb|zip)$/i;

export type Discovery = { kind: 'input'; input: DetectedInput } | { kind: 'problem'; problem: IngestProblem };

export interface DiscoverOptions {
  zipLimits?: ZipLimits;
  /** Largest single file read into memory (default 1 GiB). */
  maxFileBytes?: number;
}

/**
 * Walks the given paths and recognises each export from its content, never its name: a folder or
 * zip whose listing a connector claims, else every file inside, sniffed by its first 64 KiB.
 * Anything unreadable or unknown becomes a problem; nothing throws for bad input.
 */
export async function* discoverInputs(
  paths: readonly string[],
  connectors: readonly Connector[],
  options: DiscoverOptions = {},
): AsyncGenerator<Discovery> {
  for (const path of paths) {
    let root: string;
    try {
      root = await realpath(path);
    } catch {
      yield problem(path, `${path} does not exist or cannot be read. Check the path.`);
      continue;
    }
    yield* discoverPath(path, connectors, options, true, {
      root,
      folders: new Set(),
      files: new Set(),
      links: new Set(),
    });
  }
}

/**
 * One walk from a path given on the command line: symbolic links inside it are followed only while
 * they stay inside it (real paths), each folder is read once (a link back to a folder already seen
 * is a loop), and each link passed over is reported once, with its target and why.
 */
interface Walk {
  /** The real path of the path given. */
  root: string;
  /** Real paths of the folders read so far. */
  folders: Set<string>;
  /** Real paths of the files read so far (a link to one is not read twice). */
  files: Set<string>;
  /** Links already reported. */
  links: Set<string>;
}

function inside(root: string, real: string): boolean {
  return real === root || real.startsWith(root.endsWith(sep) ? root : root + sep);
}

async function* discoverPath(
  path: string,
  connectors: readonly Connector[],
  options: DiscoverOptions,
  explicit: boolean,
  walk: Walk,
): AsyncGenerator<Discovery> {
  let info;
  try {
    if (!explicit && (await lstat(path)).isSymbolicLink()) {
      const skip = await linkSkip(path, walk);
      if (skip) {
        if (!walk.links.has(path)) {
          walk.links.add(path);
          yield { kind: 'problem', problem: { path, severity: 'warning', reason: skip } };
        }
        return;
      }
    }
    info = await stat(path);
  } catch {
    yield problem(path, `${path} does not exist or cannot be read. Check the path.`);
    return;
  }
  if (info.isDirectory()) {
    const real = await realpath(path);
    if (walk.folders.has(real)) return;
    walk.folders.add(real);
    yield* discoverDirectory(path, connectors, options, walk);
    return;
  }
  if (!info.isFile()) {
    if (explicit) yield problem(path, `${path} is not a regular file or folder.`);
    return;
  }
  if (!explicit && IGNORED_NAMES.test(basename(path))) return;
  const real = await realpath(path).catch(() => path);
  if (walk.files.has(real)) return;
  walk.files.add(real);
  yield* discoverFile(path, info.size, connectors, options, explicit);
}

/** Why the link at `path` is not followed (undefined: follow it). */
async function linkSkip(path: string, walk: Walk): Promise<string | undefined> {
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    return `${path} is a symbolic link to nothing (broken); skipped.`;
  }
  if (!inside(walk.root, real))
    return `${path} is a symbolic link to ${real}, outside ${walk.root}; skipped (ingest that path itself if you mean it).`;
  if (walk.folders.has(real))
    return `${path} is a symbolic link to ${real}, a folder already read (a loop); skipped.`;
  return undefined;
}

async function* discoverDirectory(
  path: string,
  connectors: readonly Connector[],
  options: DiscoverOptions,
  walk: Walk,
): AsyncGenerator<Discovery> {
  let tree: Tree | undefined;
  try {
    tree = await openDirTree(path);
  } catch (cause) {
    yield problem(path, `${path} cannot be listed: ${(cause as Error).message}`);
    return;
  }
  const claimed = connectors.find((connector) => connector.sniffTree?.(tree.list()));
  if (claimed) {
    yield { kind: 'input', input: { format: claimed.format, path, container: 'tree', tree } };
    return;
  }
  await tree.close();
  let entries;
  try {
    entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  } catch (cause) {
    yield problem(path, `${path} cannot be listed: ${(cause as Error).message}`);
    return;
  }
  for (const entry of entries) {
    if (IGNORED_NAMES.test(entry.name)) continue;
    yield* discoverPath(join(path, entry.name), connectors, options, false, walk);
  }
}

async function* discoverFile(
  path: string,
  size: number,
  connectors: readonly Connector[],
  options: DiscoverOptions,
  explicit: boolean,
): AsyncGenerator<Discovery> {
  let head: Buffer;
  try {
    head = await readHead(path);
  } catch (cause) {
    yield problem(path, `${path} cannot be read: ${(cause as Error).message}`);
    return;
  }
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) {
    yield* discoverZip(path, connectors, options);
    return;
  }
  if (size === 0) {
    yield problem(path, `${path} is empty.`);
    return;
  }
  const headText = head.toString('utf8').replace(/^\uFEFF/, '');
  const claimed = connectors.find((connector) => connector.sniffFile?.(headText));
  if (!claimed) {
    if (!explicit && !EXPORT_EXTENSIONS.test(path)) {
      // Notes, configs and READMEs beside exports in a folder: mentioned, but not a partial run.
      yield {
        kind: 'problem',
        problem: { path, severity: 'warning', reason: `${path} is not an export; ignored.` },
      };
      return;
    }
    yield problem(
      path,
      `${path} is not a format outro reads (Slack export folder or zip, DiscordChatExporter JSON, Teams/Graph chatMessage JSON, ICS).`,
    );
    return;
  }
  const maxBytes = options.maxFileBytes ?? 1024 ** 3;
  if (size > maxBytes) {
    yield problem(
      path,
      `${path} is ${size} bytes, over the ${maxBytes}-byte limit for one file; split the export.`,
    );
    return;
  }
  try {
    const text = decodeUtf8(await readFile(path), path).replace(/^\uFEFF/, '');
    yield { kind: 'input', input: { format: claimed.format, path, container: 'file', text } };
  } catch (cause) {
    yield problem(
      path,
      isOutroError(cause) ? cause.message : `${path} cannot be read: ${(cause as Error).message}`,
    );
  }
}

async function* discoverZip(
  path: string,
  connectors: readonly Connector[],
  options: DiscoverOptions,
): AsyncGenerator<Discovery> {
  let tree: Tree;
  try {
    tree = await openZipTree(path, options.zipLimits);
  } catch (cause) {
    yield problem(
      path,
      isOutroError(cause) ? cause.message : `${path} cannot be opened as a zip: ${(cause as Error).message}`,
    );
    return;
  }
  const claimed = connectors.find((connector) => connector.sniffTree?.(tree.list()));
  if (!claimed) {
    await tree.close();
    yield problem(
      path,
      `${path} is a zip, but not a Slack workspace export (no users.json or channels.json inside).`,
    );
    return;
  }
  yield { kind: 'input', input: { format: claimed.format, path, container: 'tree', tree } };
}

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function problem(path: string, reason: string): Discovery {
  return { kind: 'problem', problem: { path, severity: 'skipped-file', reason } };
}
