import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isOutroError } from '../domain/errors.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { writeZip } from './test-support/make-zip.js';
import { decodeUtf8, isUnsafeEntryName, openDirTree, openZipTree } from './tree.js';

describe('trees over folders and zips', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());
  const temp = () => {
    const t = makeTempDir();
    cleanup = t.cleanup;
    return t.dir;
  };

  it('lists and reads a folder and a zip the same way', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'export', 'general'), { recursive: true });
    writeFileSync(join(dir, 'export', 'users.json'), '[]');
    writeFileSync(join(dir, 'export', 'general', '2026-11-10.json'), '[{"ts":"1"}]');
    await writeZip(join(dir, 'export.zip'), {
      'users.json': '[]',
      'general/2026-11-10.json': '[{"ts":"1"}]',
    });
    const folder = await openDirTree(join(dir, 'export'));
    const zip = await openZipTree(join(dir, 'export.zip'));
    expect(folder.list()).toEqual(['general/2026-11-10.json', 'users.json']);
    expect(zip.list()).toEqual(folder.list());
    expect((await zip.read('general/2026-11-10.json')).toString()).toBe(
      (await folder.read('general/2026-11-10.json')).toString(),
    );
    await zip.close();
  });

  it('refuses a zip with a parent-directory entry', async () => {
    const dir = temp();
    const file = join(dir, 'evil.zip');
    await writeZip(file, { 'users.json': '[]', 'xx/evil.json': '{}' });
    // Rewrite the name in place (same length) so the archive stays well-formed.
    const bytes = readFileSync(file);
    writeFileSync(
      file,
      Buffer.from(bytes.toString('latin1').replaceAll('xx/evil.json', '../evil.json'), 'latin1'),
    );
    const error = await openZipTree(file).catch((e: unknown) => e);
    expect(isOutroError(error, 'ZIP_UNSAFE')).toBe(true);
  });

  it('refuses an absolute entry name', async () => {
    const dir = temp();
    const file = join(dir, 'abs.zip');
    await writeZip(file, { 'xetc/passwd': 'root' });
    const bytes = readFileSync(file);
    writeFileSync(
      file,
      Buffer.from(bytes.toString('latin1').replaceAll('xetc/passwd', '/etc/passwd'), 'latin1'),
    );
    const error = await openZipTree(file).catch((e: unknown) => e);
    expect(isOutroError(error, 'ZIP_UNSAFE')).toBe(true);
  });

  it('refuses a zip that expands past the ratio limit', async () => {
    const dir = temp();
    const file = join(dir, 'bomb.zip');
    await writeZip(file, { 'users.json': Buffer.alloc(20 * 1024 * 1024) });
    const error = await openZipTree(file).catch((e: unknown) => e);
    expect(isOutroError(error, 'ZIP_UNSAFE')).toBe(true);
    expect((error as Error).message).toMatch(/:1/);
  });

  it('refuses a zip that expands past the size limit', async () => {
    const dir = temp();
    const file = join(dir, 'big.zip');
    await writeZip(file, { 'users.json': 'x'.repeat(5000) });
    const error = await openZipTree(file, { maxTotalBytes: 1000, maxRatio: 1e9 }).catch((e: unknown) => e);
    expect(isOutroError(error, 'ZIP_UNSAFE')).toBe(true);
  });

  it('reports a damaged zip as invalid, not unsafe', async () => {
    const dir = temp();
    const file = join(dir, 'cut.zip');
    await writeZip(file, { 'users.json': '[]' });
    writeFileSync(file, readFileSync(file).subarray(0, 30));
    const error = await openZipTree(file).catch((e: unknown) => e);
    expect(isOutroError(error, 'FORMAT_INVALID')).toBe(true);
  });

  it('classifies entry names', () => {
    expect(isUnsafeEntryName('a/../../b')).toBe(true);
    expect(isUnsafeEntryName('C:\\x')).toBe(true);
    expect(isUnsafeEntryName('/x')).toBe(true);
    expect(isUnsafeEntryName('general/2026-11-10.json')).toBe(false);
    expect(isUnsafeEntryName('..hidden/x')).toBe(false);
  });

  it('decodes UTF-8 strictly', () => {
    expect(decodeUtf8(Buffer.from('héllo ✅'), 'f')).toBe('héllo ✅');
    expect(() => decodeUtf8(Buffer.from([0x68, 0xe9, 0x6c]), 'latin1.json')).toThrow(/not valid UTF-8/);
  });
});
