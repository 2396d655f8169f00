import { DIALOGUE_ACTS } from './act.js';
import { FEATURE_SET } from './act-features.js';
import { ActModel, type ActModelInfo } from './act-model.js';

/** The version of the file format; a file of another version is refused. */
export const ACT_MODEL_VERSION = 'dialogue-acts/1';

/**
 * `models/dialogue-acts/model.json`. Only buckets with a non-zero weight are stored: `rows` lists
 * their bucket numbers as base64 LEB128 varints of the gaps between them, `weights` their class
 * weights as base64 int8, one row of `classes.length` per bucket, each class scaled by `scales[c]`.
 */
export interface ActModelFile {
  version: string;
  featureSet: string;
  hashBits: number;
  classes: string[];
  bias: number[];
  scales: number[];
  rows: string;
  weights: string;
  training?: Record<string, unknown>;
}

/** Why a file cannot be read as a model; the loader turns it into an OutroError naming the file. */
export class ModelFileProblem extends Error {}

/** Quantises dense weights (`2^hashBits × classes`) to the file format; weights under `prune` × the class scale are dropped. */
export function encodeActModel(info: ActModelInfo, weights: Float32Array, bias: Float32Array): ActModelFile {
  const C = DIALOGUE_ACTS.length;
  const buckets = 1 << info.hashBits;
  const scales = new Array<number>(C).fill(0);
  for (let k = 0; k < weights.length; k++) scales[k % C] = Math.max(scales[k % C], Math.abs(weights[k]));
  for (let c = 0; c < C; c++) scales[c] = scales[c] > 0 ? scales[c] / 127 : 1;
  const rows: number[] = [];
  const values: number[] = [];
  const quantised = new Int8Array(C);
  let last = 0;
  for (let row = 0; row < buckets; row++) {
    let any = false;
    for (let c = 0; c < C; c++) {
      quantised[c] = Math.max(-127, Math.min(127, Math.round(weights[row * C + c] / scales[c])));
      if (quantised[c] !== 0) any = true;
    }
    if (!any) continue;
    writeVarint(rows, row - last);
    last = row;
    for (let c = 0; c < C; c++) values.push(quantised[c] & 0xff);
  }
  return {
    version: info.version,
    featureSet: info.featureSet,
    hashBits: info.hashBits,
    classes: [...DIALOGUE_ACTS],
    bias: Array.from(bias, (value) => Number(value.toPrecision(6))),
    scales: scales.map((value) => Number(value.toPrecision(8))),
    rows: Buffer.from(rows).toString('base64'),
    weights: Buffer.from(values).toString('base64'),
    ...(info.training ? { training: info.training } : {}),
  };
}

function writeVarint(out: number[], value: number): void {
  while (value >= 0x80) {
    out.push((value & 0x7f) | 0x80);
    value >>>= 7;
  }
  out.push(value);
}

/** The model a file holds; throws ModelFileProblem when it is of another version or inconsistent. */
export function decodeActModel(file: ActModelFile): ActModel {
  if (typeof file !== 'object' || file === null) throw new ModelFileProblem('it is not a JSON object');
  if (file.version !== ACT_MODEL_VERSION)
    throw new ModelFileProblem(
      `it is version ${JSON.stringify(file.version)}, this outro reads ${ACT_MODEL_VERSION}`,
    );
  if (file.featureSet !== FEATURE_SET)
    throw new ModelFileProblem(
      `it was trained on feature set ${JSON.stringify(file.featureSet)}, this outro computes ${FEATURE_SET}`,
    );
  const C = DIALOGUE_ACTS.length;
  if (!Array.isArray(file.classes) || file.classes.join() !== DIALOGUE_ACTS.join())
    throw new ModelFileProblem(`its classes (${String(file.classes)}) are not ${DIALOGUE_ACTS.join(', ')}`);
  if (!Number.isInteger(file.hashBits) || file.hashBits < 8 || file.hashBits > 24)
    throw new ModelFileProblem(`hashBits ${String(file.hashBits)} is not an integer from 8 to 24`);
  const numbers = (value: unknown, name: string): number[] => {
    if (
      !Array.isArray(value) ||
      value.length !== C ||
      !value.every((x) => typeof x === 'number' && Number.isFinite(x))
    )
      throw new ModelFileProblem(`${name} is not ${C} finite numbers`);
    return value as number[];
  };
  const bias = numbers(file.bias, 'bias');
  const scales = numbers(file.scales, 'scales');
  const base64 = /^[A-Za-z0-9+/]*={0,2}$/;
  if (
    typeof file.rows !== 'string' ||
    typeof file.weights !== 'string' ||
    !base64.test(file.rows) ||
    !base64.test(file.weights)
  ) {
    throw new ModelFileProblem('rows or weights is not a base64 string');
  }
  const rows = Buffer.from(file.rows, 'base64');
  const values = Buffer.from(file.weights, 'base64');
  const buckets = 1 << file.hashBits;
  const weights = new Int8Array(buckets * C);
  let row = 0;
  let at = 0;
  let count = 0;
  for (let k = 0; k < rows.length;) {
    let gap = 0;
    let shift = 0;
    let byte: number;
    do {
      if (k >= rows.length || shift > 28) throw new ModelFileProblem('rows ends inside a number');
      byte = rows[k++];
      gap |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    row += gap;
    if (row >= buckets || (count > 0 && gap === 0))
      throw new ModelFileProblem(`row ${row} is out of order or past 2^${file.hashBits}`);
    if (at + C > values.length) throw new ModelFileProblem('weights is shorter than rows say');
    weights.set(values.subarray(at, at + C), row * C);
    at += C;
    count++;
  }
  if (at !== values.length) throw new ModelFileProblem('weights is longer than rows say');
  const info: ActModelInfo = {
    version: file.version,
    featureSet: file.featureSet,
    hashBits: file.hashBits,
    training: file.training,
  };
  return new ActModel(info, { values: weights, scales: Float64Array.from(scales) }, Float32Array.from(bias));
}
