import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Document, parseDocument } from 'yaml';
import { PeopleDirectory } from '../answers/people/people-directory.js';
import { OutroError } from '../domain/errors.js';
import { isTimeZone, systemTimeZone } from '../domain/time-zones.js';
import { allLinks, latestProfiles } from '../memory/people-queries.js';
import type { AppContext } from './app-context.js';
import { loadConfig } from './config.js';

/** Someone `outro init` can offer as "me": a person of the store, with what identifies them. */
export interface PersonChoice {
  name: string;
  /** What is written as `me`: the first email, else a handle, else the person key. */
  me: string;
  emails: string[];
  handles: string[];
}

export interface InitValues {
  me?: string;
  timezone?: string;
  digestDir?: string;
  schedule?: string;
}

export interface InitResult {
  file: string;
  created: boolean;
  written: { me?: string; timezone?: string; digest?: { dir?: string; schedule?: string } };
}

/** The people of the store (bots left out), by name: the list `outro init` searches. */
export function peopleChoices(ctx: AppContext): PersonChoice[] {
  if (!existsSync(ctx.paths.database)) return [];
  const store = ctx.store();
  return new PeopleDirectory(latestProfiles(store.db), allLinks(store.db)).humans
    .filter((human) => !human.isBot)
    .map((human) => ({
      name: human.name,
      me: human.emails[0] ?? human.handles[0] ?? human.id,
      emails: human.emails,
      handles: human.handles,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The choices whose name, email or handle contains `text` (case-insensitive). */
export function searchPeople(choices: readonly PersonChoice[], text: string): PersonChoice[] {
  const needle = text.trim().toLowerCase();
  if (needle === '') return [...choices];
  return choices.filter((choice) =>
    [choice.name, ...choice.emails, ...choice.handles].some((value) => value.toLowerCase().includes(needle)),
  );
}

/**
 * `outro init`: writes `me`, `timezone` and `digest` into the config file (created when missing;
 * other keys and comments kept). `me` must name one person of the store when the store has people;
 * the file must still validate afterwards.
 */
export function writeInit(ctx: AppContext, values: InitValues): InitResult {
  const file = ctx.paths.configFile;
  const written: InitResult['written'] = {};
  if (values.me !== undefined) {
    const choices = peopleChoices(ctx);
    if (choices.length > 0) {
      const exact = choices.filter((choice) =>
        [choice.name, choice.me, ...choice.emails, ...choice.handles].some(
          (value) => value.toLowerCase() === values.me!.trim().toLowerCase(),
        ),
      );
      const found = exact.length > 0 ? exact : searchPeople(choices, values.me);
      if (found.length !== 1)
        throw new OutroError(
          'USAGE',
          found.length === 0
            ? `No person in the store matches "${values.me}". Run \`outro init\` on a terminal to pick from the list, or pass --me with a name, handle or email from \`outro completion --list people\`.`
            : `"${values.me}" matches ${found.length} people (${found
                .slice(0, 5)
                .map((choice) => `${choice.name} <${choice.me}>`)
                .join(', ')}); pass one's email or handle.`,
        );
      written.me = found[0].me;
    } else written.me = values.me.trim();
  }
  if (values.timezone !== undefined) {
    if (!isTimeZone(values.timezone))
      throw new OutroError(
        'USAGE',
        `--timezone ${values.timezone} is not an IANA time zone; use a name like Europe/Berlin (this machine: ${systemTimeZone()}).`,
      );
    written.timezone = values.timezone;
  }
  if (values.digestDir !== undefined || values.schedule !== undefined)
    written.digest = {
      ...(values.digestDir !== undefined ? { dir: values.digestDir } : {}),
      ...(values.schedule !== undefined ? { schedule: values.schedule } : {}),
    };
  const created = !existsSync(file);
  const parsed = parseDocument(created ? '' : readFileSync(file, 'utf8'));
  if (parsed.errors.length > 0)
    throw new OutroError(
      'CONFIG_INVALID',
      `${file} is not valid YAML (${parsed.errors[0].message}); fix it first.`,
    );
  const doc: Document = parsed.contents === null ? new Document({}) : parsed;
  if (written.me !== undefined) doc.set('me', written.me);
  if (written.timezone !== undefined) doc.set('timezone', written.timezone);
  if (written.digest?.dir !== undefined) doc.setIn(['digest', 'dir'], written.digest.dir);
  if (written.digest?.schedule !== undefined) doc.setIn(['digest', 'schedule'], written.digest.schedule);
  const text = doc.toString();
  mkdirSync(dirname(file), { recursive: true });
  const before = created ? undefined : readFileSync(file, 'utf8');
  writeFileSync(file, text);
  try {
    loadConfig(file);
  } catch (error) {
    if (before === undefined) writeFileSync(file, '');
    else writeFileSync(file, before);
    throw error;
  }
  return { file, created, written };
}
