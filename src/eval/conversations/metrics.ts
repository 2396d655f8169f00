/** Scores for conversation disentanglement, as in Kummerfeld et al. (2019) and their evaluation scripts:
 * reply-link precision/recall/F1, 1 − VI/log2(n), one-to-one overlap and exact-match conversation P/R/F1.
 * Every score is a fraction in [0, 1]. To pool several files, prefix ids with the file name. */
import { maxWeightMatching } from './hungarian.js';

/** A reply link: `source` replies to `target` (equal ids: `source` starts a conversation). */
export interface Link {
  source: string;
  target: string;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(matched: number, predicted: number, gold: number): PRF {
  const precision = predicted > 0 ? matched / predicted : 0;
  const recall = gold > 0 ? matched / gold : 0;
  const f1 = matched > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Link P/R/F over distinct (source, target) pairs; self links count as links. */
export function linkScores(gold: readonly Link[], predicted: readonly Link[]): PRF {
  const key = (link: Link): string => `${link.source}\u0000${link.target}`;
  const goldKeys = new Set(gold.map(key));
  const predictedKeys = new Set(predicted.map(key));
  let matched = 0;
  for (const k of predictedKeys) if (goldKeys.has(k)) matched++;
  return prf(matched, predictedKeys.size, goldKeys.size);
}

/** Connected components of the links, keeping only scored ids (context messages still connect others);
 * members keep first-seen order. */
export function conversationsFromLinks(
  links: readonly Link[],
  isScored: (id: string) => boolean = () => true,
): string[][] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    let at = id;
    while (at !== root) {
      const next = parent.get(at) as string;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  const order: string[] = [];
  const add = (id: string): void => {
    if (parent.has(id)) return;
    parent.set(id, id);
    order.push(id);
  };
  for (const { source, target } of links) {
    add(source);
    add(target);
    const a = find(source);
    const b = find(target);
    if (a !== b) parent.set(b, a);
  }
  const groups = new Map<string, string[]>();
  for (const id of order) {
    if (!isScored(id)) continue;
    const root = find(id);
    const group = groups.get(root);
    if (group) group.push(id);
    else groups.set(root, [id]);
  }
  return [...groups.values()];
}

interface Contingency {
  total: number;
  goldSizes: number[];
  predictedSizes: number[];
  /** Non-zero cells: gold index, predicted index, count. */
  cells: [number, number, number][];
}

function contingency(
  gold: readonly (readonly string[])[],
  predicted: readonly (readonly string[])[],
): Contingency {
  const goldOf = new Map<string, number>();
  gold.forEach((conversation, g) => conversation.forEach((id) => goldOf.set(id, g)));
  const cells = new Map<string, [number, number, number]>();
  let total = 0;
  predicted.forEach((conversation, p) => {
    for (const id of conversation) {
      const g = goldOf.get(id);
      if (g === undefined) throw new Error(`message ${id} is predicted but has no gold conversation`);
      total++;
      const key = `${g}:${p}`;
      const cell = cells.get(key);
      if (cell) cell[2]++;
      else cells.set(key, [g, p, 1]);
    }
  });
  if (total !== goldOf.size)
    throw new Error(`gold has ${goldOf.size} messages but predictions cover ${total}`);
  return {
    total,
    goldSizes: gold.map((c) => c.length),
    predictedSizes: predicted.map((c) => c.length),
    cells: [...cells.values()],
  };
}

/** 1 − VI / log2(n), where VI = H(gold | predicted) + H(predicted | gold) and n is the number of messages. */
export function scaledVariationOfInformation(
  gold: readonly (readonly string[])[],
  predicted: readonly (readonly string[])[],
): number {
  const { total, goldSizes, predictedSizes, cells } = contingency(gold, predicted);
  if (total <= 1) return 1;
  const entropy = (sizes: number[]): number =>
    sizes.reduce((h, size) => (size > 0 ? h - (size / total) * Math.log2(size / total) : h), 0);
  const joint = cells.reduce((h, [, , count]) => h - (count / total) * Math.log2(count / total), 0);
  const vi = 2 * joint - entropy(goldSizes) - entropy(predictedSizes);
  return 1 - vi / Math.log2(total);
}

/** One-to-one overlap: messages covered by the best one-to-one pairing of gold and predicted conversations, over n.
 * Exact: the matching is solved per connected block of overlapping conversations with the Hungarian algorithm. */
export function oneToOne(
  gold: readonly (readonly string[])[],
  predicted: readonly (readonly string[])[],
): number {
  const { total, cells } = contingency(gold, predicted);
  if (total === 0) return 1;
  // Blocks: connected components of the bipartite overlap graph (gold g as g, predicted p as -p-1).
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let root = x;
    while ((parent.get(root) ?? root) !== root) root = parent.get(root) as number;
    parent.set(x, root);
    return root;
  };
  for (const [g, p] of cells) {
    const a = find(g);
    const b = find(-p - 1);
    if (a !== b) parent.set(b, a);
  }
  const blocks = new Map<number, [number, number, number][]>();
  for (const cell of cells) {
    const root = find(cell[0]);
    const block = blocks.get(root);
    if (block) block.push(cell);
    else blocks.set(root, [cell]);
  }
  let overlap = 0;
  for (const block of blocks.values()) {
    if (block.length === 1) {
      overlap += block[0][2];
      continue;
    }
    const rows = [...new Set(block.map(([g]) => g))];
    const cols = [...new Set(block.map(([, p]) => p))];
    const rowAt = new Map(rows.map((g, k) => [g, k]));
    const colAt = new Map(cols.map((p, k) => [p, k]));
    const weights = rows.map(() => new Array<number>(cols.length).fill(0));
    for (const [g, p, count] of block) weights[rowAt.get(g) as number][colAt.get(p) as number] = count;
    maxWeightMatching(weights).forEach((c, r) => {
      if (c >= 0) overlap += weights[r][c];
    });
  }
  return overlap / total;
}

/** Exact-match conversation P/R/F1: a conversation counts when the same set of messages is predicted;
 * single-message conversations are left out on both sides. */
export function exactMatch(
  gold: readonly (readonly string[])[],
  predicted: readonly (readonly string[])[],
): PRF {
  const key = (conversation: readonly string[]): string => [...conversation].sort().join('\u0000');
  const goldKeys = gold.filter((c) => c.length > 1).map(key);
  const predictedKeys = new Set(predicted.filter((c) => c.length > 1).map(key));
  const matched = goldKeys.filter((k) => predictedKeys.has(k)).length;
  return prf(matched, predictedKeys.size, goldKeys.length);
}

export interface DisentanglementScores {
  link: PRF;
  /** 1 − VI/log2(n). */
  vi: number;
  oneToOne: number;
  conversation: PRF;
  messages: number;
}

/** All scores at once, from gold and predicted links over the same scored messages. */
export function scoreLinks(
  gold: readonly Link[],
  predicted: readonly Link[],
  isScored: (id: string) => boolean,
): DisentanglementScores {
  const goldConversations = conversationsFromLinks(gold, isScored);
  const predictedConversations = conversationsFromLinks(predicted, isScored);
  return {
    link: linkScores(gold, predicted),
    vi: scaledVariationOfInformation(goldConversations, predictedConversations),
    oneToOne: oneToOne(goldConversations, predictedConversations),
    conversation: exactMatch(goldConversations, predictedConversations),
    messages: goldConversations.reduce((sum, c) => sum + c.length, 0),
  };
}
