import { accessSync, constants, existsSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isOutroError } from '../domain/errors.js';
import { missingLocalModelFiles } from '../llm/embeddings/local-model-files.js';
import { describeHostSource, resolveModelConfig, type ModelSettings } from '../llm/model-settings.js';
import { STRUCTURED_OUTPUTS_SINCE, versionAtLeast } from '../llm/ollama-models.js';
import { probeOllama, type OllamaProbe } from '../llm/ollama-probe.js';
import type { Config } from './config.js';
import type { OutroPaths } from './paths.js';
import { storeChecks } from './store-checks.js';
import type { DoctorCheck } from './doctor-check.js';

export type { CheckStatus, DoctorCheck } from './doctor-check.js';

export interface DoctorReport {
  ok: boolean;
  mode: 'model' | 'heuristic';
  model?: { name: string; nameSource: string; host: string; hostSource: string };
  checks: DoctorCheck[];
}

export interface DoctorInput {
  /** May throw CONFIG_INVALID; the doctor reports it. */
  loadConfig(): Config;
  env: Readonly<Record<string, string | undefined>>;
  paths: OutroPaths;
  /** Per request to the model server (default 3 s). */
  timeoutMs?: number;
  /** `--full`: SQLite's integrity_check (reads every page and index) instead of quick_check. */
  full?: boolean;
  fetch?: typeof fetch;
}

const SUGGESTED_MODEL = 'llama3.2:3b';

export async function runDoctor(input: DoctorInput): Promise<DoctorReport> {
  const checks: DoctorCheck[] = [];
  let config: Config | undefined;
  try {
    config = input.loadConfig();
    checks.push({
      id: 'config',
      status: 'ok',
      title: 'Config',
      detail: existsSync(input.paths.configFile)
        ? `${input.paths.configFile} is valid`
        : `no config file at ${input.paths.configFile}; using defaults`,
    });
  } catch (error) {
    checks.push({
      id: 'config',
      status: 'fail',
      title: 'Config',
      detail: (error as Error).message,
      fix: `Fix ${input.paths.configFile}, or move it away to use defaults.`,
      code: 'CONFIG_INVALID',
    });
  }
  checks.push(checkStore(input.paths));
  checks.push(...(await storeChecks(input.paths, input.full ?? false)));

  let settings: ModelSettings | undefined;
  try {
    settings = resolveModelConfig(config ?? {}, input.env);
  } catch (error) {
    checks.push({
      id: 'model',
      status: 'fail',
      title: 'Model',
      detail: (error as Error).message,
      code: isOutroError(error) ? error.code : 'CONFIG_INVALID',
    });
    return report(checks, undefined);
  }
  if (!settings) {
    checks.push({
      id: 'model',
      status: 'info',
      title: 'Model',
      detail: 'No model configured: outro runs in heuristic mode, and every command works.',
      fix: `To use a local model: install Ollama (https://ollama.com), run \`ollama pull ${SUGGESTED_MODEL}\`, then add to ${input.paths.configFile}:\n  model:\n    provider: ollama\n    name: ${SUGGESTED_MODEL}\nor set OUTRO_MODEL=ollama:${SUGGESTED_MODEL} for one run.`,
    });
    checks.push({
      id: 'embeddings',
      status: 'ok',
      title: 'Embeddings',
      detail: 'built-in hashed lexical embeddings (nothing to install)',
    });
    return report(checks, undefined);
  }
  checks.push({
    id: 'model',
    status: 'ok',
    title: 'Model',
    detail: `${settings.name} (from ${settings.nameSource === 'config' ? 'model.name in the config file' : 'OUTRO_MODEL'}) at ${settings.host} (from ${describeHostSource(settings.hostSource)})`,
  });
  const probe = await probeOllama(settings, { timeoutMs: input.timeoutMs ?? 3_000, fetch: input.fetch });
  checks.push(...modelChecks(settings, probe));
  checks.push(embeddingCheck(settings, probe));
  return report(checks, settings);
}

function report(checks: DoctorCheck[], settings: ModelSettings | undefined): DoctorReport {
  return {
    ok: checks.every((check) => check.status !== 'fail'),
    mode: settings ? 'model' : 'heuristic',
    ...(settings
      ? {
          model: {
            name: settings.name,
            nameSource: settings.nameSource,
            host: settings.host,
            hostSource: settings.hostSource,
          },
        }
      : {}),
    checks,
  };
}

function modelChecks(settings: ModelSettings, probe: OllamaProbe): DoctorCheck[] {
  const where = `${settings.host} (${settings.hostRaw === settings.host ? '' : `written "${settings.hostRaw}", `}from ${describeHostSource(settings.hostSource)})`;
  const hostFix =
    settings.hostSource === 'default'
      ? 'If Ollama runs elsewhere, set model.host in the config or OLLAMA_HOST.'
      : `If that host is wrong, fix ${settings.hostSource === 'config' ? 'model.host in the config file' : 'OLLAMA_HOST'}.`;
  const skipped = (id: DoctorCheck['id'], title: string): DoctorCheck => ({
    id,
    status: 'skip',
    title,
    detail: 'skipped: the server check failed',
  });
  if (!probe.server.ok) {
    const server = probe.server;
    const detail: Record<string, string> = {
      refused: `Nothing answers at ${where}: connection refused.`,
      dns: `The host name of ${where} does not resolve.`,
      timeout: `No answer from ${where} within the time limit.`,
    };
    const fix: Record<string, string> = {
      refused: `Start Ollama with \`ollama serve\` (or open the Ollama app). ${hostFix}`,
      dns: `Fix the host name. ${hostFix}`,
      timeout: `Check the host and port, and that no firewall drops the connection. ${hostFix}`,
    };
    return [
      {
        id: 'model.server',
        status: 'fail',
        title: 'Ollama server',
        detail: detail[server.kind] ?? `${where}: ${server.error.message}`,
        fix: fix[server.kind] ?? hostFix,
        code: server.error.code,
      },
      skipped('model.version', 'Structured outputs'),
      skipped('model.pulled', `Model ${settings.name}`),
    ];
  }
  const checks: DoctorCheck[] = [];
  const banner = probe.server.banner;
  checks.push(
    banner.includes('Ollama is running')
      ? { id: 'model.server', status: 'ok', title: 'Ollama server', detail: `running at ${where}` }
      : {
          id: 'model.server',
          status: 'warn',
          title: 'Ollama server',
          detail: `Something answers at ${where}, but not like Ollama ("${banner.slice(0, 60)}").`,
          fix: hostFix,
        },
  );
  if (probe.version?.ok) {
    const version = probe.version.version;
    checks.push(
      versionAtLeast(version, STRUCTURED_OUTPUTS_SINCE)
        ? {
            id: 'model.version',
            status: 'ok',
            title: 'Structured outputs',
            detail: `Ollama ${version} takes a JSON Schema as format`,
          }
        : {
            id: 'model.version',
            status: 'fail',
            title: 'Structured outputs',
            detail: `Ollama ${version} is too old for structured outputs (JSON Schema format needs ${STRUCTURED_OUTPUTS_SINCE} or newer).`,
            fix: 'Upgrade Ollama (https://ollama.com/download).',
            code: 'MODEL_UNAVAILABLE',
          },
    );
  } else {
    checks.push({
      id: 'model.version',
      status: 'fail',
      title: 'Structured outputs',
      detail: `GET /api/version failed: ${probe.version?.error.message ?? 'no answer'}`,
      fix: `This does not look like Ollama ${STRUCTURED_OUTPUTS_SINCE} or newer. ${hostFix}`,
      code: 'MODEL_UNAVAILABLE',
    });
  }
  if (!probe.models?.ok || !probe.chat) {
    checks.push({
      id: 'model.pulled',
      status: 'fail',
      title: `Model ${settings.name}`,
      detail: `GET /api/tags failed: ${probe.models && !probe.models.ok ? probe.models.error.message : 'no answer'}`,
      code: 'MODEL_UNAVAILABLE',
    });
    return checks;
  }
  const chat = probe.chat;
  if (!chat.pulled) {
    const pulled =
      probe.models.names.length > 0 ? `Pulled: ${probe.models.names.join(', ')}.` : 'No models are pulled.';
    checks.push({
      id: 'model.pulled',
      status: 'fail',
      title: `Model ${settings.name}`,
      detail: `${settings.name} is not pulled on ${settings.host}. ${pulled}`,
      fix: `Run \`ollama pull ${settings.name}\`, or set the model name to one that is pulled.`,
      code: 'MODEL_UNAVAILABLE',
    });
    return checks;
  }
  checks.push({
    id: 'model.pulled',
    status: 'ok',
    title: `Model ${settings.name}`,
    detail: `pulled (digest ${chat.digest?.replace(/^sha256:/, '').slice(0, 12)})`,
  });
  if (chat.capabilities === undefined) {
    checks.push({
      id: 'model.chat',
      status: 'info',
      title: 'Chat capability',
      detail: 'the server does not report model capabilities (Ollama before 0.6.4); not checked',
    });
  } else if (!chat.capabilities.includes('completion')) {
    checks.push({
      id: 'model.chat',
      status: 'fail',
      title: 'Chat capability',
      detail: `${settings.name} cannot chat (capabilities: ${chat.capabilities.join(', ') || 'none'}); it may be an embedding model.`,
      fix: `Set the model name to a chat model, e.g. \`ollama pull ${SUGGESTED_MODEL}\`; put embedding models under model.embed.`,
      code: 'MODEL_UNAVAILABLE',
    });
  } else {
    checks.push({
      id: 'model.chat',
      status: 'ok',
      title: 'Chat capability',
      detail: `${settings.name} can chat`,
    });
  }
  return checks;
}

function embeddingCheck(settings: ModelSettings, probe: OllamaProbe): DoctorCheck {
  const embed = settings.embed;
  const base = { id: 'embeddings' as const, title: 'Embeddings' };
  if (embed.kind === 'hashed')
    return { ...base, status: 'ok', detail: 'built-in hashed lexical embeddings (nothing to install)' };
  if (embed.kind === 'local') {
    const missing = missingLocalModelFiles(embed.dir);
    if (missing.length === 0) return { ...base, status: 'ok', detail: `local model at ${embed.dir}` };
    return {
      ...base,
      status: 'fail',
      detail: existsSync(embed.dir)
        ? `The local embedding model at ${embed.dir} lacks ${missing.join(', ')}.`
        : `The local embedding model directory ${embed.dir} does not exist.`,
      fix: 'Point model.embed at a sentence-embedding model exported for transformers.js (config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx), or remove model.embed to use the built-in hashed embeddings.',
      code: 'MODEL_UNAVAILABLE',
    };
  }
  if (!probe.embed)
    return {
      ...base,
      status: 'skip',
      detail: `Ollama embedding model ${embed.name}: not checked (the server check failed)`,
    };
  if (!probe.embed.pulled) {
    return {
      ...base,
      status: 'fail',
      detail: `The embedding model ${embed.name} is not pulled on ${settings.host}.`,
      fix: `Run \`ollama pull ${embed.name}\`, or remove model.embed to use the built-in hashed embeddings.`,
      code: 'MODEL_UNAVAILABLE',
    };
  }
  if (probe.embed.capabilities && !probe.embed.capabilities.includes('embedding')) {
    return {
      ...base,
      status: 'fail',
      detail: `${embed.name} is not an embedding model (capabilities: ${probe.embed.capabilities.join(', ')}).`,
      fix: 'Set model.embed to an embedding model, e.g. `ollama pull nomic-embed-text`.',
      code: 'MODEL_UNAVAILABLE',
    };
  }
  return { ...base, status: 'ok', detail: `Ollama embedding model ${embed.name}` };
}

/** The store directory (or the nearest existing parent it would be created in) must be writable. */
function checkStore(paths: OutroPaths): DoctorCheck {
  const base = { id: 'store' as const, title: 'Store' };
  const fix = `Make it writable (e.g. \`chmod u+w\`), or set OUTRO_HOME to a writable directory.`;
  try {
    if (existsSync(paths.dataDir)) {
      const probe = join(paths.dataDir, `.outro-doctor-${process.pid}`);
      writeFileSync(probe, '');
      unlinkSync(probe);
      if (existsSync(paths.database)) accessSync(paths.database, constants.R_OK | constants.W_OK);
      return { ...base, status: 'ok', detail: `${paths.database} is writable` };
    }
    let parent = dirname(paths.dataDir);
    while (!existsSync(parent) && dirname(parent) !== parent) parent = dirname(parent);
    if (!statSync(parent).isDirectory())
      throw Object.assign(new Error(`${parent} is a file, not a directory`), { code: 'ENOTDIR' });
    accessSync(parent, constants.W_OK);
    return { ...base, status: 'ok', detail: `${paths.dataDir} will be created on first ingest` };
  } catch (error) {
    return {
      ...base,
      status: 'fail',
      detail: `Cannot write the store at ${paths.dataDir}: ${(error as Error).message}`,
      fix,
      code: 'STORE_CORRUPT',
    };
  }
}
