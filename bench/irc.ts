/** `npm run bench:irc -- --split dev|test [--emit DIR] [--model FILE] [--repeat N]`: runs the disentangler over the
 * IRC disentanglement corpus (Kummerfeld et al. 2019, CC-BY-4.0), scores it, prints published numbers beside ours,
 * and with --emit writes DIR/NAME.annotation.txt in the dataset's own link format. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { disentangle } from '../src/pipeline/disentangle/disentangle.js';
import { writeAnnotation } from '../src/eval/irc/annotation-file.js';
import {
  corpusAvailable,
  defaultCorpusDir,
  listSplit,
  loadCorpusFile,
  type Split,
} from '../src/eval/irc/corpus.js';
import { evaluateFiles, scoredLinks, type FilePrediction } from '../src/eval/irc/evaluate.js';
import { dayStartFromName, parseIrcLog } from '../src/eval/irc/irc-log.js';
import type { DisentanglerModel } from '../src/pipeline/disentangle/model.js';
import { formatReport } from './irc/report.js';

function parseArgs(argv: string[]): {
  split: Split;
  emit?: string;
  model?: string;
  repeat: number;
  dir: string;
} {
  const get = (name: string): string | undefined => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const split = (get('split') ?? 'dev') as Split;
  if (!['train', 'dev', 'test'].includes(split))
    throw new Error(`--split must be dev, test or train, not ${split}`);
  return {
    split,
    emit: get('emit'),
    model: get('model'),
    repeat: Math.max(1, Number(get('repeat') ?? 3)),
    dir: get('dir') ?? defaultCorpusDir(),
  };
}

const HELP = `Scores the disentangler on the Ubuntu IRC disentanglement corpus (Kummerfeld et al. 2019).

Usage: npm run bench:irc -- [--split dev|test|train] [--emit DIR] [--model FILE] [--repeat N] [--dir CORPUS] [--json]

  --split   which split to score (default dev; tune on train/dev, report test)
  --emit    write DIR/NAME.annotation.txt per file, in the dataset's link format ("A B -")
  --model   weights to use instead of models/disentangler/model.json
  --repeat  timing passes; the fastest is reported (default 3)
  --dir     the corpus folder (default ../shared/datasets/irc-disentanglement)
  --json    print the scores (fractions) and speed as JSON instead of the table

Examples:
  npm run bench:irc -- --split dev
  npm run bench:irc -- --split test --emit /tmp/irc-test`;

function main(): void {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(HELP);
    return;
  }
  const args = parseArgs(process.argv.slice(2));
  if (!corpusAvailable(args.dir)) {
    console.error(`The IRC disentanglement corpus is not at ${args.dir}.`);
    process.exit(1);
  }
  const model = args.model ? (JSON.parse(readFileSync(args.model, 'utf8')) as DisentanglerModel) : undefined;
  const names = listSplit(args.split, args.dir);
  const files = names.map((name) => loadCorpusFile(args.split, name, args.dir));
  const texts = names.map((name) => path.join(args.dir, args.split, `${name}.ascii.txt`));

  // Speed: the fastest of `repeat` passes, each timing disentangling alone and the whole path from the file.
  let disentangleMs = Infinity;
  let endToEndMs = Infinity;
  // CPU time of the whole pass (this process, one thread): steadier than wall time on a busy machine.
  let cpuMs = Infinity;
  let messages = 0;
  let version = '';
  const predictions: FilePrediction[] = [];
  for (let pass = 0; pass < args.repeat; pass++) {
    let inner = 0;
    messages = 0;
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    names.forEach((name, k) => {
      const lines = parseIrcLog(readFileSync(texts[k], 'utf8'), { dayStart: dayStartFromName(name) });
      const t = performance.now();
      const result = disentangle(lines, { model });
      inner += performance.now() - t;
      messages += lines.length;
      version = result.version;
      const links = scoredLinks(files[k], result.parent);
      if (pass === 0) predictions.push({ file: files[k], links });
    });
    endToEndMs = Math.min(endToEndMs, performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuMs = Math.min(cpuMs, (cpu.user + cpu.system) / 1000);
    disentangleMs = Math.min(disentangleMs, inner);
  }

  const scores = evaluateFiles(predictions);
  if (process.argv.includes('--json')) {
    const perSecond = (ms: number): number => Math.round((messages / ms) * 1000);
    const speed = {
      messages,
      disentangleMessagesPerSecond: perSecond(disentangleMs),
      endToEndMessagesPerSecond: perSecond(endToEndMs),
      endToEndCpuMessagesPerSecond: perSecond(cpuMs),
    };
    console.log(
      JSON.stringify({ split: args.split, files: files.length, model: version, scores, speed }, null, 2),
    );
  } else
    console.log(
      formatReport(args.split, files.length, scores, { messages, disentangleMs, endToEndMs, cpuMs }, version),
    );

  if (args.emit) {
    mkdirSync(args.emit, { recursive: true });
    for (const { file, links } of predictions)
      writeFileSync(path.join(args.emit, `${file.name}.annotation.txt`), writeAnnotation(links));
    console.error(`wrote ${predictions.length} annotation files to ${args.emit}`);
  }
}

main();
