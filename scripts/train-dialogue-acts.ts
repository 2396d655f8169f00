/**
 * Trains the dialogue-act classifier and writes models/dialogue-acts/model.json (`npm run train:acts`).
 * Seeded and deterministic. Data: the units written for it (fixtures/dialogue-acts/*.jsonl), the
 * Email Intent training sentences (../shared/datasets/email-intent, down-weighted, skipped when
 * absent) and the labelled messages of fixtures/workspace. Reports: k-fold cross-validation on the
 * written units, message-level scores on fixtures/holdout (never trained on), and request
 * precision/recall on the Email Intent test file.
 *
 *   --seed N --bits N --epochs N --lr X --l2 X --folds N   training and evaluation (--folds 0: no cross-validation)
 *   --email-weight X --fixture-weight X --fixture-other-weight X --balance X (0–1: even out the classes' weights)
 *   --no-email --no-fixtures   leave a source out     --cv-only   do not write the model
 *   --misses                   print the units cross-validation got wrong, and the holdout misses
 *   --out FILE                 where to write (default models/dialogue-acts/model.json)
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIALOGUE_ACTS, type ActContext, type ActUnit } from '../src/pipeline/annotate/acts/act.js';
import { actFeatures, FEATURE_SET, FeatureBuffer } from '../src/pipeline/annotate/acts/act-features.js';
import { ActModel } from '../src/pipeline/annotate/acts/act-model.js';
import { classifyUnit } from '../src/pipeline/annotate/acts/classify-unit.js';
import {
  ACT_MODEL_VERSION,
  decodeActModel,
  encodeActModel,
} from '../src/pipeline/annotate/acts/model-file.js';
import { seededRandom, shuffle } from './disentangle/rng.js';
import { defaultEmailIntentDir, readEmailIntent, type EmailIntent } from './dialogue-acts/email-intent.js';
import { contextVariants } from './dialogue-acts/context-variants.js';
import type { Example } from './dialogue-acts/example.js';
import { nameVariants } from './dialogue-acts/name-variants.js';
import { fixtureExamples, type FixtureWeights } from './dialogue-acts/fixture-examples.js';
import { fixtureMessages, type FixtureMessage } from './dialogue-acts/fixture-messages.js';
import { readLabelledUnits } from './dialogue-acts/labelled-units.js';
import { messageTable, scoreMessages } from './dialogue-acts/message-eval.js';
import {
  confusionTable,
  emptyConfusion,
  pct,
  scores,
  scoreTable,
  type Confusion,
} from './dialogue-acts/metrics.js';
import { trainSoftmax, type SoftmaxConfig, type TrainItem } from './dialogue-acts/softmax-trainer.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Map<string, string>();
process.argv.slice(2).forEach((arg, k, all) => {
  if (arg.startsWith('--'))
    args.set(arg.slice(2), all[k + 1] && !all[k + 1].startsWith('--') ? all[k + 1] : 'true');
});
const num = (name: string, fallback: number): number => (args.has(name) ? Number(args.get(name)) : fallback);

const config: SoftmaxConfig = {
  seed: num('seed', 7),
  hashBits: num('bits', 17),
  epochs: num('epochs', 12),
  learningRate: num('lr', 0.1),
  l2: num('l2', 1e-4),
};
const folds = num('folds', 5);
const emailWeight = num('email-weight', 0.03);
const balance = num('balance', 0.5);
const fixtureWeights: FixtureWeights = {
  labelled: num('fixture-weight', 1),
  other: num('fixture-other-weight', 0.5),
};
const out = path.resolve(root, args.get('out') ?? 'models/dialogue-acts/model.json');
const showMisses = args.get('misses') === 'true';

const started = performance.now();
const buffer = new FeatureBuffer();
const featurize = (example: Example): TrainItem => {
  const { indices, values } = actFeatures(example.unit, example.context, config.hashBits, buffer).copy();
  return { features: indices, values, label: DIALOGUE_ACTS.indexOf(example.act), weight: example.weight };
};
const modelOf = (items: TrainItem[]): ActModel => {
  const { weights, bias } = trainSoftmax(balanced(items), config);
  return new ActModel(
    { version: ACT_MODEL_VERSION, featureSet: FEATURE_SET, hashBits: config.hashBits },
    weights,
    bias,
  );
};
const predictWith = (model: ActModel) => {
  const features = new FeatureBuffer();
  return (unit: ActUnit, context: ActContext) =>
    model.probabilities(actFeatures(unit, context, config.hashBits, features));
};

// ---- data
const units = dedupe(readLabelledUnits(path.join(root, 'fixtures/dialogue-acts')));
const emailDir = args.get('no-email') === 'true' ? null : (args.get('email') ?? defaultEmailIntentDir(root));
const email: EmailIntent | null = emailDir ? readEmailIntent(emailDir, emailWeight) : null;
const workspace: FixtureMessage[] =
  args.get('no-fixtures') === 'true' ? [] : fixtureMessages(path.join(root, 'fixtures/workspace/story'));
const holdout = fixtureMessages(path.join(root, 'fixtures/holdout/story'));
console.log(
  `written units: ${units.length} (${DIALOGUE_ACTS.map((act) => `${act} ${units.filter((u) => u.act === act).length}`).join(', ')})`,
);
console.log(
  email
    ? `email intent: ${email.train.length} training sentences (weight ${emailWeight}; ${email.dropped} questions/promises labelled No left out), ${email.test.length} test`
    : 'email intent: not found, left out',
);
console.log(
  `fixtures/workspace: ${workspace.length} messages; fixtures/holdout: ${holdout.length} messages (test only)`,
);

/** A model trained on the written units given, the email sentences and the workspace messages (labelled through a first model). */
function trainAll(written: Example[]): { model: ActModel; first: ActModel; fixture: Example[] } {
  const variants = contextVariants(
    nameVariants(written, seededRandom(config.seed + 2)),
    seededRandom(config.seed + 1),
  );
  const baseItems = [...variants, ...(email?.train ?? [])].map(featurize);
  const first = modelOf(baseItems);
  const fixture = workspace.length > 0 ? fixtureExamples(workspace, predictWith(first), fixtureWeights) : [];
  return {
    model: fixture.length > 0 ? modelOf([...baseItems, ...fixture.map(featurize)]) : first,
    first,
    fixture,
  };
}

// ---- cross-validation on the written units
const random = seededRandom(config.seed);
const fold = new Map<Example, number>();
for (const act of DIALOGUE_ACTS) {
  const ofAct = units.filter((u) => u.act === act);
  const order = ofAct.map((_, k) => k);
  shuffle(order, random);
  order.forEach((k, position) => fold.set(ofAct[k], position % folds));
}
const cv: Confusion = emptyConfusion();
/** The same, for the units written in the manner of real chat (`*-long.jsonl`) alone. */
const cvLong: Confusion = emptyConfusion();
const isLong = (example: Example) => example.where.includes('-long.jsonl');
const cvMisses: string[] = [];
for (let f = 0; f < (folds > 1 ? folds : 0); f++) {
  const { model } = trainAll(units.filter((u) => fold.get(u) !== f));
  for (const example of units.filter((u) => fold.get(u) === f)) {
    const prediction = classifyUnit(model, example.unit, example.context);
    const predicted = prediction ? DIALOGUE_ACTS.indexOf(prediction.act) : DIALOGUE_ACTS.indexOf('other');
    cv[DIALOGUE_ACTS.indexOf(example.act)][predicted]++;
    if (isLong(example)) cvLong[DIALOGUE_ACTS.indexOf(example.act)][predicted]++;
    if (prediction && prediction.act !== example.act)
      cvMisses.push(
        `${example.where}  ${example.act} → ${prediction.act} (${pct(prediction.probability)})  ${example.unit.text}`,
      );
  }
}
if (folds > 1)
  console.log(
    `\n${folds}-fold cross-validation on the written units (each fold also trains on email and workspace units):\n${scoreTable(cv)}\n\n${confusionTable(cv)}`,
  );
if (folds > 1 && units.some(isLong))
  console.log(`\nthe same, on the units written as real chat (*-long.jsonl) alone:\n${scoreTable(cvLong)}`);
if (showMisses) console.log(`\ncross-validation misses:\n${cvMisses.sort().join('\n')}`);

// ---- the shipped model: everything but the holdout, quantised, then read back as the loader will.
// Its first model has not seen the workspace: scored there, it is the development check on a workspace nobody wrote units from.
const { model: trained, first, fixture } = trainAll(units);
const dev = scoreMessages(workspace, (unit, context) => classifyUnit(first, unit, context));
console.log(
  `\nfixtures/workspace as development set, message level (model trained without it):\n${messageTable(dev)}`,
);
if (showMisses) console.log(`\nworkspace misses:\n${dev.misses.join('\n')}`);
if (args.get('cv-only') === 'true') process.exit(0);
const counts = {
  units: units.length,
  email: email?.train.length ?? 0,
  fixture: fixture.length,
  fixtureByAct: Object.fromEntries(
    DIALOGUE_ACTS.map((act) => [act, fixture.filter((e) => e.act === act).length]),
  ),
  unitsByAct: Object.fromEntries(
    DIALOGUE_ACTS.map((act) => [act, units.filter((e) => e.act === act).length]),
  ),
};
console.log(
  `\nworkspace units used: ${fixture.length} (${DIALOGUE_ACTS.map((act) => `${act} ${counts.fixtureByAct[act]}`).join(', ')})`,
);
const file = encodeActModel(
  { version: ACT_MODEL_VERSION, featureSet: FEATURE_SET, hashBits: config.hashBits },
  trained.weights,
  trained.bias,
);
const model = decodeActModel(file);
const classify = (unit: ActUnit, context: ActContext) => classifyUnit(model, unit, context);

const held = scoreMessages(holdout, classify);
console.log(`\nfixtures/holdout, message level (never trained on):\n${messageTable(held)}`);
if (showMisses) console.log(`\nholdout misses:\n${held.misses.join('\n')}`);

let emailScores: { precision: number; recall: number; f1: number; requestOrQuestionRecall: number } | null =
  null;
if (email) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let askedAtAll = 0;
  for (const { example, ask } of email.test) {
    const act = classify(example.unit, example.context)?.act;
    const request = act === 'request';
    if (ask && request) tp++;
    else if (request) fp++;
    else if (ask) fn++;
    if (ask && (act === 'request' || act === 'question' || act === 'proposal')) askedAtAll++;
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  emailScores = {
    precision,
    recall,
    f1: (2 * precision * recall) / Math.max(1e-9, precision + recall),
    requestOrQuestionRecall: askedAtAll / Math.max(1, tp + fn),
  };
  console.log(
    `\nemail intent test (${email.test.length} sentences, ${tp + fn} asks): request precision ${pct(precision)}, recall ${pct(recall)}, F1 ${pct(emailScores.f1)}; asks read as request, question or proposal: ${pct(emailScores.requestOrQuestionRecall)}`,
  );
}

const cvScores = scores(cv);
file.training = {
  id: `softmax-h${config.hashBits}-e${config.epochs}-s${config.seed}`,
  config: { ...config, folds, emailWeight, fixtureWeights, balance },
  data: counts,
  crossValidation: {
    accuracy: round(cvScores.accuracy),
    macroF1: round(cvScores.macroF1),
    f1: Object.fromEntries(cvScores.perClass.map((s) => [s.act, round(s.f1)])),
  },
  holdoutMessages: Object.fromEntries(held.rows.map((r) => [r.act, r])),
  ...(emailScores
    ? {
        emailIntentTest: {
          precision: round(emailScores.precision),
          recall: round(emailScores.recall),
          f1: round(emailScores.f1),
        },
      }
    : {}),
};
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(file, null, 1)}\n`);
console.log(
  `\nwrote ${path.relative(root, out)} (${(statSync(out).size / 1024).toFixed(0)} KB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

/**
 * The items with each class's weight pulled towards the mean by `balance` (0: as they are, 1: every
 * class weighs the same in all): `other` has as many units as three acts together, and a model
 * trained on that leans to `other` whenever the telling words are few.
 */
function balanced(items: TrainItem[]): TrainItem[] {
  if (balance === 0) return items;
  const totals = new Float64Array(DIALOGUE_ACTS.length);
  for (const item of items) totals[item.label] += item.weight;
  const mean = totals.reduce((sum, total) => sum + total, 0) / totals.length;
  return items.map((item) => ({ ...item, weight: item.weight * (mean / totals[item.label]) ** balance }));
}

function round(value: number): number {
  return Number(value.toFixed(4));
}

/** Drops repeated units; the same text and context under two acts is an error in the data. */
function dedupe(examples: Example[]): Example[] {
  const seen = new Map<string, Example>();
  for (const example of examples) {
    const key = `${example.unit.text.toLowerCase().replace(/\s+/g, ' ').trim()}|${JSON.stringify(example.context)}|${example.unit.listIndex ?? ''}|${example.unit.quoted ?? ''}`;
    const held = seen.get(key);
    if (held && held.act !== example.act)
      throw new Error(
        `${example.where} repeats ${held.where} under another act (${held.act} vs ${example.act})`,
      );
    if (!held) seen.set(key, example);
  }
  return [...seen.values()];
}
