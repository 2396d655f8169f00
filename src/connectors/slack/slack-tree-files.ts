import { isOutroError } from '../../domain/errors.js';
import type { IngestProblem } from '../connector.js';
import { decodeUtf8, type Tree } from '../tree.js';
import { describeJson } from '../json-values.js';

export type TextRead = { ok: true; text: string } | { ok: false; problem: IngestProblem };
export type ArrayRead = { ok: true; records: readonly unknown[] } | { ok: false; problem: IngestProblem };

/** Reads one entry of the tree as strict UTF-8 text (a BOM is dropped); unreadable files become a problem. */
export async function readText(tree: Tree, entry: string): Promise<TextRead> {
  const path = `${tree.root}/${entry}`;
  try {
    return { ok: true, text: decodeUtf8(await tree.read(entry), path) };
  } catch (cause) {
    const reason = isOutroError(cause)
      ? cause.message
      : `${path} cannot be read (${(cause as Error).message}); check the file or export again.`;
    return { ok: false, problem: { path, severity: 'skipped-file', reason } };
  }
}

/** Reads a metadata file that must hold a JSON array (users.json, channels.json …). */
export async function readJsonArray(tree: Tree, entry: string): Promise<ArrayRead> {
  const read = await readText(tree, entry);
  if (!read.ok) return read;
  const path = `${tree.root}/${entry}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(read.text);
  } catch (cause) {
    return {
      ok: false,
      problem: {
        path,
        severity: 'skipped-file',
        reason: `${path} is not valid JSON (${(cause as Error).message}); the file may be truncated. Export the workspace again; names then come from folder names.`,
      },
    };
  }
  if (!Array.isArray(parsed)) {
    return {
      ok: false,
      problem: {
        path,
        severity: 'skipped-file',
        reason: `${path} holds ${describeJson(parsed)}, but Slack writes a JSON array here. Export the workspace again; names then come from folder names.`,
      },
    };
  }
  return { ok: true, records: parsed };
}

const TEAM_FIELD = /"team"\s*:\s*"([A-Z0-9]+)"/;
/** How many day files to look into for a team id when users.json names none. */
const TEAM_PROBE_FILES = 5;

/** The first `"team": "T…"` in the first few day files, for exports whose users.json names no team. */
export async function teamOfDayFiles(tree: Tree, dayFiles: readonly string[]): Promise<string | undefined> {
  for (const entry of dayFiles.slice(0, TEAM_PROBE_FILES)) {
    const read = await readText(tree, entry);
    const team = read.ok ? TEAM_FIELD.exec(read.text)?.[1] : undefined;
    if (team !== undefined) return team;
  }
  return undefined;
}
