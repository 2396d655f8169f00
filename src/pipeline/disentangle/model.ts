/** The learned antecedent scorer: a one-hidden-layer network over binary features, with a linear skip. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OutroError } from '../../domain/errors.js';
import { FEATURE_NAMES } from './feature-space.js';

/** The model as stored in models/disentangler/model.json. */
export interface DisentanglerModel {
  version: string;
  /** Feature names, in input order; must equal the code's feature list. */
  features: string[];
  hidden: number;
  /** Earlier messages considered as antecedents. */
  window: number;
  /** Added to the new-conversation score before choosing (tuned on dev). */
  selfBias: number;
  /** features × hidden, one row per feature. */
  w1: number[];
  b1: number[];
  w2: number[];
  b2: number;
  /** One weight per feature, added straight to the score. */
  linear: number[];
  /** A linear ranker over the same features: only its `keep` best candidates (and "new conversation") reach the network. */
  prefilter: { weights: number[]; keep: number };
  /** How the model was trained (free-form, for people). */
  training?: Record<string, unknown>;
}

/**
 * What the scorer reads of a candidate buffer (features.ts CandidateBuffer): candidate k's features are
 * `feats[start[k] .. start[k + 1])`. Stated here so the model does not import the feature code (no import cycle).
 */
export interface CandidateFeatures {
  start: Int32Array;
  feats: Int32Array;
}

/** The model in typed arrays, ready to score. */
export class Scorer {
  readonly hidden: number;
  private readonly w1: Float64Array;
  private readonly b1: Float64Array;
  private readonly w2: Float64Array;
  private readonly b2: number;
  private readonly linear: Float64Array;
  private readonly h: Float64Array;
  private readonly pre: Float64Array;
  readonly keep: number;

  constructor(readonly model: DisentanglerModel) {
    checkModel(model);
    this.hidden = model.hidden;
    this.w1 = Float64Array.from(model.w1);
    this.b1 = Float64Array.from(model.b1);
    this.w2 = Float64Array.from(model.w2);
    this.b2 = model.b2;
    this.linear = Float64Array.from(model.linear);
    this.h = new Float64Array(model.hidden);
    this.pre = Float64Array.from(model.prefilter.weights);
    this.keep = model.prefilter.keep;
  }

  /** First-stage (linear) score of candidate k. */
  quick(buf: CandidateFeatures, k: number): number {
    let s = 0;
    const feats = buf.feats;
    const end = buf.start[k + 1];
    for (let at = buf.start[k]; at < end; at++) s += this.pre[feats[at]];
    return s;
  }

  /** Score of candidate k of the buffer. */
  score(buf: CandidateFeatures, k: number): number {
    const H = this.hidden;
    const h = this.h;
    h.set(this.b1);
    let s = this.b2;
    const feats = buf.feats;
    const end = buf.start[k + 1];
    for (let at = buf.start[k]; at < end; at++) {
      const f = feats[at];
      s += this.linear[f];
      const row = f * H;
      for (let d = 0; d < H; d++) h[d] += this.w1[row + d];
    }
    for (let d = 0; d < H; d++) if (h[d] > 0) s += this.w2[d] * h[d];
    return s;
  }
}

function checkModel(model: DisentanglerModel): void {
  const F = FEATURE_NAMES.length;
  const same = model.features.length === F && model.features.every((name, k) => name === FEATURE_NAMES[k]);
  const sized =
    model.w1.length === F * model.hidden &&
    model.b1.length === model.hidden &&
    model.w2.length === model.hidden &&
    model.linear.length === F &&
    model.prefilter?.weights?.length === F;
  if (!same || !sized) {
    throw new OutroError(
      'INTERNAL',
      `The disentangler model ${model.version} does not match this code's features; retrain it with \`npm run train:disentangler\`.`,
    );
  }
}

const MODEL_URL = new URL('../../../models/disentangler/model.json', import.meta.url);
let shipped: Scorer | undefined;

/** The model shipped in models/disentangler/model.json, read once. */
export function shippedScorer(): Scorer {
  if (shipped) return shipped;
  let model: DisentanglerModel;
  try {
    model = JSON.parse(readFileSync(fileURLToPath(MODEL_URL), 'utf8')) as DisentanglerModel;
  } catch (cause) {
    throw new OutroError(
      'INTERNAL',
      'Cannot read the disentangler model (models/disentangler/model.json); reinstall outro or run `npm run train:disentangler`.',
      { cause },
    );
  }
  shipped = new Scorer(model);
  return shipped;
}
