import type { Command } from 'commander';
import { UNIT_NAME } from '../../answers/brief/schedule-units.js';
import { loadContextModules, type CliContext } from '../context.js';
import { writeJson, writeLines } from '../output.js';

interface ScheduleFlags {
  systemd?: boolean;
  write?: boolean;
  json?: boolean;
}

export function registerSchedule(program: Command, context: () => CliContext): void {
  const schedule = program
    .command('schedule')
    .description('Run the digest on its schedule without the daemon (cron or a systemd user timer)');
  schedule
    .command('install')
    .description(
      'Print (or with --write install) a crontab line or a systemd user service + timer that runs `outro digest` on config digest.schedule',
    )
    .option('--systemd', 'a systemd user service + timer instead of a crontab line')
    .option(
      '--write',
      'install it: replace the outro line in your crontab (via `crontab -`), or write the units to ~/.config/systemd/user and enable the timer',
    )
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
    .action(async (flags: ScheduleFlags) => {
      // Always in this process: the line names this user's node, outro, HOME and config, not the daemon's.
      const ctx = context();
      const [{ scheduleInstall }] = await Promise.all([
        import('../../app/schedule.js'),
        loadContextModules(),
      ]);
      const result = await scheduleInstall(ctx, {
        systemd: flags.systemd === true,
        write: flags.write === true,
      });
      if (result.kind === 'systemd') {
        const { schedule, onCalendar, service, timer } = result;
        if (result.installed)
          return flags.json
            ? writeJson(ctx.stdout, {
                schedule,
                onCalendar,
                installed: true,
                messages: result.installed.messages,
              })
            : writeLines(ctx.stdout, result.installed.messages);
        if (flags.json) return writeJson(ctx.stdout, { schedule, onCalendar, service, timer });
        return writeLines(ctx.stdout, [
          `# ~/.config/systemd/user/${UNIT_NAME}.service`,
          service,
          `# ~/.config/systemd/user/${UNIT_NAME}.timer`,
          timer,
          '# then: systemctl --user daemon-reload && systemctl --user enable --now outro-digest.timer',
          '# (or run this command again with --write)',
        ]);
      }
      const { schedule, crontab } = result;
      if (result.installed)
        return flags.json
          ? writeJson(ctx.stdout, { schedule, crontab, installed: true })
          : writeLines(ctx.stdout, result.installed.messages);
      return flags.json ? writeJson(ctx.stdout, { schedule, crontab }) : writeLines(ctx.stdout, [crontab]);
    });
}
