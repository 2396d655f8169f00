/**
 * Chat content is data, not instructions. It goes into the prompt as JSON inside a fenced block;
 * `<`, `>` and `&` are written as \u escapes, so no message can close the fence or open a new
 * one, and quotes and braces stay inside JSON strings.
 */
export function dataBlock(tag: string, value: unknown): string {
  const json = layout(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  return `<${tag}>\n${json}\n</${tag}>`;
}

/** JSON with one array element per line and top-level keys on their own lines: compact, still readable. */
function layout(value: unknown, depth = 0): string {
  if (Array.isArray(value)) {
    return value.length === 0 ? '[]' : `[\n${value.map((item) => JSON.stringify(item)).join(',\n')}\n]`;
  }
  if (depth === 0 && value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([key, item]) => `${JSON.stringify(key)}: ${layout(item, depth + 1)}`,
    );
    return `{\n${entries.join(',\n')}\n}`;
  }
  return JSON.stringify(value) ?? 'null';
}
