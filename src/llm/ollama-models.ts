/** Finds a model in /api/tags by the name a user writes: `llama3.2` means `llama3.2:latest`. */
export function findModel<T extends { name: string; model?: string }>(
  models: readonly T[],
  name: string,
): T | undefined {
  const wanted = name.includes(':') ? [name] : [name, `${name}:latest`];
  return models.find(
    (model) => wanted.includes(model.name) || (model.model !== undefined && wanted.includes(model.model)),
  );
}

/** Dotted versions compared numerically: 0.5.0 < 0.6.4 < 0.12.1; pre-release suffixes are ignored. */
export function versionAtLeast(version: string, minimum: string): boolean {
  const parts = (text: string): number[] =>
    text
      .replace(/^v/, '')
      .split('-')[0]
      .split('.')
      .map((part) => Number.parseInt(part, 10) || 0);
  const a = parts(version);
  const b = parts(minimum);
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    if ((a[index] ?? 0) !== (b[index] ?? 0)) return (a[index] ?? 0) > (b[index] ?? 0);
  }
  return true;
}

/** Ollama took a JSON Schema as `format` (structured outputs) from 0.5.0. */
export const STRUCTURED_OUTPUTS_SINCE = '0.5.0';
