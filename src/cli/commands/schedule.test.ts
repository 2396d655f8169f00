import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cronToOnCalendar } from '../../answers/brief/schedule-units.js';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { runCaptured as run } from '../test-support/run-captured.js';

describe('outro schedule install', () => {
  const temp = makeTempDir('outro-schedule-');
  const bin = join(temp.dir, 'fake-bin');
  const table = join(temp.dir, 'crontab.txt');
  const calls = join(temp.dir, 'systemctl-calls.txt');
  // A fake crontab and systemctl on PATH: the real user's crontab and systemd are never touched.
  const env: NodeJS.ProcessEnv = {
    OUTRO_HOME: join(temp.dir, 'home'),
    HOME: temp.dir,
    XDG_CONFIG_HOME: join(temp.dir, 'xdg'),
    PATH: `${bin}:/usr/bin:/bin`,
    FAKE_CRONTAB: table,
    FAKE_CALLS: calls,
  };

  beforeAll(() => {
    mkdirSync(bin, { recursive: true });
    mkdirSync(join(temp.dir, 'home'), { recursive: true });
    writeFileSync(
      join(temp.dir, 'home', 'config.yaml'),
      'timezone: Europe/Berlin\ndigest:\n  schedule: "30 7 * * 1-5"\n',
    );
    writeFileSync(
      join(bin, 'crontab'),
      '#!/bin/sh\nif [ "$1" = "-l" ]; then [ -f "$FAKE_CRONTAB" ] || { echo "no crontab for user" >&2; exit 1; }; cat "$FAKE_CRONTAB"; exit 0; fi\nif [ "$1" = "-" ]; then cat > "$FAKE_CRONTAB"; exit 0; fi\nexit 2\n',
    );
    writeFileSync(join(bin, 'systemctl'), '#!/bin/sh\necho "$@" >> "$FAKE_CALLS"\n');
    chmodSync(join(bin, 'crontab'), 0o755);
    chmodSync(join(bin, 'systemctl'), 0o755);
  });
  afterAll(() => temp.cleanup());

  it("prints a crontab line that runs this outro's digest with the same home", async () => {
    const result = await run(env, ['schedule', 'install']);
    expect(result.code, result.stderr).toBeUndefined();
    const line = result.stdout.trim();
    expect(line).toMatch(
      /^30 7 \* \* 1-5 OUTRO_HOME=\S+\/home \S*node\S* \S+\/bin\/outro digest >> \S+digest\.log 2>&1 # outro-digest$/,
    );
    expect(existsSync(table)).toBe(false);
  });

  it('--write installs it through `crontab -`, keeping other lines and replacing an earlier outro line', async () => {
    writeFileSync(table, '15 * * * * /usr/bin/backup\n0 9 * * * old outro digest # outro-digest\n');
    const result = await run(env, ['schedule', 'install', '--write']);
    expect(result.code, result.stderr).toBeUndefined();
    const lines = readFileSync(table, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('15 * * * * /usr/bin/backup');
    expect(lines[1]).toMatch(/^30 7 \* \* 1-5 .* # outro-digest$/);
    // Twice is the same as once.
    await run(env, ['schedule', 'install', '--write']);
    expect(readFileSync(table, 'utf8').trim().split('\n')).toEqual(lines);
  });

  it('prints and installs a systemd user service and timer in the config time zone', async () => {
    const printed = await run(env, ['schedule', 'install', '--systemd', '--json']);
    const units = JSON.parse(printed.stdout) as { onCalendar: string; service: string; timer: string };
    expect(units.onCalendar).toBe('Mon,Tue,Wed,Thu,Fri *-*-* 07:30:00 Europe/Berlin');
    expect(units.service).toMatch(/ExecStart=\S*node\S* \S+\/bin\/outro digest/);
    expect(units.timer).toContain('Persistent=true');
    const installed = await run(env, ['schedule', 'install', '--systemd', '--write']);
    expect(installed.code, installed.stderr).toBeUndefined();
    expect(readFileSync(join(temp.dir, 'xdg', 'systemd', 'user', 'outro-digest.timer'), 'utf8')).toBe(
      units.timer,
    );
    expect(readFileSync(calls, 'utf8').trim().split('\n')).toEqual([
      '--user daemon-reload',
      '--user enable --now outro-digest.timer',
    ]);
  });
});

describe('cronToOnCalendar', () => {
  it('converts lists, ranges, steps and names', () => {
    expect(cronToOnCalendar('0 8 * * 1-5')).toBe('Mon,Tue,Wed,Thu,Fri *-*-* 08:00:00');
    expect(cronToOnCalendar('*/20 9-10 1,15 * *')).toBe('*-*-01,15 09,10:00,20,40:00');
    expect(cronToOnCalendar('0 6 * jan sun', 'UTC')).toBe('Sun *-01-* 06:00:00 UTC');
  });

  it('refuses what a timer cannot express', () => {
    expect(() => cronToOnCalendar('0 8 1 * 1')).toThrow(/day-of-month and day-of-week/);
    expect(() => cronToOnCalendar('0 8 * *')).toThrow(/5-field/);
    expect(() => cronToOnCalendar('0 25 * * *')).toThrow(/out of range/);
  });
});
