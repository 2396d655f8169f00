/**
 * A test's name that says why it is skipped: vitest prints only the name of a skipped test, so
 * `it.skipIf(missing)(skipNote('reads the sample', missing, 'needs ../shared/datasets/…'), …)`
 * shows the reason beside it.
 */
export function skipNote(name: string, skipped: boolean, reason: string): string {
  return skipped ? `${name} (skipped: ${reason})` : name;
}
