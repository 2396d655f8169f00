import { isUtf8 } from 'node:buffer';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import yauzl from 'yauzl';
import { OutroError } from '../domain/errors.js';

/**
 * A read-only view of an export folder or a zip file, addressed by `/`-separated relative paths.
 * Files are read one at a time, so memory stays bounded by the largest single file.
 */
export interface Tree {
  readonly kind: 'dir' | 'zip';
  /** The folder or zip on disk. */
  readonly root: string;
  /** Relative paths of every file (not folders), sorted. */
  list(): readonly string[];
  read(path: string): Promise<Buffer>;
  size(path: string): number;
  close(): Promise<void>;
}

export interface ZipLimits {
  /** Total uncompressed bytes a zip may expand to. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio accepted for the whole archive. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 2 * 1024 ** 3, maxRatio: 100 };

export async function openDirTree(root: string): Promise<Tree> {
  const sizes = new Map<string, number>();
  function walk(dir: string): void {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) sizes.set(relative(root, full).split(sep).join('/'), statSync(full).size);
    }
  }
  walk(root);
  const names = [...sizes.keys()].sort();
  return {
    kind: 'dir',
    root,
    list: () => names,
    size: (path) => sizes.get(path) ?? 0,
    read: (path) => {
      if (!sizes.has(path))
        return Promise.reject(new OutroError('INPUT_NOT_FOUND', `${path} is not in ${root}.`));
      // Sync reads: export files are small and many, and the async path costs an open, fstat, read
      // and close round trip through the thread pool for each (a third of a bulk ingest's time).
      return Promise.resolve(readFileSync(join(root, ...path.split('/'))));
    },
    close: async () => {},
  };
}

/** Opens a zip, refusing entries with absolute or `..` paths and archives that expand past the limits. */
export async function openZipTree(file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<Tree> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, {
      lazyEntries: true,
      autoClose: false,
      decodeStrings: true,
      validateEntrySizes: true,
    });
  } catch (cause) {
    throw new OutroError(
      'FORMAT_INVALID',
      `${file} is not a readable zip archive (${(cause as Error).message}).`,
      { cause },
    );
  }
  const entries = new Map<string, yauzl.Entry>();
  let totalUncompressed = 0;
  let totalCompressed = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const name = entry.fileName;
      if (isUnsafeEntryName(name)) {
        throw new OutroError(
          'ZIP_UNSAFE',
          `${file} holds an entry with an absolute or parent path (${name}); refusing the whole archive.`,
        );
      }
      if (name.endsWith('/')) continue;
      totalUncompressed += entry.uncompressedSize;
      totalCompressed += entry.compressedSize;
      entries.set(name, entry);
    }
  } catch (cause) {
    zip.close();
    if (cause instanceof OutroError) throw cause;
    const message = (cause as Error).message;
    const unsafe = /invalid relative path|absolute path|invalid characters/i.test(message);
    throw new OutroError(
      unsafe ? 'ZIP_UNSAFE' : 'FORMAT_INVALID',
      unsafe
        ? `${file} holds an entry with an unsafe path (${message}); refusing the whole archive.`
        : `${file} is a damaged zip archive (${message}).`,
      { cause },
    );
  }
  if (totalUncompressed > limits.maxTotalBytes) {
    zip.close();
    throw new OutroError(
      'ZIP_UNSAFE',
      `${file} would expand to ${totalUncompressed} bytes, over the ${limits.maxTotalBytes}-byte limit; unzip it yourself and ingest the folder if you trust it.`,
    );
  }
  if (totalCompressed > 0 && totalUncompressed / totalCompressed > limits.maxRatio) {
    zip.close();
    throw new OutroError(
      'ZIP_UNSAFE',
      `${file} expands ${Math.round(totalUncompressed / totalCompressed)}:1, over the ${limits.maxRatio}:1 limit (a zip bomb?); unzip it yourself and ingest the folder if you trust it.`,
    );
  }
  const names = [...entries.keys()].sort();
  return {
    kind: 'zip',
    root: file,
    list: () => names,
    size: (path) => entries.get(path)?.uncompressedSize ?? 0,
    read: async (path) => {
      const entry = entries.get(path);
      if (!entry) throw new OutroError('INPUT_NOT_FOUND', `${path} is not in ${file}.`);
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      let length = 0;
      for await (const chunk of stream) {
        length += (chunk as Buffer).length;
        if (length > entry.uncompressedSize)
          throw new OutroError('ZIP_UNSAFE', `${path} in ${file} is larger than its header says.`);
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks, length);
    },
    close: async () => zip.close(),
  };
}

export function isUnsafeEntryName(name: string): boolean {
  if (name.startsWith('/') || name.startsWith('\\') || /^[a-zA-Z]:/.test(name)) return true;
  return name.split(/[\\/]/).some((part) => part === '..');
}

/** Decodes UTF-8 strictly (a BOM is dropped); throws INPUT_UNREADABLE on invalid bytes. */
export function decodeUtf8(bytes: Uint8Array, path: string): string {
  // isUtf8 + toString is several times faster than a fatal TextDecoder and rejects the same bytes.
  if (!isUtf8(bytes))
    throw new OutroError(
      'INPUT_UNREADABLE',
      `${path} is not valid UTF-8; re-export it or convert it (iconv -t UTF-8).`,
    );
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
