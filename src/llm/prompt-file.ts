import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OutroError } from '../domain/errors.js';
import { contentHash } from '../domain/ids.js';
import type { ChatMessage } from './model-client.js';

/**
 * A versioned prompt file under prompts/ (`annotate.v1.md`): an optional `<!-- system -->` part and a
 * `<!-- user -->` part with `{{placeholders}}`. Editing a prompt means adding a new version file;
 * its hash is part of every cache key either way.
 */
export interface PromptTemplate {
  /** `annotate.v1` */
  id: string;
  hash: string;
  system: string;
  user: string;
  placeholders: string[];
}

export const PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

const loaded = new Map<string, PromptTemplate>();

export function loadPrompt(id: string, dir: string = PROMPTS_DIR): PromptTemplate {
  const file = `${dir.replace(/\/$/, '')}/${id}.md`;
  const known = loaded.get(file);
  if (known) return known;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new OutroError(
      'INTERNAL',
      `The prompt file ${file} is missing; reinstall outro (prompts/ ships with it).`,
      { cause },
    );
  }
  const template = parsePrompt(id, text);
  loaded.set(file, template);
  return template;
}

export function parsePrompt(id: string, text: string): PromptTemplate {
  const system = section(text, 'system');
  const user = section(text, 'user');
  if (user === undefined)
    throw new OutroError(
      'INTERNAL',
      `The prompt ${id} needs a "<!-- user -->" section (and may have a "<!-- system -->" one).`,
    );
  const placeholders = [
    ...new Set([...`${system ?? ''}\n${user}`.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1])),
  ];
  return { id, hash: contentHash(text), system: system ?? '', user, placeholders };
}

/** The chat messages for one input; every placeholder must have a value. */
export function renderPrompt(
  template: PromptTemplate,
  values: Readonly<Record<string, string>>,
): ChatMessage[] {
  const missing = template.placeholders.filter((name) => values[name] === undefined);
  if (missing.length > 0)
    throw new OutroError('INTERNAL', `The prompt ${template.id} needs values for ${missing.join(', ')}.`);
  const fill = (part: string): string =>
    part.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => values[name]);
  const user: ChatMessage = { role: 'user', content: fill(template.user) };
  return template.system ? [{ role: 'system', content: fill(template.system) }, user] : [user];
}

function section(text: string, name: 'system' | 'user'): string | undefined {
  const marker = new RegExp(`^<!--\\s*${name}\\s*-->\\s*$`, 'm');
  const start = marker.exec(text);
  if (!start) return undefined;
  const rest = text.slice(start.index + start[0].length);
  const next = /^<!--\s*(system|user)\s*-->\s*$/m.exec(rest);
  return (next ? rest.slice(0, next.index) : rest).trim();
}
