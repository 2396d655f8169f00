/** Files of the IRC disentanglement corpus (Kummerfeld et al., 2019): logs, gold links, the scored range. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ChatLine } from '../../pipeline/disentangle/types.js';
import { readAnnotation, type LineLink } from './annotation-file.js';
import { dayStartFromName, parseIrcLog } from './irc-log.js';

export type Split = 'train' | 'dev' | 'test';

export interface CorpusFile {
  name: string;
  lines: ChatLine[];
  gold: LineLink[];
  /** First scored line (the smallest annotated source; 1,000 in this corpus). */
  cutoff: number;
}

/** The corpus folder beside the project: ../shared/datasets/irc-disentanglement. */
export function defaultCorpusDir(): string {
  return path.resolve(process.cwd(), '../shared/datasets/irc-disentanglement');
}

export function corpusAvailable(dir = defaultCorpusDir()): boolean {
  return (
    existsSync(path.join(dir, 'dev')) &&
    existsSync(path.join(dir, 'test')) &&
    existsSync(path.join(dir, 'train'))
  );
}

export function listSplit(split: Split, dir = defaultCorpusDir()): string[] {
  return readdirSync(path.join(dir, split))
    .filter((file) => file.endsWith('.annotation.txt'))
    .map((file) => file.slice(0, -'.annotation.txt'.length))
    .sort();
}

export function loadCorpusFile(split: Split, name: string, dir = defaultCorpusDir()): CorpusFile {
  const base = path.join(dir, split, name);
  const lines = parseIrcLog(readFileSync(`${base}.ascii.txt`, 'utf8'), { dayStart: dayStartFromName(name) });
  const gold = readAnnotation(readFileSync(`${base}.annotation.txt`, 'utf8'));
  const cutoff = gold.reduce((min, link) => Math.min(min, link.source), Infinity);
  return { name, lines, gold, cutoff };
}

export function loadSplit(split: Split, dir = defaultCorpusDir()): CorpusFile[] {
  return listSplit(split, dir).map((name) => loadCorpusFile(split, name, dir));
}
