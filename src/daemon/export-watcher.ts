import { watch, type FSWatcher } from 'chokidar';
import { basename, isAbsolute, join, relative, sep } from 'node:path';

export interface ExportWatcherOptions {
  /** Absolute folders to watch; each top-level entry in them is one export (file or folder). */
  folders: readonly string[];
  /** Called with the exports that changed, once changes have been quiet for `debounceMs`. */
  onChange: (exports: string[]) => void;
  debounceMs?: number;
  /** How long a file's size must stay the same before it counts as written (awaitWriteFinish). */
  stableMs?: number;
  onError?: (error: Error) => void;
}

/** Names browsers and copy tools use while a file is still arriving, and hidden files. */
const PARTIAL = /(^\.|\.(part|partial|crdownload|download|tmp|swp)$|~$)/i;

/**
 * Watches export folders with chokidar. A change anywhere inside a top-level entry (a Slack export
 * folder being replaced file by file, a zip finishing its download) marks that entry; entries are
 * reported together after a quiet period. Existing entries are reported once at start (the caller
 * skips those it has already ingested).
 */
export class ExportWatcher {
  private watcher: FSWatcher | undefined;
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: ExportWatcherOptions) {}

  async start(): Promise<void> {
    if (this.options.folders.length === 0) return;
    const watcher = watch([...this.options.folders], {
      ignoreInitial: false,
      persistent: true,
      ignored: (path: string) => PARTIAL.test(basename(path)),
      awaitWriteFinish: { stabilityThreshold: this.options.stableMs ?? 1_000, pollInterval: 100 },
      depth: 8,
    });
    this.watcher = watcher;
    for (const event of ['add', 'change', 'addDir'] as const)
      watcher.on(event, (path: string) => this.mark(path));
    watcher.on('error', (error) => this.options.onError?.(error as Error));
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
    await this.watcher?.close();
    this.watcher = undefined;
  }

  /** The top-level entry of a watched folder that `path` lies in, if any. */
  exportOf(path: string): string | undefined {
    for (const folder of this.options.folders) {
      const rel = relative(folder, path);
      if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) continue;
      return join(folder, rel.split(sep)[0]);
    }
    return undefined;
  }

  private mark(path: string): void {
    const entry = this.exportOf(path);
    if (!entry) return;
    this.pending.add(entry);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.options.debounceMs ?? 2_000);
  }

  private flush(): void {
    this.timer = undefined;
    const exports = [...this.pending].sort();
    this.pending.clear();
    if (exports.length > 0) this.options.onChange(exports);
  }
}
