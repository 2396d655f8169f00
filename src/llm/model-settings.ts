import { OutroError } from '../domain/errors.js';

/** Where a setting's value came from, so `outro doctor` can say what to change. */
export type HostSource = 'config' | 'OLLAMA_HOST' | 'default';
export type ModelNameSource = 'config' | 'OUTRO_MODEL';

/** Which embedder to use: the built-in hashed features, an Ollama embedding model, or a local model directory. */
export type EmbedSettings =
  { kind: 'hashed' } | { kind: 'ollama'; name: string } | { kind: 'local'; dir: string };

export interface ModelSettings {
  provider: 'ollama';
  name: string;
  nameSource: ModelNameSource;
  /** Normalized base URL, e.g. `http://127.0.0.1:11434`. */
  host: string;
  hostSource: HostSource;
  /** The host exactly as written where it came from. */
  hostRaw: string;
  /** Per request attempt. */
  timeoutMs: number;
  concurrency: number;
  /** Attempts after the first, on 429/5xx/connection errors. */
  retries: number;
  seed: number;
  /** Context window asked of Ollama (its default, 2048–4096 by version, silently cuts long prompts). */
  numCtx: number;
  embed: EmbedSettings;
}

/** The `model:` block of the config (src/app/config.ts), restated so pipeline does not import app. */
export interface ModelConfigBlock {
  provider: 'ollama';
  name: string;
  host?: string;
  timeoutMs?: number;
  concurrency?: number;
  embed?: string;
  /** Annotate: the model writes the whole annotation (`whole`, default) or reads the units' dialogue acts (`acts`). */
  annotate?: 'whole' | 'acts';
}

type Env = Readonly<Record<string, string | undefined>>;

export const DEFAULT_OLLAMA_HOST = 'http://127.0.0.1:11434';
export const DEFAULT_MODEL_TIMEOUT_MS = 120_000;
export const DEFAULT_MODEL_CONCURRENCY = 2;
export const DEFAULT_MODEL_RETRIES = 2;
export const DEFAULT_MODEL_SEED = 42;
export const DEFAULT_NUM_CTX = 8_192;
const OLLAMA_PORT = '11434';
const OFF_VALUES = new Set(['none', 'off', 'heuristic', 'false', '0']);

/**
 * The model to use, or undefined for heuristic mode. `OUTRO_MODEL=ollama:<name>` overrides the
 * config's name (`OUTRO_MODEL=none` turns the model off); the host is the config's `host`, else
 * `OLLAMA_HOST` (the npm client does not read it), else 127.0.0.1:11434.
 */
export function resolveModelConfig(
  config: { model?: ModelConfigBlock },
  env: Env = process.env,
): ModelSettings | undefined {
  const fromEnv = parseOutroModel(env.OUTRO_MODEL);
  if (fromEnv === null) return undefined;
  const block = config.model;
  if (!fromEnv && !block) return undefined;
  const name = fromEnv?.name ?? block!.name;
  const host = pickHost(block?.host, env.OLLAMA_HOST);
  return {
    provider: 'ollama',
    name,
    nameSource: fromEnv ? 'OUTRO_MODEL' : 'config',
    host: normalizeOllamaHost(host.raw, host.source),
    hostSource: host.source,
    hostRaw: host.raw,
    timeoutMs: block?.timeoutMs ?? DEFAULT_MODEL_TIMEOUT_MS,
    concurrency: block?.concurrency ?? DEFAULT_MODEL_CONCURRENCY,
    retries: DEFAULT_MODEL_RETRIES,
    seed: DEFAULT_MODEL_SEED,
    numCtx: DEFAULT_NUM_CTX,
    embed: resolveEmbedSettings(block?.embed),
  };
}

/** undefined: not set; null: explicitly off; else the model name. */
function parseOutroModel(value: string | undefined): { name: string } | null | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (OFF_VALUES.has(trimmed.toLowerCase())) return null;
  const match = /^ollama:(.+)$/.exec(trimmed);
  if (!match) {
    throw new OutroError(
      'CONFIG_INVALID',
      `OUTRO_MODEL=${trimmed} is not understood; use OUTRO_MODEL=ollama:<model name> (e.g. ollama:llama3.2:3b), or OUTRO_MODEL=none for heuristic mode.`,
    );
  }
  return { name: match[1].trim() };
}

function pickHost(
  configHost: string | undefined,
  envHost: string | undefined,
): { raw: string; source: HostSource } {
  if (configHost?.trim()) return { raw: configHost.trim(), source: 'config' };
  if (envHost?.trim()) return { raw: envHost.trim(), source: 'OLLAMA_HOST' };
  return { raw: DEFAULT_OLLAMA_HOST, source: 'default' };
}

/**
 * `host:port`, `host`, `:port`, `http://host:port` or `https://host` -> a base URL without a trailing
 * slash. A missing port is Ollama's 11434 (or the scheme's when one is written). 0.0.0.0 and [::]
 * (bind-all addresses people set for `ollama serve`) are reached on loopback.
 */
export function normalizeOllamaHost(raw: string, source: HostSource = 'config'): string {
  let text = raw.trim();
  const explicitScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  if (text.startsWith(':')) text = `127.0.0.1${text}`;
  let url: URL;
  try {
    url = new URL(explicitScheme ? text : `http://${text}`);
  } catch (cause) {
    throw new OutroError(
      'CONFIG_INVALID',
      `The Ollama host "${raw}" (from ${describeHostSource(source)}) is not a host; write it as host:port or http://host:port, e.g. 127.0.0.1:11434.`,
      { cause },
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OutroError(
      'CONFIG_INVALID',
      `The Ollama host "${raw}" (from ${describeHostSource(source)}) must use http or https.`,
    );
  }
  if (!url.port && !explicitScheme) url.port = OLLAMA_PORT;
  if (url.hostname === '0.0.0.0') url.hostname = '127.0.0.1';
  if (url.hostname === '[::]') url.hostname = '[::1]';
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}

export function describeHostSource(source: HostSource): string {
  if (source === 'config') return 'model.host in the config file';
  if (source === 'OLLAMA_HOST') return 'the OLLAMA_HOST environment variable';
  return 'the default';
}

/**
 * `model.embed`: unset or `hashed` -> the built-in hashed features; `local:<dir>` or a path
 * (starts with `/`, `./`, `../` or `~/`) -> a local sentence-embedding model directory;
 * `ollama:<name>` or a bare name -> an Ollama embedding model.
 */
export function resolveEmbedSettings(
  value: string | undefined,
  home: string = process.env.HOME ?? '',
): EmbedSettings {
  const text = value?.trim();
  if (!text || text === 'hashed') return { kind: 'hashed' };
  if (text.startsWith('local:')) return { kind: 'local', dir: expandHome(text.slice('local:'.length), home) };
  if (text.startsWith('ollama:')) return { kind: 'ollama', name: text.slice('ollama:'.length) };
  if (/^(\/|\.\.?\/|~\/)/.test(text) || /^[a-z]:\\/i.test(text))
    return { kind: 'local', dir: expandHome(text, home) };
  return { kind: 'ollama', name: text };
}

function expandHome(path: string, home: string): string {
  return path.startsWith('~/') && home ? `${home}${path.slice(1)}` : path;
}
