/** Features of a line that never change while walking: its shape and length, as it appears on either side of a pair. */
import { bucket, EDGES, F, SHAPE_NAMES } from './feature-space.js';
import type { PreparedLines } from './prepare.js';
import type { TextShape } from './text.js';

export interface StaticFeatures {
  /** When the line is the one being linked (i). */
  asI: Int32Array[];
  /** When the line is a candidate antecedent (j). */
  asJ: Int32Array[];
  /** When the line is its own candidate (a new conversation). */
  asSelf: Int32Array[];
}

function shapeIds(base: Record<string, number>, shape: TextShape): number[] {
  const out: number[] = [];
  for (const name of SHAPE_NAMES) if (shape[name]) out.push(base[name]);
  return out;
}

export function staticFeatures(lines: PreparedLines): StaticFeatures {
  const asI: Int32Array[] = new Array(lines.n);
  const asJ: Int32Array[] = new Array(lines.n);
  const asSelf: Int32Array[] = new Array(lines.n);
  for (let k = 0; k < lines.n; k++) {
    const shape = lines.shape[k];
    const length = bucket(shape.length, EDGES.length);
    const addresses = lines.addressed[k].length > 0;
    asI[k] = Int32Array.from([
      ...shapeIds(F.iShape, shape),
      F.iLength + length,
      ...(addresses ? [F.iAddrAny] : []),
    ]);
    asJ[k] = Int32Array.from([
      ...shapeIds(F.jShape, shape),
      F.jLength + length,
      ...(addresses ? [F.jAddrAny] : []),
    ]);
    const mentions = !addresses && lines.mentioned[k].length > 0;
    const first = shape.firstWord >= 0 ? [F.selfFirstWord[shape.firstWord]] : [];
    asSelf[k] = Int32Array.from([
      F.self,
      ...shapeIds(F.selfShape, shape),
      F.selfLength + length,
      ...(addresses ? [F.selfAddr] : []),
      ...(mentions ? [F.selfMention] : []),
      ...first,
    ]);
  }
  return { asI, asJ, asSelf };
}
