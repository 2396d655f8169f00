import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedConfig, readConfigText } from '../app/config-cache.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { createContext, loadContextModules } from './context.js';

describe('the CLI context config', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('reads the config through the cache and reads it again once the file changes', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const file = join(temp.dir, 'outro.yaml');
    const env = { OUTRO_HOME: join(temp.dir, 'home'), OUTRO_CONFIG: file };
    const open = async () => {
      const ctx = createContext({ env, daemon: false });
      await loadContextModules({ file, dataDir: ctx.paths.dataDir });
      return ctx;
    };
    writeFileSync(file, 'timezone: Europe/Berlin\n');
    const first = await open();
    mkdirSync(first.paths.dataDir, { recursive: true });
    expect(first.config().timezone).toBe('Europe/Berlin');
    expect(cachedConfig(first.paths.dataDir, file, readConfigText(file))?.timezone).toBe('Europe/Berlin');
    expect((await open()).config().timezone).toBe('Europe/Berlin');

    writeFileSync(file, 'timezone: America/Chicago\n');
    expect((await open()).config().timezone).toBe('America/Chicago');

    // A config that does not validate is refused even with another text of the file cached.
    writeFileSync(file, 'timezone: America/Chicago\nnot_a_key: 1\n');
    const invalid = await open();
    expect(() => invalid.config()).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });
});
