import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseExport,
  slackMessage,
  writeExport,
} from '../../src/connectors/slack/test-support/slack-export-fixture.js';

const BIN = resolve('bin/outro');
const has = (shell: string): boolean => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
/** The test's name, saying why it is skipped when the shell is missing. */
const inShell = (shell: string): string =>
  has(shell) ? `completes in ${shell}` : `completes in ${shell} (skipped: ${shell} is not installed)`;

/**
 * `outro completion` scripts run in the real shells, with the compiled `outro` on PATH over a store
 * holding a small Slack export (channel #general, people Dana and Fox Example). zsh and fish run
 * only where they are installed.
 */
describe('outro completion', () => {
  const home = mkdtempSync(join(tmpdir(), 'outro-completion-'));
  const bin = join(home, 'bin');
  const env = { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: home, OUTRO_HOME: home };
  const outro = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8' });
  const script = (shell: string): string => {
    const file = join(home, `outro.${shell}`);
    const printed = outro('completion', shell);
    expect(printed.status, printed.stderr).toBe(0);
    writeFileSync(file, printed.stdout);
    return file;
  };

  beforeAll(async () => {
    mkdirSync(bin);
    symlinkSync(BIN, join(bin, 'outro'));
    const exportDir = await writeExport(
      join(home, 'slack'),
      baseExport({
        'general/2026-02-27.json': [slackMessage('1772193600.000100', { user: 'U1', text: 'hi' })],
      }),
    );
    expect(outro('ingest', exportDir, '--json').status).toBe(0);
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('lists the store values it completes: channel names without #, people by name and email', () => {
    expect(outro('completion', '--list', 'channels').stdout).toBe('general\n');
    expect(outro('completion', '--list', 'people').stdout.split('\n')).toEqual(
      expect.arrayContaining(['Dana Example', 'dana@example.com', 'Fox Example']),
    );
  });

  it('asks which shell when none is given, and refuses one it does not know', () => {
    expect(outro('completion').stderr).toMatch(/Which shell\?/);
    expect(outro('completion', 'tcsh').status).toBe(2);
  });

  it('completes commands, subcommands, flags and store values in bash', () => {
    const file = script('bash');
    const complete = (...words: string[]): string[] => {
      const run = spawnSync(
        'bash',
        [
          '-c',
          `source ${file}; COMP_WORDS=("$@"); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); _outro; printf '%s\\n' "\${COMPREPLY[@]}"`,
          '_',
          ...words,
        ],
        { env, encoding: 'utf8' },
      );
      expect(run.stderr).toBe('');
      return run.stdout.split('\n').filter((line) => line !== '');
    };
    expect(complete('outro', 'br')).toEqual(['brief']);
    expect(complete('outro', 'daemon', 'st')).toEqual(['start', 'stop', 'status']);
    expect(complete('outro', 'brief', '--m')).toEqual(['--me', '--md', '--model-budget']);
    expect(complete('outro', 'brief', '--since', '3d', '--me', 'Da')).toEqual(['Dana\\ Example']);
    expect(complete('outro', 'conversations', '--channel', 'g')).toEqual(['general']);
    expect(complete('outro', '--config', 'x.yaml', 'completion', '')).toEqual(['bash', 'zsh', 'fish']);
  });

  it.skipIf(!has('fish'))(inShell('fish'), () => {
    const file = script('fish');
    const complete = (line: string): string[] =>
      spawnSync('fish', ['-c', `source ${file}; complete -C '${line}'`], { env, encoding: 'utf8' })
        .stdout.split('\n')
        .filter((row) => row !== '')
        .map((row) => row.split('\t')[0]);
    expect(complete('outro daemon st')).toEqual(['start', 'status', 'stop']);
    expect(complete('outro brief --me Fo')).toEqual(['Fox Example']);
    expect(complete('outro conversations --channel ')).toEqual(['general']);
  });

  it.skipIf(!has('zsh'))(inShell('zsh'), () => {
    const file = script('zsh');
    // compadd and _describe exist only inside zsh's completion system: stubs print what they get.
    const harness = `compdef() { :; }
compadd() { print -rl -- "\${(P@)2}"; }
_describe() { print -rl -- "\${(P@)4}"; }
source ${file}
words=("$@"); CURRENT=\${#words}; _outro`;
    const complete = (...words: string[]): string[] =>
      spawnSync('zsh', ['-c', harness, '_', ...words], { env, encoding: 'utf8' })
        .stdout.split('\n')
        .filter(Boolean);
    expect(complete('outro', 'daemon', '')).toEqual([
      'run:Run the daemon in the foreground until SIGTERM/SIGINT (for service managers)',
      expect.stringMatching(/^start:/),
      expect.stringMatching(/^stop:/),
      expect.stringMatching(/^status:/),
    ]);
    expect(complete('outro', 'brief', '--me', '')).toEqual(
      expect.arrayContaining(['Dana Example', 'fox@example.com']),
    );
    expect(complete('outro', 'conversations', '--channel', '')).toEqual(['general']);
  });
});
