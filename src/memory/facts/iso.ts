/**
 * Times in the projection are compared as strings, so every time is normalized to
 * `Date.toISOString()` form (UTC, milliseconds). A value that is not a time is kept as it is.
 */
export function normalizeIso(value: string): string {
  if (value.length === 24 && value.endsWith('Z') && value[10] === 'T') return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

export function normalizeIsoOrNull(value: string | null | undefined): string | null {
  return value === null || value === undefined || value === '' ? null : normalizeIso(value);
}
