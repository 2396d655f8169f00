import type { ComponentNode } from '../../memory/graph/graph-records.js';
import type { SearchHit } from '../../memory/search/search-types.js';
import type { AnswerContext } from './answer-support.js';
import type { AnswerEvidence } from './ask-types.js';
import { hitEvidence } from './retrieval/hit-evidence.js';
import { peopleNames } from './retrieval/people-names.js';

/** Messages about the thing read per question. */
const READ = 200;
/** Messages one person gets credit for: a talkative person does not outweigh the one who does the work. */
const PER_PERSON = 4;

export interface ClosePerson {
  id: string;
  name: string;
  score: number;
  /** What put them here, for the answer ("wrote 3 messages about it, named in 1 decision"). */
  why: string[];
  /** Their best message about the thing, when they wrote one. */
  evidence: AnswerEvidence | undefined;
}

/**
 * Who is closest to a thing no fact gives an owner or expert: those assigned its action items, named
 * in its decisions or writing about it, above those who only took part in its conversations. The
 * reader is left out ("who should I ask" is never "you"), and so are bots.
 */
export async function closestPeople(
  context: AnswerContext,
  component: ComponentNode,
): Promise<ClosePerson[]> {
  const { graph, people, search, me } = context.sources;
  const reader = new Set(people.keysOf(me).map((key) => people.idOf(key)));
  const close = new Map<string, { score: number; counts: Map<string, number>; evidence?: SearchHit }>();
  const credit = (key: string | null, score: number, why: string): ReturnType<typeof close.get> => {
    if (!key || people.isBot(key)) return undefined;
    const id = people.idOf(key);
    if (reader.has(id)) return undefined;
    let entry = close.get(id);
    if (!entry) close.set(id, (entry = { score: 0, counts: new Map() }));
    entry.score += score;
    entry.counts.set(why, (entry.counts.get(why) ?? 0) + 1);
    return entry;
  };
  const asOf = context.asOf;
  for (const item of await graph.actionItems({ about: component.id }))
    if (item.at <= asOf) credit(item.assignee, 2, 'action item');
  const names = peopleNames(people);
  for (const decision of await graph.decisions({ about: component.id })) {
    if (decision.at > asOf) continue;
    for (const named of new Set(names.inText(decision.summary).map((hit) => hit.id)))
      credit(named, 2, 'named in decision');
  }
  if (search) {
    const label = component.name ?? component.id;
    const written = new Map<string, number>();
    let hits: SearchHit[] = [];
    try {
      hits = search.search({ query: label, kinds: ['message'], asOf, limit: READ, snippets: false }).hits;
    } catch {
      // A name the query syntax rejects: no messages to count.
    }
    for (const hit of hits) {
      if (!hit.author) continue;
      const id = people.idOf(hit.author);
      const n = (written.get(id) ?? 0) + 1;
      written.set(id, n);
      if (n > PER_PERSON) continue;
      const entry = credit(hit.author, 1, 'message');
      if (entry && !entry.evidence) entry.evidence = hit;
    }
  }
  for (const conversation of await graph.conversations({ about: component.id })) {
    if (conversation.start > asOf || conversation.noise) continue;
    for (const key of conversation.participants) credit(key, 0.25, 'conversation');
  }
  return [...close]
    .map(([id, entry]) => ({
      id,
      name: people.name(id),
      score: entry.score,
      why: whyOf(entry.counts),
      evidence: entry.evidence ? hitEvidence(entry.evidence, context.sources) : undefined,
    }))
    .sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : 1));
}

function whyOf(counts: ReadonlyMap<string, number>): string[] {
  const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  const why: string[] = [];
  const items = counts.get('action item') ?? 0;
  const decisions = counts.get('named in decision') ?? 0;
  const messages = counts.get('message') ?? 0;
  const conversations = counts.get('conversation') ?? 0;
  if (items > 0) why.push(`${plural(items, 'action item', 'action items')} on it`);
  if (decisions > 0) why.push(`named in ${plural(decisions, 'decision', 'decisions')} about it`);
  if (messages > 0) why.push(`wrote ${plural(messages, 'message', 'messages')} about it`);
  if (why.length === 0 && conversations > 0)
    why.push(`in ${plural(conversations, 'conversation', 'conversations')} about it`);
  return why;
}
