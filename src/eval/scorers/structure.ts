import { z } from 'zod';

/** 1 when `value` validates against the JSON Schema, else 0; a schema zod cannot read is an error, not a 0. */
export function jsonSchemaValid(
  schema: Record<string, unknown>,
  value: unknown,
): { score: number; errors: string[] } {
  const validator = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
  const result = validator.safeParse(value);
  return result.success
    ? { score: 1, errors: [] }
    : {
        score: 0,
        errors: result.error.issues.map((issue) => `${issue.path.join('.') || '(value)'}: ${issue.message}`),
      };
}

/** Share of the names an output uses that exist in the store (or roster); 1 when it names nothing. */
export function groundingShare(named: readonly string[], known: ReadonlySet<string>): number {
  if (named.length === 0) return 1;
  return named.filter((name) => known.has(name)).length / named.length;
}

/**
 * "Abstained when it should": 1 when the answer abstained exactly when the truth is unknown;
 * 0 when it invented an answer to an unknowable question, or abstained on a known one.
 */
export function abstentionScore(shouldAbstain: boolean, abstained: boolean): number {
  return shouldAbstain === abstained ? 1 : 0;
}
