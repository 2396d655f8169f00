/**
 * Where things are in a Slack workspace export, from its file listing alone: the metadata files
 * (users.json, channels.json …), one folder per conversation holding `YYYY-MM-DD.json` day files,
 * and files outside both. Some zips wrap everything in one top-level folder (`Export Name/`); the
 * layout strips that prefix, and `entry()` puts it back.
 */

export const METADATA_FILES = [
  'users.json',
  'channels.json',
  'groups.json',
  'dms.json',
  'mpims.json',
] as const;
export type MetadataFile = (typeof METADATA_FILES)[number];

export interface SlackConversationFolder {
  /** Folder name, without the export prefix. */
  folder: string;
  /** Tree entries of its day files, oldest first. */
  dayFiles: string[];
}

export interface SlackLayout {
  /** `''`, or the wrapping folder with its trailing slash. */
  prefix: string;
  /** Tree entry of each metadata file present. */
  metadata: Partial<Record<MetadataFile, string>>;
  conversations: SlackConversationFolder[];
  /** Tree entries that are neither metadata, day files, nor known extras: worth a warning. */
  unexpected: string[];
}

const DAY_FILE = /^\d{4}-\d{2}-\d{2}\.json$/;
const METADATA = new Set<string>(METADATA_FILES);
/** Root files Slack (or a Slack export tool) writes that outro does not read. */
const KNOWN_EXTRA_FILES =
  /^(integration_logs|canvases|lists|org_users|file_conversations|huddle_transcripts|workflows|saved_items|channel_canvases|custom_emoji|emoji)\.json$/i;
/** Folders of files outro does not read: canvases, lists, downloaded attachments. */
const KNOWN_EXTRA_FOLDERS = /^(canvases|canvas|lists|attachments|files|huddle_transcripts|__MACOSX)$/i;
/** Canvas files some exports put beside a channel's day files. */
const KNOWN_EXTRA_IN_FOLDER = /canvas|^attachments?\//i;

function isJunk(path: string): boolean {
  return path.startsWith('__MACOSX/') || path.split('/').some((part) => part.startsWith('.'));
}

/** The prefix under which users.json or channels.json sits (`''` or one wrapping folder), if any. */
export function findExportPrefix(paths: readonly string[]): string | undefined {
  let top: string | undefined;
  let wrapped = true;
  let hasRootMetadata = false;
  let hasWrappedMetadata = false;
  for (const path of paths) {
    if (isJunk(path)) continue;
    if (path === 'users.json' || path === 'channels.json') hasRootMetadata = true;
    const slash = path.indexOf('/');
    if (slash < 0) {
      wrapped = false;
      continue;
    }
    const folder = path.slice(0, slash + 1);
    if (top === undefined) top = folder;
    else if (top !== folder) wrapped = false;
    const rest = path.slice(slash + 1);
    if (rest === 'users.json' || rest === 'channels.json') hasWrappedMetadata = true;
  }
  if (hasRootMetadata) return '';
  return wrapped && top !== undefined && hasWrappedMetadata ? top : undefined;
}

/** Does this listing look like a Slack workspace export? */
export function sniffSlackTree(paths: readonly string[]): boolean {
  return findExportPrefix(paths) !== undefined;
}

/** Sorts a listing into metadata, conversation folders and unexpected files; undefined when not an export. */
export function readLayout(paths: readonly string[]): SlackLayout | undefined {
  const prefix = findExportPrefix(paths);
  if (prefix === undefined) return undefined;
  const layout: SlackLayout = { prefix, metadata: {}, conversations: [], unexpected: [] };
  const byFolder = new Map<string, SlackConversationFolder>();
  const otherInFolder = new Map<string, string[]>();
  for (const entry of paths) {
    if (!entry.startsWith(prefix) || isJunk(entry)) continue;
    const path = entry.slice(prefix.length);
    const slash = path.indexOf('/');
    if (slash < 0) {
      if (METADATA.has(path)) layout.metadata[path as MetadataFile] = entry;
      else if (!KNOWN_EXTRA_FILES.test(path)) layout.unexpected.push(entry);
      continue;
    }
    const folder = path.slice(0, slash);
    const rest = path.slice(slash + 1);
    if (KNOWN_EXTRA_FOLDERS.test(folder)) continue;
    if (DAY_FILE.test(rest)) {
      let conversation = byFolder.get(folder);
      if (conversation === undefined) {
        conversation = { folder, dayFiles: [] };
        byFolder.set(folder, conversation);
        layout.conversations.push(conversation);
      }
      conversation.dayFiles.push(entry);
    } else if (!KNOWN_EXTRA_IN_FOLDER.test(rest)) {
      const others = otherInFolder.get(folder) ?? [];
      others.push(entry);
      otherInFolder.set(folder, others);
    }
  }
  layout.conversations.sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
  for (const conversation of layout.conversations) conversation.dayFiles.sort();
  for (const others of otherInFolder.values()) layout.unexpected.push(...others);
  layout.unexpected.sort();
  return layout;
}
