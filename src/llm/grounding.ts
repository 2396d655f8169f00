/**
 * Grounding: every person, component and message id in model output must exist in the input.
 * Anything else is dropped and counted as a hallucination (docs/ARCHITECTURE.md "Two strategies per stage").
 */
export type GroundedKind = 'person' | 'entity' | 'message' | 'item';

export interface HallucinationDrop {
  kind: GroundedKind;
  /** What the model wrote. */
  value: string;
  /** Where in the reply: `decisions.0.decidedBy.1`. */
  path: string;
}

export interface Grounded<R> {
  value: R;
  drops: HallucinationDrop[];
}

/** A stage-supplied check of a model reply against its input. */
export type Grounding<I, R> = (reply: R, input: I) => Grounded<R>;

export interface KnownThing {
  id: string;
  /** Names that also identify it (display names, aliases), matched case-insensitively when unique. */
  names?: readonly string[];
}

/** Ids and names that exist in one input; resolves what a model wrote to an id or nothing. */
export class KnownIds {
  private readonly ids = new Set<string>();
  private readonly byName = new Map<string, string | null>();

  constructor(things: Iterable<KnownThing>) {
    const list = [...things];
    for (const thing of list) this.ids.add(thing.id);
    for (const thing of list) {
      for (const name of [thing.id, ...(thing.names ?? [])]) {
        const key = fold(name);
        if (!key) continue;
        const seen = this.byName.get(key);
        this.byName.set(key, seen === undefined || seen === thing.id ? thing.id : null);
      }
    }
  }

  resolve(value: string): string | undefined {
    if (this.ids.has(value)) return value;
    return this.byName.get(fold(value)) ?? undefined;
  }
}

/** Collects drops while a grounding walks a reply. */
export class Grounder {
  readonly drops: HallucinationDrop[] = [];

  constructor(private readonly known: { person: KnownIds; entity: KnownIds; message: KnownIds }) {}

  one(kind: Exclude<GroundedKind, 'item'>, value: string, path: string): string | undefined {
    const resolved = this.known[kind].resolve(value);
    if (resolved === undefined) this.drops.push({ kind, value, path });
    return resolved;
  }

  /** Keeps the values that resolve, deduplicated, in order. */
  many(kind: Exclude<GroundedKind, 'item'>, values: readonly string[], path: string): string[] {
    const out: string[] = [];
    values.forEach((value, index) => {
      const resolved = this.one(kind, value, `${path}.${index}`);
      if (resolved !== undefined && !out.includes(resolved)) out.push(resolved);
    });
    return out;
  }

  /** Records a whole item dropped because what it rests on does not exist. */
  dropItem(path: string, summary: string): void {
    this.drops.push({ kind: 'item', value: summary, path });
  }
}

function fold(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/^@/, '').replace(/\s+/g, ' ');
}
