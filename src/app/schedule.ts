import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  crontabLine,
  mergeCrontab,
  systemdUnits,
  UNIT_NAME,
  type DigestCommand,
} from '../answers/brief/schedule-units.js';
import { OutroError } from '../domain/errors.js';
import type { AppContext } from './app-context.js';

export interface ScheduleInput {
  /** A systemd user service + timer instead of a crontab line. */
  systemd: boolean;
  /** Install it (crontab, or the units written and the timer enabled), not only print it. */
  write: boolean;
}

export type ScheduleResult =
  | { kind: 'crontab'; schedule: string; crontab: string; installed?: { messages: string[] } }
  | {
      kind: 'systemd';
      schedule: string;
      onCalendar: string;
      service: string;
      timer: string;
      installed?: { messages: string[] };
    };

/**
 * `outro schedule install`: the crontab line or systemd units that run `outro digest` on config
 * digest.schedule, installed with `write`. Runs in the user's own process (never in the daemon):
 * the line names this node, this outro and the user's OUTRO_HOME / OUTRO_CONFIG.
 */
export async function scheduleInstall(ctx: AppContext, input: ScheduleInput): Promise<ScheduleResult> {
  const config = ctx.config();
  const command = digestCommand(ctx);
  const cron = config.digest.schedule;
  if (input.systemd) {
    const units = systemdUnits(cron, command, config.timezone);
    const onCalendar = /OnCalendar=(.*)/.exec(units.timer)?.[1] ?? '';
    const result: ScheduleResult = { kind: 'systemd', schedule: cron, onCalendar, ...units };
    return input.write ? { ...result, installed: { messages: installSystemd(ctx, units) } } : result;
  }
  const line = crontabLine(cron, command);
  return {
    kind: 'crontab',
    schedule: cron,
    crontab: line,
    ...(input.write ? { installed: { messages: installCrontab(ctx, line) } } : {}),
  };
}

/** The command cron or systemd runs: this node, this outro, and the state/config it uses now. */
function digestCommand(ctx: AppContext): DigestCommand {
  const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/outro');
  const env: Record<string, string> = {};
  for (const key of ['OUTRO_HOME', 'OUTRO_CONFIG'] as const)
    if (ctx.env[key]) env[key] = resolve(ctx.env[key]!);
  return { node: process.execPath, bin, env, logFile: join(ctx.paths.logDir, 'digest.log') };
}

function run(
  command: string,
  args: string[],
  ctx: AppContext,
  input?: string,
): { ok: boolean; stdout: string; stderr: string; missing: boolean } {
  const result = spawnSync(command, args, { input, env: ctx.env, encoding: 'utf8' });
  const missing = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  return { ok: result.status === 0, stdout: result.stdout ?? '', stderr: result.stderr ?? '', missing };
}

function installCrontab(ctx: AppContext, line: string): string[] {
  const current = run('crontab', ['-l'], ctx);
  if (current.missing)
    throw new OutroError(
      'USAGE',
      'crontab is not installed. Use --systemd for a systemd user timer, or run `outro daemon start`.',
    );
  // `crontab -l` fails when the user has no crontab yet: start from an empty one.
  const next = mergeCrontab(current.ok ? current.stdout : '', line);
  const written = run('crontab', ['-'], ctx, next);
  if (!written.ok)
    throw new OutroError(
      'USAGE',
      `crontab refused the new table: ${written.stderr.trim() || 'no reason given'}. Add this line yourself with \`crontab -e\`:\n${line}`,
    );
  return ['Installed in your crontab (an earlier outro line was replaced):', line];
}

function installSystemd(ctx: AppContext, units: { service: string; timer: string }): string[] {
  const base = ctx.env.XDG_CONFIG_HOME || join(ctx.env.HOME ?? homedir(), '.config');
  const dir = join(base, 'systemd', 'user');
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of [
    [`${UNIT_NAME}.service`, units.service],
    [`${UNIT_NAME}.timer`, units.timer],
  ] as const) {
    const temp = join(dir, `.${name}.${process.pid}.tmp`);
    writeFileSync(temp, text);
    renameSync(temp, join(dir, name));
  }
  const lines = [`Wrote ${join(dir, `${UNIT_NAME}.service`)} and ${UNIT_NAME}.timer`];
  const reload = run('systemctl', ['--user', 'daemon-reload'], ctx);
  const enable = reload.ok
    ? run('systemctl', ['--user', 'enable', '--now', `${UNIT_NAME}.timer`], ctx)
    : reload;
  if (enable.ok)
    lines.push(`Enabled ${UNIT_NAME}.timer (see: systemctl --user list-timers ${UNIT_NAME}.timer)`);
  else
    lines.push(
      `Could not enable it here (${enable.missing ? 'systemctl not found' : enable.stderr.trim() || 'systemctl failed'}); run:`,
      `  systemctl --user daemon-reload && systemctl --user enable --now ${UNIT_NAME}.timer`,
    );
  return lines;
}
