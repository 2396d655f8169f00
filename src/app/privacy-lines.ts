import type { PrivacyWarning } from './privacy.js';

/** One line per warning, for `outro status` and `outro doctor`. */
export function describePrivacy(warnings: readonly PrivacyWarning[]): string[] {
  return warnings.map(
    (warning) => `${warning.path} is readable by other users (mode ${warning.mode}): ${warning.fix}`,
  );
}
