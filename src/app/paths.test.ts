import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { resolvePaths } from './paths.js';

describe('resolvePaths', () => {
  it('keeps every path under OUTRO_HOME when it is set', () => {
    const paths = resolvePaths({ OUTRO_HOME: '/tmp/oh', XDG_DATA_HOME: '/elsewhere' });
    for (const value of Object.values(paths)) expect(value.startsWith('/tmp/oh')).toBe(true);
    expect(paths.database).toBe(join('/tmp/oh', 'outro.db'));
  });

  it('follows XDG on Linux', () => {
    if (process.platform !== 'linux') return;
    const paths = resolvePaths({
      HOME: '/home/u',
      XDG_DATA_HOME: '/d',
      XDG_CONFIG_HOME: '/c',
      XDG_RUNTIME_DIR: '/run/user/1',
    });
    expect(paths).toMatchObject({
      dataDir: '/d/outro',
      configFile: '/c/outro/config.yaml',
      runtimeDir: '/run/user/1/outro',
    });
    expect(resolvePaths({ HOME: '/home/u' }).dataDir).toBe('/home/u/.local/share/outro');
  });

  it('lets OUTRO_CONFIG name the config file', () => {
    expect(resolvePaths({ OUTRO_HOME: '/h', OUTRO_CONFIG: '/etc/outro.yaml' }).configFile).toBe(
      '/etc/outro.yaml',
    );
  });
});
