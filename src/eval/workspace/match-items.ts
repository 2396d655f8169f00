/**
 * Matching extracted items to gold items by the messages they cite: a prediction matches a gold
 * item when they share a message id. Each gold item is matched once; a second prediction on an
 * already matched gold item is a duplicate and counts against precision (a reader sees it twice).
 */

export interface GoldItem {
  id: string;
  refs: readonly string[];
  /** What must also be right for the item to count as right (an assignee, an owner): a truth person id. */
  label?: string | null;
}

export interface PredictedItem {
  id: string;
  refs: readonly string[];
  label?: string | null;
  text: string;
}

export interface ItemMatch {
  gold: GoldItem;
  predicted: PredictedItem;
  labelRight: boolean;
}

export interface ItemScores {
  gold: number;
  predicted: number;
  matched: number;
  duplicates: number;
  precision: number;
  recall: number;
  /** Of the matched items, those whose label (assignee, owner) is right too. */
  labelRight: number;
  matches: ItemMatch[];
  misses: GoldItem[];
  falsePositives: PredictedItem[];
}

export function matchItems(gold: readonly GoldItem[], predicted: readonly PredictedItem[]): ItemScores {
  const goldOfRef = new Map<string, GoldItem[]>();
  for (const item of gold) for (const ref of item.refs) goldOfRef.set(ref, [...(goldOfRef.get(ref) ?? []), item]);
  const taken = new Set<string>();
  const matches: ItemMatch[] = [];
  const falsePositives: PredictedItem[] = [];
  let duplicates = 0;
  for (const item of predicted) {
    const candidates = [...new Set(item.refs.flatMap((ref) => goldOfRef.get(ref) ?? []))];
    // Prefer a gold item whose label agrees, then any free one.
    const free = candidates.filter((candidate) => !taken.has(candidate.id));
    const pick = free.find((candidate) => candidate.label !== undefined && candidate.label === item.label) ?? free[0];
    if (pick) {
      taken.add(pick.id);
      matches.push({ gold: pick, predicted: item, labelRight: pick.label === undefined || pick.label === item.label });
    } else {
      if (candidates.length > 0) duplicates++;
      falsePositives.push(item);
    }
  }
  const matched = matches.length;
  return {
    gold: gold.length,
    predicted: predicted.length,
    matched,
    duplicates,
    precision: predicted.length > 0 ? matched / predicted.length : 0,
    recall: gold.length > 0 ? matched / gold.length : 0,
    labelRight: matches.filter((match) => match.labelRight).length,
    matches,
    misses: gold.filter((item) => !taken.has(item.id)),
    falsePositives,
  };
}
