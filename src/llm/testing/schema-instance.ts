/**
 * A value valid against a JSON Schema (the subset zod's toJSONSchema writes) whose every string is
 * a name that appears nowhere in any input: what a model that invents people, components and
 * message ids would answer. Grounding must drop all of it.
 */
export const FOREIGN_NAMES = [
  'Zebulon Quince',
  'slack:T0:UFAKE01',
  'quantum-ledger',
  'msg-that-never-was',
  'Ottoline Vasquez-Brandt',
  'ent:hyperdrive',
];

type Schema = Record<string, unknown>;

export function foreignInstance(schema: Schema, names: readonly string[] = FOREIGN_NAMES): unknown {
  let next = 0;
  const name = (): string => names[next++ % names.length];
  const root = schema;
  const build = (node: Schema, depth: number): unknown => {
    if (typeof node.$ref === 'string') return build(resolveRef(root, node.$ref), depth);
    if ('const' in node) return node.const;
    if (Array.isArray(node.enum)) return node.enum[0];
    const options = (node.anyOf ?? node.oneOf) as Schema[] | undefined;
    if (options) return build(options.find((option) => option.type !== 'null') ?? options[0], depth);
    const type = Array.isArray(node.type) ? (node.type.find((t) => t !== 'null') ?? 'null') : node.type;
    switch (type) {
      case 'object': {
        const properties = (node.properties ?? {}) as Record<string, Schema>;
        return Object.fromEntries(
          Object.entries(properties).map(([key, value]) => [key, build(value, depth + 1)]),
        );
      }
      case 'array': {
        const min = typeof node.minItems === 'number' ? node.minItems : 0;
        const max = typeof node.maxItems === 'number' ? node.maxItems : Infinity;
        const count = depth > 6 ? min : Math.min(max, Math.max(min, 2));
        return Array.from({ length: count }, () => build((node.items ?? {}) as Schema, depth + 1));
      }
      case 'string': {
        const text = name();
        return typeof node.maxLength === 'number' ? text.slice(0, node.maxLength) : text;
      }
      case 'number':
      case 'integer': {
        const min = typeof node.minimum === 'number' ? node.minimum : 0;
        const max = typeof node.maximum === 'number' ? node.maximum : min + 1;
        const middle = (min + max) / 2;
        return type === 'integer' ? Math.ceil(min) : middle;
      }
      case 'boolean':
        return true;
      case 'null':
        return null;
      default:
        return name();
    }
  };
  return build(schema, 0);
}

function resolveRef(root: Schema, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`fake-ollama: cannot follow $ref ${ref}`);
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) node = (node as Record<string, unknown>)[part];
  return node as Schema;
}
