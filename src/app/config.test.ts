import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isOutroError } from '../domain/errors.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { loadConfig } from './config.js';
import { meList } from './config-me.js';

describe('loadConfig', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());
  const write = (text: string) => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const file = join(temp.dir, 'config.yaml');
    writeFileSync(file, text);
    return file;
  };

  it('gives every default when the file is missing', () => {
    const config = loadConfig('/nonexistent/config.yaml');
    expect(config).toMatchObject({
      people: [],
      watch: [],
      digest: { schedule: '0 8 * * 1-5', window: '24h' },
      calendar: { pastDays: 30, futureDays: 90 },
    });
    expect(config.model).toBeUndefined();
  });

  it('reads me, people aliases and the model', () => {
    const config = loadConfig(
      write(
        'me: dana@acme.io\npeople:\n  - name: Priya Nair\n    ids: [discord:pj_dev, priya@acme.io]\nmodel: { provider: ollama, name: llama3.1 }\n',
      ),
    );
    expect(meList(config)).toEqual(['dana@acme.io']);
    expect(config.people[0].ids).toEqual(['discord:pj_dev', 'priya@acme.io']);
    expect(config.model).toMatchObject({ provider: 'ollama', name: 'llama3.1' });
  });

  it('reads identities a person alias excludes, and refuses a misspelt key in an alias', () => {
    const config = loadConfig(
      write('people:\n  - name: Lou Ferreira\n    ids: [discord:lou_acme]\n    exclude: [slack:U123]\n'),
    );
    expect(config.people[0].exclude).toEqual(['slack:U123']);
    expect(() =>
      loadConfig(write('people:\n  - name: Lou\n    ids: [discord:lou_acme]\n    exlude: [slack:U123]\n')),
    ).toThrow(/exlude/);
  });

  it('names the key that does not validate, and typos', () => {
    const error = (() => {
      try {
        loadConfig(write('digest:\n  shedule: "0 8 * * *"\n'));
      } catch (e) {
        return e;
      }
    })();
    expect(isOutroError(error, 'CONFIG_INVALID')).toBe(true);
    expect((error as Error).message).toMatch(/digest/);
    expect((error as Error).message).toMatch(/shedule/);
  });

  it('reports broken YAML with the file name', () => {
    expect(() => loadConfig(write('me: [unclosed\n'))).toThrow(/not valid YAML/);
  });
});
