import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearIdentityCache } from '../../llm/ollama-identity-cache.js';
import { FakeOllama } from '../../llm/testing/fake-ollama.js';
import { createContext, loadContextModules } from '../context.js';
import { registerDoctor } from './doctor.js';

let home: string;
let fake: FakeOllama;
beforeAll(() => loadContextModules());
beforeEach(async () => {
  clearIdentityCache();
  home = mkdtempSync(join(tmpdir(), 'outro-doctor-cli-'));
  fake = await FakeOllama.start();
});
afterEach(async () => {
  await fake.close();
  rmSync(home, { recursive: true, force: true });
});

async function doctor(
  args: string[],
  env: Record<string, string>,
): Promise<{ out: string; error?: unknown }> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const allEnv = { OUTRO_HOME: home, ...env };
  const ctx = createContext({ env: allEnv, stdout, stderr: new PassThrough() });
  const program = new Command().exitOverride();
  registerDoctor(program, () => ctx);
  try {
    await program.parseAsync(['doctor', ...args], { from: 'user' });
    return { out };
  } catch (error) {
    return { out, error };
  } finally {
    ctx.close();
  }
}

describe('outro doctor', () => {
  it('prints each check and the mode, and exits cleanly in heuristic mode', async () => {
    const { out, error } = await doctor([], {});
    expect(error).toBeUndefined();
    expect(out).toContain('[info] Model: No model configured: outro runs in heuristic mode');
    expect(out).toContain('       or set OUTRO_MODEL=ollama:llama3.2:3b for one run.');
    expect(out.trimEnd().split('\n').at(-1)).toBe('Mode: heuristic (no model).');
  });

  it('prints JSON with --json and fails with the first problem code', async () => {
    const { out, error } = await doctor(['--json'], {
      OUTRO_MODEL: 'ollama:qwen2.5:7b',
      OLLAMA_HOST: fake.hostPort,
    });
    const report = JSON.parse(out) as {
      ok: boolean;
      checks: Array<{ id: string; status: string; fix?: string }>;
    };
    expect(report.ok).toBe(false);
    expect(report.checks.find((check) => check.id === 'model.pulled')).toMatchObject({
      status: 'fail',
      fix: expect.stringContaining('ollama pull qwen2.5:7b'),
    });
    expect(error).toMatchObject({
      code: 'MODEL_UNAVAILABLE',
      message: 'outro doctor found 1 problem; the fixes are listed above.',
    });
  });
});
