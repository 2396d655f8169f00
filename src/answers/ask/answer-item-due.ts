import type { ActionItemNode } from '../../memory/graph/graph-records.js';
import { searchWords } from '../../memory/graph/search-text.js';
import { summaryInContext } from './answer-items.js';
import { day, itemEvidence, known, openAt, unknown, type AnswerContext } from './answer-support.js';
import { overlap, wordsNeeded } from './resolve-entity.js';
import type { AskAnswer } from './ask-types.js';

/** Items shown when several name the thing asked about. */
const LISTED = 3;

/**
 * "When is the customer summary due?", "what's the deadline for the backfill?": the action items
 * whose words hold the thing asked about (all its words, all but one of three or more), with a
 * due day, open ones first, newest first; each with who holds it and whether it is done.
 */
export async function answerItemDue(context: AnswerContext): Promise<AskAnswer> {
  const { graph, people, timeZone } = context.sources;
  const readAt = context.sources.readUntil ?? context.asOf;
  const wanted = searchWords(context.target);
  const searched = [`action items with a due day naming "${context.target}" up to ${day(readAt, timeZone)}`];
  if (wanted.length === 0) return unknown(context, searched);
  const named = (item: ActionItemNode): boolean => overlap(item.summary, wanted) >= wordsNeeded(wanted);
  const open = (item: ActionItemNode): boolean => openAt({ at: item.at, closedAt: item.completedAt }, readAt);
  const items = (await graph.actionItems({}))
    .filter((item) => item.due !== null && item.at <= readAt && named(item))
    .sort((a, b) => Number(open(b)) - Number(open(a)) || b.at.localeCompare(a.at));
  if (items.length === 0) return unknown(context, searched);
  const line = (item: ActionItemNode): string => {
    const who = item.assignee ? people.name(item.assignee) : 'nobody named';
    const asker =
      item.requestedBy && item.requestedBy !== item.assignee
        ? `, asked by ${people.name(item.requestedBy)}`
        : '';
    const state = !open(item) && item.completedAt ? `; done ${day(item.completedAt, timeZone)}` : '';
    return `Due ${(item.due ?? '').slice(0, 10)}: ${summaryInContext(item, context)} (${who}${asker}${state})`;
  };
  const shown = items.slice(0, LISTED);
  return known(context, {
    text: shown.map(line).join('\n'),
    confidence: Math.max(...shown.map((item) => item.confidence)),
    evidence: itemEvidence(shown, context),
    entity: null,
    searched,
  });
}
