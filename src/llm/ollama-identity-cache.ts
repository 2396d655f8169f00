import type { ModelIdentity } from './model-client.js';

/** Model identities looked up this process, by host and name: one GET /api/tags per model per process. */
const identities = new Map<string, Promise<ModelIdentity>>();

export function cachedIdentity(
  host: string,
  name: string,
  lookup: () => Promise<ModelIdentity>,
): Promise<ModelIdentity> {
  const key = `${host}\u001f${name}`;
  const known = identities.get(key);
  if (known) return known;
  const pending = lookup();
  identities.set(key, pending);
  pending.catch(() => identities.delete(key));
  return pending;
}

/** For tests, and after `ollama pull` changes a model in a long-running process. */
export function clearIdentityCache(): void {
  identities.clear();
}
