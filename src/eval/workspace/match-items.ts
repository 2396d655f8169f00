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
  for (const item of gold)
    for (const ref of item.refs) goldOfRef.set(ref, [...(goldOfRef.get(ref) ?? []), item]);
  const candidatesOf = (item: PredictedItem): GoldItem[] => [
    ...new Set(item.refs.flatMap((ref) => goldOfRef.get(ref) ?? [])),
  ];
  const taken = new Set<string>();
  const matchOf = new Map<PredictedItem, ItemMatch>();
  // First the pairs that agree on the label (assignee, owner), then any shared message: a wrong
  // guess earlier in time does not take the gold item from a right one.
  for (const sameLabel of [true, false]) {
    for (const item of predicted) {
      if (matchOf.has(item)) continue;
      const pick = candidatesOf(item).find(
        (candidate) =>
          !taken.has(candidate.id) &&
          (!sameLabel || (candidate.label !== undefined && candidate.label === item.label)),
      );
      if (!pick) continue;
      taken.add(pick.id);
      matchOf.set(item, {
        gold: pick,
        predicted: item,
        labelRight: pick.label === undefined || pick.label === item.label,
      });
    }
  }
  const matches = predicted.flatMap((item) => matchOf.get(item) ?? []);
  const falsePositives = predicted.filter((item) => !matchOf.has(item));
  const duplicates = falsePositives.filter((item) => candidatesOf(item).length > 0).length;
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
