import { OutroError } from '../../domain/errors.js';
import { DAY_NAMES } from '../../domain/time-zones.js';

/**
 * The text of a crontab line and of a systemd user service + timer that run `outro digest` on
 * the config's cron schedule, for people who do not run the daemon. Pure: the CLI installs them.
 */

export const CRON_MARKER = '# outro-digest';
export const UNIT_NAME = 'outro-digest';

export interface DigestCommand {
  /** Absolute path of node. */
  node: string;
  /** Absolute path of bin/outro. */
  bin: string;
  /** Environment the digest needs (OUTRO_HOME, OUTRO_CONFIG), only when set. */
  env: Record<string, string>;
  /** Where cron appends the digest's output. */
  logFile: string;
}

/** Single-quotes a shell word when it needs it. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `0 8 * * 1-5 OUTRO_HOME=… node …/bin/outro digest >> log 2>&1 # outro-digest` */
export function crontabLine(schedule: string, command: DigestCommand): string {
  const fields = schedule.trim().split(/\s+/);
  if (fields.length !== 5)
    throw new OutroError(
      'USAGE',
      `digest.schedule "${schedule}" has ${fields.length} fields; cron needs 5 (minute hour day-of-month month day-of-week), e.g. "0 8 * * 1-5".`,
    );
  const env = Object.entries(command.env).map(([key, value]) => `${key}=${shellQuote(value)}`);
  return [
    fields.join(' '),
    ...env,
    shellQuote(command.node),
    shellQuote(command.bin),
    'digest',
    '>>',
    shellQuote(command.logFile),
    '2>&1',
    CRON_MARKER,
  ].join(' ');
}

/** Replaces any earlier outro line in a crontab with `line`, keeping everything else. */
export function mergeCrontab(existing: string, line: string): string {
  const kept = existing.split('\n').filter((entry) => entry.trim() !== '' && !entry.includes(CRON_MARKER));
  return `${[...kept, line].join('\n')}\n`;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Expands one cron field to its values, or undefined for `*` (every value). */
function expand(
  field: string,
  min: number,
  max: number,
  names: readonly string[] = [],
  offset = 0,
): number[] | undefined {
  if (field === '*' || field === '?') return undefined;
  const values = new Set<number>();
  const value = (text: string): number => {
    const named = names.findIndex((name) => name.toLowerCase() === text.toLowerCase().slice(0, 3));
    const number = named >= 0 && /^[a-z]/i.test(text) ? named + offset : Number(text);
    if (!Number.isInteger(number) || number < min || number > max)
      throw new Error(`"${text}" is out of range ${min}-${max}`);
    return number;
  };
  for (const part of field.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`bad step in "${part}"`);
    const [from, to] =
      range === '*'
        ? [min, max]
        : range.includes('-')
          ? range.split('-').map(value)
          : [value(range), stepText === undefined ? value(range) : max];
    for (let current = from; current <= to; current += step) values.add(current);
  }
  return [...values].sort((a, b) => a - b);
}

/**
 * A 5-field cron expression as a systemd OnCalendar value (`Mon..Fri *-*-* 08:00:00`), with the
 * zone appended when given. Cron ORs a restricted day-of-month with a restricted day-of-week and
 * systemd ANDs them, so that combination is refused.
 */
export function cronToOnCalendar(schedule: string, timeZone?: string): string {
  const fields = schedule.trim().split(/\s+/);
  if (fields.length !== 5)
    throw new OutroError(
      'USAGE',
      `digest.schedule "${schedule}" has ${fields.length} fields; a systemd timer needs a 5-field cron expression such as "0 8 * * 1-5".`,
    );
  try {
    const minutes = expand(fields[0], 0, 59);
    const hours = expand(fields[1], 0, 23);
    const days = expand(fields[2], 1, 31);
    const months = expand(fields[3], 1, 12, MONTH_NAMES, 1);
    const weekdays = expand(
      fields[4].replace(/\b7\b/g, '0'),
      0,
      6,
      DAY_NAMES.map((name) => name.toLowerCase()),
    );
    if (days && weekdays)
      throw new Error('both day-of-month and day-of-week are restricted (cron ORs them, systemd ANDs them)');
    const list = (values: number[] | undefined, width = 2): string =>
      values ? values.map((v) => String(v).padStart(width, '0')).join(',') : '*';
    const dow = weekdays ? `${weekdays.map((day) => DAY_NAMES[day]).join(',')} ` : '';
    const zone = timeZone ? ` ${timeZone}` : '';
    return `${dow}*-${list(months)}-${list(days)} ${list(hours)}:${list(minutes)}:00${zone}`;
  } catch (cause) {
    throw new OutroError(
      'USAGE',
      `digest.schedule "${schedule}" cannot be written as a systemd timer: ${(cause as Error).message}. Use the crontab line instead (outro schedule install without --systemd).`,
      { cause },
    );
  }
}

/** The service and timer unit files. */
export function systemdUnits(
  schedule: string,
  command: DigestCommand,
  timeZone?: string,
): { service: string; timer: string } {
  const env = Object.entries(command.env).map(
    ([key, value]) => `Environment=${JSON.stringify(`${key}=${value}`)}`,
  );
  const service = [
    '[Unit]',
    'Description=outro digest: write the brief as a markdown file',
    '',
    '[Service]',
    'Type=oneshot',
    ...env,
    `ExecStart=${[command.node, command.bin, 'digest'].map(systemdQuote).join(' ')}`,
    '',
  ].join('\n');
  const timer = [
    '[Unit]',
    `Description=outro digest on "${schedule}"`,
    '',
    '[Timer]',
    `OnCalendar=${cronToOnCalendar(schedule, timeZone)}`,
    '# Run once on wake or boot when a fire was missed (the digest is written once per fire time).',
    'Persistent=true',
    `Unit=${UNIT_NAME}.service`,
    '',
    '[Install]',
    'WantedBy=timers.target',
    '',
  ].join('\n');
  return { service, timer };
}

function systemdQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : JSON.stringify(word);
}
