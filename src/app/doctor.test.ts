import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutroError } from '../domain/errors.js';
import { clearIdentityCache } from '../llm/ollama-identity-cache.js';
import { FakeOllama } from '../llm/testing/fake-ollama.js';
import { ConfigSchema, type Config } from './config.js';
import { runDoctor, type DoctorCheck, type DoctorInput } from './doctor.js';
import { resolvePaths } from './paths.js';

let home: string;
let fake: FakeOllama;
beforeEach(async () => {
  clearIdentityCache();
  home = mkdtempSync(join(tmpdir(), 'outro-doctor-'));
  fake = await FakeOllama.start();
});
afterEach(async () => {
  await fake.close();
  rmSync(home, { recursive: true, force: true });
});

function config(model?: Partial<NonNullable<Config['model']>>): Config {
  return ConfigSchema.parse(
    model ? { model: { provider: 'ollama', name: 'llama3.2:3b', host: fake.url, ...model } } : {},
  );
}

function doctor(overrides: Partial<DoctorInput> & { config?: Config } = {}) {
  return runDoctor({
    loadConfig: () => overrides.config ?? config(),
    env: {},
    paths: resolvePaths({ OUTRO_HOME: home }),
    timeoutMs: 2_000,
    ...overrides,
  });
}

const check = (checks: DoctorCheck[], id: DoctorCheck['id']): DoctorCheck =>
  checks.find((item) => item.id === id)!;

describe('runDoctor', () => {
  it('is fine with no model, and says how to enable one', async () => {
    const report = await doctor();
    expect(report).toMatchObject({ ok: true, mode: 'heuristic' });
    expect(check(report.checks, 'model')).toMatchObject({
      status: 'info',
      detail: expect.stringContaining('heuristic mode'),
    });
    expect(check(report.checks, 'model').fix).toContain('ollama pull llama3.2:3b');
    expect(check(report.checks, 'model').fix).toContain('OUTRO_MODEL=ollama:llama3.2:3b');
    expect(check(report.checks, 'store')).toMatchObject({ status: 'ok' });
    expect(fake.requests).toEqual([]);
  });

  it('passes every check when the server runs and the model is pulled', async () => {
    const report = await doctor({ config: config({ embed: 'nomic-embed-text' }) });
    expect(report.checks.map((item) => [item.id, item.status])).toEqual([
      ['config', 'ok'],
      ['store', 'ok'],
      ['store.integrity', 'skip'],
      ['graph', 'skip'],
      ['backups', 'info'],
      ['privacy', 'ok'],
      ['model', 'ok'],
      ['model.server', 'ok'],
      ['model.version', 'ok'],
      ['model.pulled', 'ok'],
      ['model.chat', 'ok'],
      ['embeddings', 'ok'],
    ]);
    expect(report).toMatchObject({
      ok: true,
      mode: 'model',
      model: { name: 'llama3.2:3b', hostSource: 'config' },
    });
  });

  it('says to start ollama when nothing listens, naming the host and where it came from', async () => {
    await fake.close();
    const report = await doctor({ config: config({ host: undefined }), env: { OLLAMA_HOST: fake.hostPort } });
    const server = check(report.checks, 'model.server');
    expect(server).toMatchObject({ status: 'fail', code: 'MODEL_UNAVAILABLE' });
    expect(server.detail).toContain(
      `http://${fake.hostPort} (written "${fake.hostPort}", from the OLLAMA_HOST environment variable)`,
    );
    expect(server.fix).toMatch(/^Start Ollama with `ollama serve`.*fix OLLAMA_HOST/);
    expect(check(report.checks, 'model.pulled').status).toBe('skip');
    expect(report.ok).toBe(false);
  });

  it('reports a host that does not answer in time as a timeout at that host', async () => {
    fake.enqueueFor('/', { hang: true });
    const report = await doctor({ config: config({}), timeoutMs: 100 });
    expect(check(report.checks, 'model.server')).toMatchObject({
      status: 'fail',
      code: 'TIMEOUT',
      detail: expect.stringContaining(`No answer from ${fake.url}`),
    });
    expect(check(report.checks, 'model.server').detail).toContain('from model.host in the config file');
  });

  it('reports a host name that does not resolve', async () => {
    const dnsFailure: typeof fetch = async () => {
      throw Object.assign(new TypeError('fetch failed'), {
        cause: Object.assign(new Error('getaddrinfo ENOTFOUND ollama.lan'), { code: 'ENOTFOUND' }),
      });
    };
    const report = await doctor({ config: config({ host: 'ollama.lan' }), fetch: dnsFailure });
    expect(check(report.checks, 'model.server')).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining(
        'http://ollama.lan:11434 (written "ollama.lan", from model.host in the config file) does not resolve',
      ),
    });
  });

  it('warns when something that is not Ollama answers at the host', async () => {
    const other = await import('node:http').then(({ createServer }) =>
      createServer((_request, response) => response.end('<html>router admin</html>')),
    );
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const port = (other.address() as { port: number }).port;
      const report = await doctor({ config: config({ host: `127.0.0.1:${port}` }) });
      expect(check(report.checks, 'model.server')).toMatchObject({
        status: 'warn',
        detail: expect.stringContaining('but not like Ollama'),
      });
      expect(check(report.checks, 'model.version').status).toBe('fail');
    } finally {
      other.closeAllConnections();
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('says to pull a model the server lacks, listing what is pulled', async () => {
    const report = await doctor({ config: config({ name: 'qwen2.5:7b' }) });
    expect(check(report.checks, 'model.pulled')).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('Pulled: llama3.2:3b, nomic-embed-text:latest'),
      fix: expect.stringContaining('Run `ollama pull qwen2.5:7b`'),
    });
  });

  it('says to upgrade a server too old for structured outputs', async () => {
    fake.version = '0.4.7';
    const report = await doctor({ config: config({}) });
    expect(report.ok).toBe(false);
    expect(check(report.checks, 'model.version')).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('Ollama 0.4.7 is too old'),
      fix: expect.stringContaining('Upgrade Ollama'),
    });
  });

  it('fails a chat model that can only embed', async () => {
    const report = await doctor({ config: config({ name: 'nomic-embed-text' }) });
    expect(check(report.checks, 'model.chat')).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('cannot chat (capabilities: embedding)'),
    });
  });

  it('notes when the server does not report capabilities', async () => {
    fake.capabilities = false;
    const report = await doctor({ config: config({}) });
    expect(check(report.checks, 'model.chat').status).toBe('info');
  });

  it('says to pull a missing embedding model', async () => {
    const report = await doctor({ config: config({ embed: 'mxbai-embed-large' }) });
    expect(check(report.checks, 'embeddings')).toMatchObject({
      status: 'fail',
      fix: expect.stringContaining('Run `ollama pull mxbai-embed-large`'),
    });
  });

  it('names the files a local embedding directory lacks', async () => {
    const dir = join(home, 'minilm');
    mkdirSync(join(dir, 'onnx'), { recursive: true });
    writeFileSync(join(dir, 'config.json'), '{}');
    const report = await doctor({ config: config({ embed: dir }) });
    expect(check(report.checks, 'embeddings')).toMatchObject({
      status: 'fail',
      detail: `The local embedding model at ${dir} lacks tokenizer.json, tokenizer_config.json, onnx/model.onnx.`,
    });
    const missing = await doctor({ config: config({ embed: join(home, 'nowhere') }) });
    expect(check(missing.checks, 'embeddings').detail).toContain('does not exist');
  });

  it('fails a store path that cannot be written', async () => {
    writeFileSync(join(home, 'blocker'), 'a file where a directory should be');
    const report = await runDoctor({
      loadConfig: () => config({}),
      env: {},
      paths: resolvePaths({ OUTRO_HOME: join(home, 'blocker', 'outro') }),
    });
    expect(check(report.checks, 'store')).toMatchObject({
      status: 'fail',
      code: 'STORE_CORRUPT',
      fix: expect.stringContaining('OUTRO_HOME'),
    });
  });

  it('reports an invalid config and an OUTRO_MODEL it cannot read', async () => {
    const report = await doctor({
      loadConfig: () => {
        throw new OutroError('CONFIG_INVALID', 'config.yaml does not validate: model.name: Required.');
      },
      env: { OUTRO_MODEL: 'gpt-4' },
    });
    expect(check(report.checks, 'config')).toMatchObject({ status: 'fail', code: 'CONFIG_INVALID' });
    expect(check(report.checks, 'model')).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('OUTRO_MODEL=ollama:<model name>'),
    });
  });
});
