/**
 * `npm run bench:acts -- [--units N] [--model FILE] [--files REGEX]`: time of the dialogue-act
 * classifier per unit (features and inference), and of splitting messages into units, over a large
 * generated sample: messages of 1–6 lines drawn (seeded) from the written training units (those of
 * the files whose names match `--files`, default all), with lists, quotes, code and long messages
 * mixed in the way chat has them. Longer units cost more: compare runs on the same files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyUnits, messageAct } from '../src/pipeline/annotate/acts/classify-unit.js';
import { loadActModel } from '../src/pipeline/annotate/acts/load-act-model.js';
import { splitUnits } from '../src/pipeline/annotate/units/split-units.js';
import type { Unit } from '../src/pipeline/annotate/units/unit.js';
import { seededRandom } from '../scripts/disentangle/rng.js';

const argv = process.argv.slice(2);
const get = (name: string): string | undefined =>
  argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined;
const target = Number(get('units') ?? 200_000);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const dir = path.join(root, 'fixtures/dialogue-acts');
const files = new RegExp(get('files') ?? '.');
const lines = readdirSync(dir)
  .filter((name) => name.endsWith('.jsonl') && files.test(name))
  .flatMap((name) => readFileSync(path.join(dir, name), 'utf8').split('\n').filter(Boolean))
  .map((line) => (JSON.parse(line) as { text: string }).text);

const random = seededRandom(11);
const pick = () => lines[Math.floor(random() * lines.length)];
function message(): string {
  const roll = random();
  if (roll < 0.05) return `todo:\n${Array.from({ length: 4 }, (_, k) => `${k + 1}. ${pick()}`).join('\n')}`;
  if (roll < 0.08) return `> ${pick()}\n${pick()}`;
  if (roll < 0.1) return `${pick()}\n\`\`\`\nconst x = await fetch(url);\nconsole.log(x.status);\n\`\`\``;
  if (roll < 0.11) return Array.from({ length: 40 }, pick).join('. ');
  return Array.from({ length: 1 + Math.floor(random() * 3) }, pick).join(random() < 0.5 ? '. ' : '\n');
}

const messages: string[] = [];
let unitCount = 0;
while (unitCount < target) {
  const text = message();
  messages.push(text);
  unitCount += splitUnits(text).length;
}

const model = loadActModel(get('model'));
/** Wall-clock and CPU microseconds of the work (on a shared machine the CPU time is the steadier one). */
const time = (work: () => void): { wall: number; cpu: number } => {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  work();
  const used = process.cpuUsage(cpu);
  return { wall: Number(process.hrtime.bigint() - started) / 1000, cpu: used.user + used.system };
};
const perUnit = ({ wall, cpu }: { wall: number; cpu: number }, units: number) =>
  `${(cpu / units).toFixed(2)} µs/unit CPU (${(wall / units).toFixed(2)} wall)`;

let split: Unit[][] = [];
const splitTime = time(() => (split = messages.map((text) => splitUnits(text))));
const units = split.reduce((sum, list) => sum + list.length, 0);
const skipped = split.reduce((sum, list) => sum + list.filter((unit) => unit.skip).length, 0);
// Warm up, then time features + inference with the context a caller would pass.
for (const list of split.slice(0, 2000)) classifyUnits(model, list, { reply: true });
let previous: ReturnType<typeof messageAct>;
const classifyTime = time(() => {
  for (const list of split)
    previous = messageAct(classifyUnits(model, list, { previousAct: previous, dm: false }));
});
const classified = units - skipped;
const words = split.reduce(
  (sum, list) => sum + list.reduce((n, unit) => n + (unit.skip ? 0 : unit.text.split(/\s+/).length), 0),
  0,
);
console.log(
  `${messages.length} messages, ${units} units (${skipped} skipped, ${(words / (units - skipped)).toFixed(1)} words a unit), hash space 2^${model.info.hashBits}`,
);
console.log(`split:            ${perUnit(splitTime, units)}`);
console.log(`features+softmax: ${perUnit(classifyTime, classified)}`);
