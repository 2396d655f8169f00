import type { ActionItemNode } from '../../memory/graph/graph-records.js';
import { indexTerms } from '../../memory/search/porter-stem.js';
import { answerHolders } from './answer-facts.js';
import { day, dueText, itemEvidence, known, names, openAt, type AnswerContext } from './answer-support.js';
import type { AskAnswer } from './ask-types.js';

const ARTICLES = new Set(['the', 'a', 'an', 'our', 'my', 'their', 'this', 'that', 'these', 'those']);
/** Items read for one question: the best matches of the index. */
const ITEMS_READ = 20;
/** Items listed in an answer. */
const ITEMS_LISTED = 4;

/**
 * "Who is working on the circuit breaker?": works-on facts first; where none hold, the people the
 * action items naming it are assigned to, open ones first (done ones say who did it).
 */
export async function answerWorksOn(context: AnswerContext): Promise<AskAnswer> {
  const fromFacts = await answerHolders(context, 'works_on');
  if (fromFacts.known) return fromFacts;
  const named = await itemsNaming(context);
  const items = named.length > 0 ? named : await itemsDoing(context);
  if (items.length === 0) return fromFacts;
  const { people, timeZone } = context.sources;
  const open = items.filter((item) => openAt({ at: item.at, closedAt: item.completedAt }, context.asOf));
  const shown = (open.length > 0 ? open : items).slice(0, ITEMS_LISTED);
  const who = [...new Set(shown.map((item) => people.name(item.assignee ?? '')))];
  const line = (item: ActionItemNode): string => {
    const state = openAt({ at: item.at, closedAt: item.completedAt }, context.asOf)
      ? `open${item.due ? `, due ${dueText(day(item.due, timeZone))}` : ''}`
      : `done ${day(item.completedAt ?? item.at, timeZone)}`;
    return `- ${people.name(item.assignee ?? '')}: "${item.summary}" (${state}; ${day(item.at, timeZone)})`;
  };
  return known(context, {
    text: [
      `${names(who)} ${open.length > 0 ? (who.length === 1 ? 'is' : 'are') : who.length === 1 ? 'was' : 'were'} on it:`,
      ...shown.map(line),
    ].join('\n'),
    confidence: Math.min(0.8, Math.max(...shown.map((item) => item.confidence))),
    evidence: itemEvidence(shown, context),
    entity: null,
    searched: [
      ...fromFacts.searched,
      `action items naming "${context.target}" (${items.length} with an assignee)`,
    ],
  });
}

/** Assigned action items whose text holds every word of the target, newest first, none after --as-of. */
async function itemsNaming(context: AnswerContext): Promise<ActionItemNode[]> {
  const words = context.target
    .toLowerCase()
    .split(/[^\p{L}\d]+/u)
    .filter((word) => word.length > 1 && !ARTICLES.has(word));
  if (words.length === 0) return [];
  const items = await assignedItems(context, words.map((word) => `"${word}"`).join(' '), 'all');
  return items.sort((a, b) => b.at.localeCompare(a.at));
}

/**
 * "who's writing up the postmortem for the double charges": items whose words hold the deed and one
 * more of the question's words, or two of its names ("phoning Hafenkontor and Morgenrot" → "I'll call
 * them", said to "can you take Hafenkontor and Morgenrot?"). Most words shared first.
 */
async function itemsDoing(context: AnswerContext): Promise<ActionItemNode[]> {
  const words = context.target
    .toLowerCase()
    .split(/[^\p{L}\d]+/u)
    .filter((word) => word.length > 1 && !ARTICLES.has(word) && !NOT_NAMING.has(word));
  const [deed, ...rest] = words.map((word) => indexTerms(word)[0] ?? word);
  if (!deed || rest.length === 0) return [];
  const scored = (await assignedItems(context, words.join(' '), 'any'))
    .map((item) => {
      const terms = new Set(indexTerms(item.summary));
      const shared = rest.filter((term) => terms.has(term)).length;
      return { item, shared, deed: terms.has(deed) };
    })
    .filter(({ shared, deed: hasDeed }) => (hasDeed && shared >= 1) || shared >= 2);
  return scored
    .sort(
      (a, b) => b.shared + Number(b.deed) - (a.shared + Number(a.deed)) || b.item.at.localeCompare(a.item.at),
    )
    .map(({ item }) => item);
}

/** Assigned action items the index finds for a query, none after --as-of; none when the query cannot be read. */
async function assignedItems(
  context: AnswerContext,
  query: string,
  mode: 'all' | 'any',
): Promise<ActionItemNode[]> {
  const { search, graph, readUntil } = context.sources;
  if (!search) return [];
  let hits;
  try {
    hits = search.search({
      query,
      mode,
      kinds: ['action_item'],
      asOf: readUntil ?? context.asOf,
      limit: ITEMS_READ,
      snippets: false,
    }).hits;
  } catch {
    return [];
  }
  const ids = hits.map((hit) => hit.docId.slice('action_item:'.length));
  const nodes = await graph.get('actionItem', ids);
  return ids
    .map((id) => nodes.get(id))
    .filter(
      (item): item is ActionItemNode => item !== undefined && item.version > 0 && item.assignee !== null,
    );
}

/** Words of a "who's doing X" question that name no part of the work. */
const NOT_NAMING = new Set(
  'up out for about with to of on in at and or their his her its your mess thing things stuff'.split(' '),
);
