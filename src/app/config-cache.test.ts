import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/temp-dir.js';
import { cachedConfig, readConfigText, rememberConfig } from './config-cache.js';
import { loadConfig } from './config.js';

describe('config cache', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());
  const setUp = () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const dataDir = join(temp.dir, 'data');
    mkdirSync(dataDir);
    return { dir: temp.dir, dataDir, file: join(temp.dir, 'config.yaml') };
  };

  it('gives back a validated config only for the same text of the same file', () => {
    const { dir, dataDir, file } = setUp();
    writeFileSync(file, 'timezone: Europe/Berlin\n');
    const text = readConfigText(file);
    expect(cachedConfig(dataDir, file, text)).toBeUndefined();
    const config = loadConfig(file);
    rememberConfig(dataDir, file, text, config);
    expect(cachedConfig(dataDir, file, text)).toEqual(config);
    expect(cachedConfig(dataDir, file, 'timezone: UTC\n')).toBeUndefined();
    expect(cachedConfig(dataDir, join(dir, 'other.yaml'), text)).toBeUndefined();
    // No file is a text of its own.
    expect(cachedConfig(dataDir, file, null)).toBeUndefined();
  });

  it('keeps a missing file apart from an empty one', () => {
    const { dataDir, file } = setUp();
    rememberConfig(dataDir, file, null, loadConfig(file));
    expect(cachedConfig(dataDir, file, null)).toMatchObject({ people: [] });
    expect(cachedConfig(dataDir, file, '')).toBeUndefined();
  });

  it('writes nothing before the data folder exists', () => {
    const { dir, file } = setUp();
    const dataDir = join(dir, 'not-yet');
    rememberConfig(dataDir, file, null, loadConfig(file));
    expect(cachedConfig(dataDir, file, null)).toBeUndefined();
  });
});
