import { z } from 'zod';
import { contentHash } from '../domain/ids.js';

export interface ReplySchema {
  /** Sent as Ollama's `format`. */
  jsonSchema: Record<string, unknown>;
  /** Part of the cache key: a schema change re-asks the model. */
  hash: string;
}

/** The JSON Schema of a zod schema, as Ollama's structured outputs take it (no `$schema` line). */
export function replySchemaOf(schema: z.ZodType): ReplySchema {
  const { $schema: _ignored, ...jsonSchema } = z.toJSONSchema(schema, {
    target: 'draft-7',
    io: 'output',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return { jsonSchema, hash: contentHash(jsonSchema) };
}

/** zod issues as short lines for a repair prompt: `decisions.0.evidence: Too small: expected array to have >=1 items`. */
export function describeIssues(error: z.ZodError, limit = 12): string[] {
  const lines = error.issues
    .slice(0, limit)
    .map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  if (error.issues.length > limit) lines.push(`… and ${error.issues.length - limit} more`);
  return lines;
}
