import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { OutroError } from '../domain/errors.js';

const PersonAlias = z
  .object({
    name: z.string().min(1),
    /** `<source>:<native id or handle>` (slack:U123, discord:pj_dev, teams:<aad id>) or an email address. */
    ids: z.array(z.string().min(1)).min(1),
    /** Identities, written like `ids`, that are NOT this person: never linked to them by any rule. */
    exclude: z.array(z.string().min(1)).optional(),
  })
  .strict();

export const ConfigSchema = z
  .object({
    /** The reader: any handle, id, display name or email on any source. */
    me: z.union([z.string(), z.array(z.string())]).optional(),
    /** IANA zone for "today" and meeting times; default: the system's. */
    timezone: z.string().optional(),
    /** Threads that annotate, the main one included (OUTRO_WORKERS overrides); default 1, the main thread alone. */
    workers: z.number().int().min(1).max(64).optional(),
    people: z.array(PersonAlias).default([]),
    /** Export folders the daemon watches. */
    watch: z.array(z.string()).default([]),
    calendar: z
      .object({
        pastDays: z.number().int().min(0).default(30),
        futureDays: z.number().int().min(0).default(90),
        /** Most occurrences of one recurring series kept (a FREQ=SECONDLY rule would make millions). */
        maxOccurrences: z.number().int().min(1).default(5_000),
      })
      .strict()
      .default({ pastDays: 30, futureDays: 90, maxOccurrences: 5_000 }),
    digest: z
      .object({
        schedule: z.string().default('0 8 * * 1-5'),
        dir: z.string().optional(),
        window: z.string().default('24h'),
        /** Octal mode of digest files ("0644" to share them); default 0600, readable by you alone. */
        fileMode: z
          .string()
          .regex(/^0?[0-7]{3}$/, 'an octal file mode such as "0600" or "0644"')
          .optional(),
      })
      .strict()
      .default({ schedule: '0 8 * * 1-5', window: '24h' }),
    model: z
      .object({
        provider: z.literal('ollama'),
        name: z.string().min(1),
        host: z.string().optional(),
        timeoutMs: z.number().int().positive().optional(),
        concurrency: z.number().int().positive().optional(),
        embed: z.string().optional(),
        /** What the model does in annotate: write the whole annotation (default), or read only the units' dialogue acts. */
        annotate: z.enum(['whole', 'acts']).optional(),
      })
      .strict()
      .optional(),
    /** Names for Teams channels by channel id (`19:…@thread.tacv2`), applied when their messages are ingested. */
    teams: z
      .object({ channels: z.record(z.string().min(1), z.string().min(1)).default({}) })
      .strict()
      .optional(),
    trace: z
      .object({ content: z.boolean().default(false), maxAgeDays: z.number().int().positive().default(30) })
      .strict()
      .default({ content: false, maxAgeDays: 30 }),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;
export type PersonAliasConfig = z.infer<typeof PersonAlias>;

/** Reads and validates the YAML config; a missing file means every default. */
export function loadConfig(file: string): Config {
  return parseConfig(existsSync(file) ? readFileSync(file, 'utf8') : null, file);
}

/** Validates the YAML text of the config `file` (null: there is no file, so every default). */
export function parseConfig(text: string | null, file: string): Config {
  if (text === null) return ConfigSchema.parse({});
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (cause) {
    throw new OutroError(
      'CONFIG_INVALID',
      `${file} is not valid YAML: ${(cause as Error).message}. Fix the file or move it away to use defaults.`,
      { cause },
    );
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`)
      .join('; ');
    throw new OutroError(
      'CONFIG_INVALID',
      `${file} does not validate: ${problems}. See "Configuration" in the README for every key.`,
      {
        details: { issues: parsed.error.issues },
      },
    );
  }
  return parsed.data;
}

/** A path from the config: `~/` is the home folder; relative paths are relative to the config file's folder. */
export function resolveConfigPath(
  entry: string,
  configFile: string,
  home = process.env.HOME ?? homedir(),
): string {
  const expanded = entry === '~' ? home : entry.startsWith('~/') ? join(home, entry.slice(2)) : entry;
  return isAbsolute(expanded) ? expanded : resolve(dirname(configFile), expanded);
}
