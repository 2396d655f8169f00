import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { OutroError } from '../../domain/errors.js';
import { crontabLine, mergeCrontab, systemdUnits, UNIT_NAME, type DigestCommand } from '../../answers/brief/schedule-units.js';
import type { CliContext } from '../context.js';
import { writeJson, writeLines } from '../output.js';

interface ScheduleFlags {
  systemd?: boolean;
  write?: boolean;
  json?: boolean;
}

/** The command cron or systemd runs: this node, this outro, and the state/config it uses now. */
function digestCommand(ctx: CliContext): DigestCommand {
  const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../../../bin/outro');
  const env: Record<string, string> = {};
  for (const key of ['OUTRO_HOME', 'OUTRO_CONFIG'] as const) if (ctx.env[key]) env[key] = resolve(ctx.env[key]!);
  return { node: process.execPath, bin, env, logFile: join(ctx.paths.logDir, 'digest.log') };
}

function run(command: string, args: string[], ctx: CliContext, input?: string): { ok: boolean; stdout: string; stderr: string; missing: boolean } {
  const result = spawnSync(command, args, { input, env: ctx.env, encoding: 'utf8' });
  const missing = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  return { ok: result.status === 0, stdout: result.stdout ?? '', stderr: result.stderr ?? '', missing };
}

function installCrontab(ctx: CliContext, line: string): string[] {
  const current = run('crontab', ['-l'], ctx);
  if (current.missing) throw new OutroError('USAGE', 'crontab is not installed. Use --systemd for a systemd user timer, or run `outro daemon start`.');
  // `crontab -l` fails when the user has no crontab yet: start from an empty one.
  const next = mergeCrontab(current.ok ? current.stdout : '', line);
  const written = run('crontab', ['-'], ctx, next);
  if (!written.ok) throw new OutroError('USAGE', `crontab refused the new table: ${written.stderr.trim() || 'no reason given'}. Add this line yourself with \`crontab -e\`:\n${line}`);
  return ['Installed in your crontab (an earlier outro line was replaced):', line];
}

function installSystemd(ctx: CliContext, units: { service: string; timer: string }): string[] {
  const base = ctx.env.XDG_CONFIG_HOME || join(ctx.env.HOME ?? homedir(), '.config');
  const dir = join(base, 'systemd', 'user');
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of [[`${UNIT_NAME}.service`, units.service], [`${UNIT_NAME}.timer`, units.timer]] as const) {
    const temp = join(dir, `.${name}.${process.pid}.tmp`);
    writeFileSync(temp, text);
    renameSync(temp, join(dir, name));
  }
  const lines = [`Wrote ${join(dir, `${UNIT_NAME}.service`)} and ${UNIT_NAME}.timer`];
  const reload = run('systemctl', ['--user', 'daemon-reload'], ctx);
  const enable = reload.ok ? run('systemctl', ['--user', 'enable', '--now', `${UNIT_NAME}.timer`], ctx) : reload;
  if (enable.ok) lines.push(`Enabled ${UNIT_NAME}.timer (see: systemctl --user list-timers ${UNIT_NAME}.timer)`);
  else lines.push(`Could not enable it here (${enable.missing ? 'systemctl not found' : enable.stderr.trim() || 'systemctl failed'}); run:`, `  systemctl --user daemon-reload && systemctl --user enable --now ${UNIT_NAME}.timer`);
  return lines;
}

export function registerSchedule(program: Command, context: () => CliContext): void {
  const schedule = program.command('schedule').description('Run the digest on its schedule without the daemon (cron or a systemd user timer)');
  schedule
    .command('install')
    .description('Print (or with --write install) a crontab line or a systemd user service + timer that runs `outro digest` on config digest.schedule')
    .option('--systemd', 'a systemd user service + timer instead of a crontab line')
    .option('--write', 'install it: replace the outro line in your crontab (via `crontab -`), or write the units to ~/.config/systemd/user and enable the timer')
    .option('--json', 'print {schedule, crontab} or {schedule, onCalendar, service, timer} as JSON')
    .addHelpText(
      'after',
      `
The schedule is config digest.schedule (default "0 8 * * 1-5": 08:00 on weekdays). Cron uses the
system's time zone; the systemd timer uses config \`timezone\` when set. The digest is written once
per fire time, so a timer that also catches up after sleep never writes it twice.

Examples:
  outro schedule install                    print the crontab line
  outro schedule install --write            add it to your crontab (replacing an earlier one)
  outro schedule install --systemd --write  install and enable a systemd user timer`,
    )
    .action((flags: ScheduleFlags) => {
      const ctx = context();
      const config = ctx.config();
      const command = digestCommand(ctx);
      const cron = config.digest.schedule;
      if (flags.systemd) {
        const units = systemdUnits(cron, command, config.timezone);
        const onCalendar = /OnCalendar=(.*)/.exec(units.timer)?.[1] ?? '';
        if (flags.json && !flags.write) return writeJson(ctx.stdout, { schedule: cron, onCalendar, ...units });
        if (!flags.write) return writeLines(ctx.stdout, [`# ~/.config/systemd/user/${UNIT_NAME}.service`, units.service, `# ~/.config/systemd/user/${UNIT_NAME}.timer`, units.timer, '# then: systemctl --user daemon-reload && systemctl --user enable --now outro-digest.timer', '# (or run this command again with --write)']);
        const lines = installSystemd(ctx, units);
        return flags.json ? writeJson(ctx.stdout, { schedule: cron, onCalendar, installed: true, messages: lines }) : writeLines(ctx.stdout, lines);
      }
      const line = crontabLine(cron, command);
      if (!flags.write) return flags.json ? writeJson(ctx.stdout, { schedule: cron, crontab: line }) : writeLines(ctx.stdout, [line]);
      const lines = installCrontab(ctx, line);
      return flags.json ? writeJson(ctx.stdout, { schedule: cron, crontab: line, installed: true }) : writeLines(ctx.stdout, lines);
    });
}
