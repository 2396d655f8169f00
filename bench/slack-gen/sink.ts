import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import yazl from 'yazl';

/** Where the generator writes export files: a folder, or a zip written as it goes. */
export interface ExportSink {
  write(path: string, data: Buffer): Promise<void>;
  /** Finishes writing; resolves with the bytes on disk. */
  close(): Promise<number>;
}

export function folderSink(root: string): ExportSink {
  const made = new Set<string>();
  let bytes = 0;
  return {
    write: async (path, data) => {
      const full = join(root, path);
      const dir = dirname(full);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      writeFileSync(full, data);
      bytes += data.length;
    },
    close: async () => bytes,
  };
}

/** Zip entries handed to yazl but not yet started; the generator waits rather than queue more. */
const ZIP_WINDOW = 32;
/** Fast deflate: JSON shrinks ~8x even at level 1, and level 6 doubles the time to write a big export. */
const ZIP_LEVEL = 1;
/** A fixed time for every entry, so the same seed gives the same zip bytes. */
const ZIP_MTIME = new Date(Date.UTC(2025, 0, 1));

/**
 * A zip written while the export is generated. yazl writes entries in order; each entry's data is
 * handed over only when yazl reaches it, and at most ZIP_WINDOW entries wait, so memory stays small.
 */
export function zipSink(file: string): ExportSink {
  const zip = new yazl.ZipFile();
  const output = createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    output.on('close', resolve).on('error', reject);
    zip.on('error', reject);
  });
  zip.outputStream.pipe(output);
  const started: Array<Promise<void>> = [];
  return {
    write: async (path, data) => {
      while (started.length >= ZIP_WINDOW) await started.shift();
      // yazl keeps every entry (and so this callback) until the end: drop the data once handed over.
      let held: Buffer | undefined = data;
      started.push(
        new Promise<void>((resolve) => {
          zip.addReadStreamLazy(
            path,
            { mtime: ZIP_MTIME, mode: 0o644, compressionLevel: ZIP_LEVEL },
            (callback) => {
              const chunk = held ?? Buffer.alloc(0);
              held = undefined;
              resolve();
              callback(null, new PassThrough().end(chunk));
            },
          );
        }),
      );
    },
    close: async () => {
      zip.end();
      await done;
      return output.bytesWritten;
    },
  };
}
