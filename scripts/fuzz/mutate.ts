import type { Random } from './random.js';

/**
 * The mutations `npm run fuzz` applies to one export file. Structural ones work on parsed JSON (or on
 * ICS content lines) and fall back to bytes where the file does not parse; every choice comes from
 * the seeded generator, so a seed names one mutated file exactly.
 */
export const MUTATIONS = [
  'byte-flip',
  'truncate',
  'delete-key',
  'duplicate-key',
  'wrong-type',
  'huge-string',
  'deep-nesting',
  'invalid-utf8',
  'swap-files',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

export interface Mutated {
  bytes: Buffer;
  /** What was done, in words (for the summary and for replaying by hand). */
  detail: string;
}

/** Verbatim JSON text put in place of a value (deep nesting is too deep for JSON.stringify). */
class Raw {
  constructor(readonly text: string) {}
}

type Json = null | boolean | number | string | Raw | Json[] | { [key: string]: Json };
type Container = Json[] | { [key: string]: Json };
interface Slot {
  parent: Container;
  key: string | number;
  path: string;
}

/** Applies `mutation` to `bytes` (a JSON or ICS file); `other` is another export's bytes for swap-files. */
export function mutate(bytes: Buffer, ics: boolean, mutation: Mutation, rng: Random, other: Buffer): Mutated {
  switch (mutation) {
    case 'byte-flip':
      return byteFlip(bytes, rng);
    case 'truncate': {
      const at = rng.int(bytes.length);
      return { bytes: bytes.subarray(0, at), detail: `cut at byte ${at} of ${bytes.length}` };
    }
    case 'invalid-utf8':
      return invalidUtf8(bytes, rng);
    case 'swap-files':
      return { bytes: other, detail: `replaced by another export file (${other.length} bytes)` };
    default:
      return ics ? mutateIcs(bytes, mutation, rng) : mutateJson(bytes, mutation, rng);
  }
}

function byteFlip(bytes: Buffer, rng: Random): Mutated {
  const out = Buffer.from(bytes);
  const count = 1 + rng.int(32);
  for (let index = 0; index < count && out.length > 0; index++) out[rng.int(out.length)] ^= 1 + rng.int(255);
  return { bytes: out, detail: `${count} bytes flipped` };
}

const BAD_UTF8 = [
  [0xff],
  [0xc3, 0x28],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xe2, 0x82],
  [0x80],
  [0xfe, 0xfe],
];

function invalidUtf8(bytes: Buffer, rng: Random): Mutated {
  const count = 1 + rng.int(8);
  const positions: number[] = [];
  for (let index = 0; index < count; index++) positions.push(rng.int(bytes.length + 1));
  positions.sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let from = 0;
  for (const at of positions) {
    parts.push(bytes.subarray(from, at), Buffer.from(rng.pick(BAD_UTF8)));
    from = at;
  }
  parts.push(bytes.subarray(from));
  return { bytes: Buffer.concat(parts), detail: `${count} invalid UTF-8 sequences inserted` };
}

function hugeString(rng: Random): { text: string; detail: string } {
  const size = rng.pick([70_000, 1_000_000, 8_000_000]);
  const kind = rng.pick(['base64', 'prose', 'emoji', 'newlines'] as const);
  const unit =
    kind === 'base64'
      ? 'QmFzZTY0IGlzIG5vdCBwcm9zZQ+/'
      : kind === 'prose'
        ? 'we decided to ship billing on friday, Lena owns the invoice service. '
        : kind === 'emoji'
          ? '👩‍👩‍👧‍👦é̀́'
          : 'a\n\n';
  return {
    text: unit.repeat(Math.ceil(size / unit.length)).slice(0, size),
    detail: `${size} chars of ${kind}`,
  };
}

function deepNesting(rng: Random): { text: string; detail: string } {
  const depth = rng.pick([1_000, 10_000, 100_000]);
  const object = rng.next() < 0.5;
  const text = object
    ? '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
    : '['.repeat(depth) + ']'.repeat(depth);
  return { text, detail: `${object ? 'objects' : 'arrays'} ${depth} deep` };
}

const WRONG: Json[] = [null, 0, -1, 1e308, '', 'x', true, [], {}, [1, 2], { a: 1 }, '2026-13-45T99:99:99Z'];

function typeOf(value: Json): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

function slots(root: Json, limit = 50_000): Slot[] {
  const out: Slot[] = [];
  const walk = (value: Json, path: string): void => {
    if (value === null || typeof value !== 'object' || value instanceof Raw || out.length >= limit) return;
    const entries: Array<[string | number, Json]> = Array.isArray(value)
      ? value.map((item, index) => [index, item])
      : Object.entries(value);
    for (const [key, child] of entries) {
      out.push({ parent: value, key, path: `${path}/${key}` });
      walk(child, `${path}/${key}`);
    }
  };
  walk(root, '');
  return out;
}

function get(slot: Slot): Json {
  return Array.isArray(slot.parent) ? slot.parent[Number(slot.key)] : slot.parent[String(slot.key)];
}

function set(slot: Slot, value: Json): void {
  if (Array.isArray(slot.parent)) slot.parent[Number(slot.key)] = value;
  else slot.parent[String(slot.key)] = value;
}

/** JSON text with `extra` keys written a second time into their objects (a duplicate key). */
function serialize(value: Json, extra: Map<object, Array<[string, Json]>>): string {
  if (value instanceof Raw) return value.text;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => serialize(item, extra)).join(',')}]`;
  const parts = Object.entries(value).map(
    ([key, child]) => `${JSON.stringify(key)}:${serialize(child, extra)}`,
  );
  for (const [key, child] of extra.get(value) ?? [])
    parts.push(`${JSON.stringify(key)}:${serialize(child, extra)}`);
  return `{${parts.join(',')}}`;
}

function mutateJson(bytes: Buffer, mutation: Mutation, rng: Random): Mutated {
  let root: Json;
  try {
    root = JSON.parse(bytes.toString('utf8')) as Json;
  } catch {
    return byteFlip(bytes, rng);
  }
  const all = slots(root);
  const keyed = all.filter((slot) => !Array.isArray(slot.parent));
  const extra = new Map<object, Array<[string, Json]>>();
  let detail: string;
  switch (mutation) {
    case 'delete-key': {
      if (keyed.length === 0) return byteFlip(bytes, rng);
      const slot = rng.pick(keyed);
      delete (slot.parent as Record<string, Json>)[String(slot.key)];
      detail = `deleted ${slot.path}`;
      break;
    }
    case 'duplicate-key': {
      if (keyed.length === 0) return byteFlip(bytes, rng);
      const slot = rng.pick(keyed);
      const value = rng.next() < 0.5 ? get(slot) : rng.pick(WRONG);
      extra.set(slot.parent, [[String(slot.key), value]]);
      detail = `${slot.path} written twice, second ${JSON.stringify(value)?.slice(0, 40)}`;
      break;
    }
    case 'wrong-type': {
      if (all.length === 0) return byteFlip(bytes, rng);
      const slot = rng.pick(all);
      const was = typeOf(get(slot));
      const choices = WRONG.filter((value) => typeOf(value) !== was);
      const value = rng.pick(choices);
      set(slot, value);
      detail = `${slot.path} (${was}) set to ${JSON.stringify(value)}`;
      break;
    }
    case 'huge-string': {
      const strings = all.filter((slot) => typeof get(slot) === 'string');
      if (strings.length === 0) return byteFlip(bytes, rng);
      const slot = rng.pick(strings);
      const huge = hugeString(rng);
      set(slot, huge.text);
      detail = `${slot.path} set to ${huge.detail}`;
      break;
    }
    case 'deep-nesting': {
      const slot = all.length > 0 ? rng.pick(all) : undefined;
      const deep = deepNesting(rng);
      if (slot) set(slot, new Raw(deep.text));
      else root = new Raw(deep.text);
      detail = `${slot?.path ?? '/'} set to ${deep.detail}`;
      break;
    }
    default:
      return byteFlip(bytes, rng);
  }
  return { bytes: Buffer.from(serialize(root, extra)), detail };
}

const ICS_GARBAGE = [
  'hello',
  '20261345T256199Z',
  '-1',
  'FREQ=SECONDLY',
  'FREQ=SECONDLY;COUNT=-5',
  'FREQ=MINUTELY;INTERVAL=0',
  'FREQ=YEARLY;BYDAY=99MO;BYMONTHDAY=-40',
  'P-1D',
  '',
  ';;;:::',
];

function mutateIcs(bytes: Buffer, mutation: Mutation, rng: Random): Mutated {
  const lines = bytes.toString('utf8').split(/\r?\n/);
  const at = rng.int(lines.length);
  let detail: string;
  switch (mutation) {
    case 'delete-key':
      detail = `deleted line ${at + 1} (${lines[at].slice(0, 40)})`;
      lines.splice(at, 1);
      break;
    case 'duplicate-key': {
      const colon = lines[at].indexOf(':');
      const copy =
        colon > 0 && rng.next() < 0.5 ? lines[at].slice(0, colon + 1) + rng.pick(ICS_GARBAGE) : lines[at];
      lines.splice(at + 1, 0, copy);
      detail = `line ${at + 1} written twice, second ${copy.slice(0, 40)}`;
      break;
    }
    case 'wrong-type': {
      const colon = lines[at].indexOf(':');
      const value = rng.pick(ICS_GARBAGE);
      const name =
        colon > 0 ? lines[at].slice(0, colon) : rng.pick(['DTSTART', 'DTEND', 'RRULE', 'DURATION']);
      lines[at] = `${name}:${value}`;
      detail = `line ${at + 1} set to ${name}:${value}`;
      break;
    }
    case 'huge-string': {
      const huge = hugeString(rng);
      const name = rng.pick(['SUMMARY', 'DESCRIPTION', 'LOCATION', 'UID', 'X-HUGE']);
      lines.splice(at, 0, `${name}:${huge.text.replaceAll('\n', '\\n')}`);
      detail = `${name} of ${huge.detail} at line ${at + 1}`;
      break;
    }
    case 'deep-nesting': {
      const depth = rng.pick([1_000, 10_000, 100_000]);
      const component = rng.pick(['VEVENT', 'VALARM', 'X-DEEP']);
      const closed = rng.next() < 0.5;
      // Joined as text: 200,000 lines are too many for one splice call's arguments.
      const nest =
        `BEGIN:${component}\r\n`.repeat(depth) + (closed ? `END:${component}\r\n`.repeat(depth) : '');
      lines.splice(at, 0, nest.slice(0, -2));
      detail = `${depth} nested BEGIN:${component}${closed ? '' : ' never ended'} at line ${at + 1}`;
      break;
    }
    default:
      return byteFlip(bytes, rng);
  }
  return { bytes: Buffer.from(lines.join('\r\n')), detail };
}
