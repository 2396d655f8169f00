import type { ActionItemNode, DecisionNode, QuestionNode } from '../../memory/graph/graph-records.js';
import { searchWords } from '../../memory/graph/search-text.js';
import type { AskAnswer } from './ask-types.js';
import {
  day,
  dueText,
  itemEvidence,
  known,
  names,
  openAt,
  unknown,
  type AnswerContext,
} from './answer-support.js';
import { overlap, resolveComponent, wordsNeeded } from './resolve-entity.js';

const MAX_LISTED = 6;

/**
 * What did we decide about X. X resolves to a component: its decisions, narrowed to those that
 * share the question's other words ("retries" in "billing retries") when any do. X names no
 * component: decisions whose summary contains every word of X. Newest first; reversed ones say so.
 */
export async function answerDecided(context: AnswerContext): Promise<AskAnswer> {
  const { people, timeZone } = context.sources;
  const asOf = context.asOf;
  const about = await decisionsAbout(context);
  const { searched, entity } = about;
  if (about.decisions.length === 0) return unknown(context, searched);
  // A reversal belongs with the decision it reverses, whatever it was linked to: listed just above it.
  const reversals = new Map(
    (await reversalsOf(about.decisions, context)).map((reversal) => [reversal.id, reversal]),
  );
  const decisions = about.decisions.flatMap((decision) => {
    const reversal = decision.reversedBy ? reversals.get(decision.reversedBy) : undefined;
    if (!reversal) return [decision];
    reversals.delete(reversal.id);
    return [reversal, decision];
  });
  const lines = decisions.slice(0, MAX_LISTED).map((decision) => {
    const by =
      decision.decidedBy.length > 0 ? ` (${names(decision.decidedBy.map((key) => people.name(key)))})` : '';
    const reversed =
      decision.reversedBy && (decision.reversedAt ?? '') <= asOf
        ? ` [reversed ${day(decision.reversedAt ?? '', timeZone)}]`
        : '';
    return `- ${day(decision.at, timeZone)}: ${decision.summary}${by}${reversed}`;
  });
  const standing = decisions.filter(
    (decision) => !(decision.reversedBy && (decision.reversedAt ?? '') <= asOf),
  );
  return known(context, {
    text: [`${decisions.length} decision${decisions.length === 1 ? '' : 's'}, newest first:`, ...lines].join(
      '\n',
    ),
    confidence: Math.max(
      ...(standing.length > 0 ? standing : decisions).map((decision) => decision.confidence),
    ),
    evidence: itemEvidence(decisions.slice(0, MAX_LISTED), context),
    entity,
    searched,
  });
}

/** The decisions (up to as-of) that reverse any of `decisions` and are not among them. */
export async function reversalsOf(
  decisions: readonly DecisionNode[],
  context: AnswerContext,
): Promise<DecisionNode[]> {
  const listed = new Set(decisions.map((decision) => decision.id));
  const wanted = new Set(
    decisions
      .filter((decision) => decision.reversedBy && (decision.reversedAt ?? '') <= context.asOf)
      .map((decision) => decision.reversedBy as string)
      .filter((id) => !listed.has(id)),
  );
  if (wanted.size === 0) return [];
  return (await context.sources.graph.decisions({})).filter(
    (decision) => wanted.has(decision.id) && decision.at <= context.asOf,
  );
}

/**
 * The decisions a question is about, newest first: those about the component it names (narrowed
 * by the rest of its words), else those whose summary names it; only a named decider's when the
 * question names one ("what did Owen decide …").
 */
export async function decisionsAbout(context: AnswerContext): Promise<{
  decisions: DecisionNode[];
  searched: string[];
  entity: AskAnswer['entity'];
  /** The question named more than the component ("roll back Lakeshore") and no decision says it. */
  restUnmatched: boolean;
}> {
  const { graph, timeZone } = context.sources;
  const resolved = await resolveComponent(graph, context.target);
  const asOf = context.asOf;
  let decisions: DecisionNode[];
  let searched: string[];
  let restUnmatched = false;
  if (resolved) {
    const label = resolved.component.name ?? resolved.component.id;
    decisions = (await graph.decisions({ about: resolved.component.id })).filter(
      (decision) => decision.at <= asOf,
    );
    // The other words the question names: all of them, all but one of three or more ("roll back" needs both).
    const needed = wordsNeeded(resolved.rest);
    const narrowed =
      resolved.rest.length > 0
        ? decisions.filter((decision) => overlap(decision.summary, resolved.rest) >= needed)
        : [];
    if (narrowed.length > 0)
      decisions = narrowed.sort(
        (a, b) =>
          overlap(b.summary, resolved.rest) - overlap(a.summary, resolved.rest) || compare(b.at, a.at),
      );
    else {
      restUnmatched = resolved.rest.length > 0 && decisions.length > 0;
      decisions.sort((a, b) => compare(b.at, a.at));
    }
    searched = [`decisions about ${label} up to ${day(asOf, timeZone)}`];
    if (decisions.length === 0) {
      // Nothing linked to the component: a decision may still name it ("… Postgres for the new search index").
      const named = await decisionsNaming(context);
      decisions = named.decisions;
      searched.push(named.searched);
    }
  } else {
    const named = await decisionsNaming(context);
    decisions = named.decisions;
    searched = [`components named "${context.target}": none found`, named.searched];
  }
  // "what did Owen decide about X": the ones Owen took part in, when any.
  const decider = deciderOf(context);
  if (decider) {
    const theirs = decisions.filter((decision) =>
      decision.decidedBy.some((key) => decider.keys.includes(key)),
    );
    // None of theirs: "I don't know" here, and ask searches the messages for what they said.
    decisions = theirs;
    searched.push(`decided by ${decider.name}`);
  }
  const entity = resolved
    ? {
        kind: 'component' as const,
        id: resolved.component.id,
        name: resolved.component.name ?? resolved.component.id,
      }
    : null;
  return { decisions, searched, entity, restUnmatched };
}

/** The person a "what did Owen decide …" question names as the one deciding (not "we", "they", "you", "the team"). */
function deciderOf(context: AnswerContext): { keys: string[]; name: string } | undefined {
  const name = /^what (?:did|has|have) ([\p{L}][\p{L}'’-]*) /iu.exec(context.question.trim())?.[1];
  if (!name || /^(?:we|they|you|i|the|team|everyone|people)$/i.test(name)) return undefined;
  const human = context.sources.people.find(name);
  return human ? { keys: human.keys, name: human.name } : undefined;
}

/**
 * What is blocking X. A person: their open approvals and blockers (questions of kind approval or
 * blocker they asked), then open questions they asked someone by name. A component: open
 * blockers and approvals raised in conversations about it.
 */
export async function answerBlocking(context: AnswerContext): Promise<AskAnswer> {
  if (SELF.test(context.target.trim())) return answerMyWaits(context);
  const { graph, people } = context.sources;
  const human = people.find(context.target);
  const open = (question: QuestionNode): boolean =>
    openAt({ at: question.at, closedAt: question.answeredAt }, context.asOf);
  if (human) {
    const asked = (await graph.questions({ askers: human.keys })).filter(open);
    const blockers = asked.filter((question) => question.kind !== 'question');
    const waiting =
      blockers.length > 0 ? blockers : asked.filter((question) => question.addressees.length > 0);
    const searched = [`open approvals, blockers and questions ${human.name} asked`];
    const entity = { kind: 'person' as const, id: human.keys[0], name: human.name };
    if (waiting.length === 0) return unknown(context, searched, { entity });
    return known(context, {
      text: [
        `${human.name} is waiting on:`,
        ...waiting
          .slice(-MAX_LISTED)
          .reverse()
          .map((question) => `- ${lineOf(question, context)}`),
      ].join('\n'),
      confidence: Math.max(...waiting.map((question) => question.confidence)),
      evidence: itemEvidence(waiting, context),
      entity,
      searched,
    });
  }
  const resolved = await resolveComponent(graph, context.target);
  if (!resolved)
    return unknown(context, [`people, components and projects named "${context.target}": none found`]);
  const label = resolved.component.name ?? resolved.component.id;
  const blockers = (await graph.questions({ about: resolved.component.id })).filter(
    (question) => open(question) && question.kind !== 'question',
  );
  const searched = [`open blockers and approvals in conversations about ${label}`];
  const entity = { kind: 'component' as const, id: resolved.component.id, name: label };
  if (blockers.length === 0) return unknown(context, searched, { entity });
  return known(context, {
    text: [
      `${label} is waiting on:`,
      ...blockers
        .slice(-MAX_LISTED)
        .reverse()
        .map((question) => `- ${lineOf(question, context)}`),
    ].join('\n'),
    confidence: Math.max(...blockers.map((question) => question.confidence)),
    evidence: itemEvidence(blockers, context),
    entity,
    searched,
  });
}

/** What is waiting on me: open questions and approvals addressed to me, and my open action items. */
export async function answerWaitingOnMe(context: AnswerContext): Promise<AskAnswer> {
  const { graph, people, me } = context.sources;
  const keys = people.keysOf(me);
  if (keys.length === 0) {
    return unknown(context, [me.length === 0 ? NO_ME : `people matching me = ${me.join(', ')}: none found`]);
  }
  const myName = people.name(keys[0]);
  // "What do I owe": what I committed to or was asked alone, still current; not every open thread.
  const owe = /\bowe\b/i.test(context.question);
  const questions = (await graph.questions({ people: keys })).filter(
    (question) =>
      openAt({ at: question.at, closedAt: question.answeredAt }, context.asOf) &&
      !keys.includes(question.asker) &&
      (!owe || question.addressees.length === 1),
  );
  const items = (await graph.actionItems({ people: keys })).filter(
    (item) =>
      openAt({ at: item.at, closedAt: item.completedAt }, context.asOf) &&
      (!owe || item.assignee === null || keys.includes(item.assignee)) &&
      (!owe || !item.due || Date.parse(item.due) >= Date.parse(context.asOf) - STALE_AFTER_MS),
  );
  const searched = [
    `open questions and approvals addressed to ${owe ? 'only ' : ''}${myName}`,
    `open action items assigned to ${myName}${owe ? ', not due more than a week before' : ''}`,
  ];
  if (questions.length === 0 && items.length === 0) return unknown(context, searched);
  const count = questions.length + items.length;
  const lines = [`${count} thing${count === 1 ? '' : 's'} ${owe ? 'you owe' : 'waiting on you'}:`];
  for (const question of [...questions].sort((a, b) => compare(b.at, a.at)))
    lines.push(`- ${lineOf(question, context)}`);
  for (const item of [...items].sort((a, b) => compare(a.due ?? '9', b.due ?? '9') || compare(b.at, a.at))) {
    const from =
      item.requestedBy && !keys.includes(item.requestedBy)
        ? ` (asked by ${people.name(item.requestedBy)})`
        : '';
    lines.push(
      `- to do: ${summaryInContext(item, context)}${item.due ? `, due ${dueText(item.due)}` : ''}${from}`,
    );
  }
  return listed(context, lines, [...questions, ...items], { id: keys[0], name: myName }, searched);
}

const NO_ME = 'nothing: set `me` in the config (your handle, email or name) so outro knows who you are';

/** A list of the reader's open questions and items as a known answer, as sure as its surest entry. */
function listed(
  context: AnswerContext,
  lines: readonly string[],
  entries: ReadonlyArray<QuestionNode | ActionItemNode>,
  me: { id: string; name: string },
  searched: string[],
): AskAnswer {
  return known(context, {
    text: lines.join('\n'),
    confidence: Math.max(...entries.map((entry) => entry.confidence)),
    evidence: itemEvidence(entries, context),
    entity: { kind: 'person', ...me },
    searched,
  });
}

/** "what am I waiting on", "what is blocking me": the reader themself. */
export const SELF = /^(?:i|me|myself|we|us)$/i;

/**
 * What I am waiting on: questions I put to someone by name and action items I asked of someone
 * else, still open at as-of, newest first.
 */
async function answerMyWaits(context: AnswerContext): Promise<AskAnswer> {
  const { graph, people, me } = context.sources;
  const keys = people.keysOf(me);
  if (keys.length === 0) return unknown(context, [NO_ME]);
  const myName = people.name(keys[0]);
  const isOpen = (at: string, closedAt: string | null): boolean => openAt({ at, closedAt }, context.asOf);
  const questions = (await graph.questions({ askers: keys })).filter(
    (question) =>
      isOpen(question.at, question.answeredAt) &&
      question.addressees.some((addressee) => !keys.includes(addressee)),
  );
  const items = (await graph.actionItems({})).filter(
    (item) =>
      item.requestedBy !== null &&
      keys.includes(item.requestedBy) &&
      item.assignee !== null &&
      !keys.includes(item.assignee) &&
      isOpen(item.at, item.completedAt),
  );
  const searched = [
    `open questions and approvals ${myName} asked someone by name`,
    `open action items ${myName} asked someone else for`,
  ];
  if (questions.length === 0 && items.length === 0) return unknown(context, searched);
  const count = questions.length + items.length;
  const lines = [`${count} thing${count === 1 ? '' : 's'} you are waiting on:`];
  for (const question of [...questions].sort((a, b) => compare(b.at, a.at)).slice(0, MAX_LISTED))
    lines.push(`- ${lineOf(question, context)}`);
  for (const item of [...items].sort((a, b) => compare(b.at, a.at)).slice(0, MAX_LISTED))
    lines.push(
      `- ${people.name(item.assignee ?? '')}: ${item.summary}${item.due ? `, due ${dueText(item.due)}` : ''}`,
    );
  return listed(context, lines, [...questions, ...items], { id: keys[0], name: myName }, searched);
}

/** A to-do whose due day is this long before as-of is stale for "what do I owe": the thread moved on. */
const STALE_AFTER_MS = 7 * 86_400_000;

/** An action item's summary, with what its "it"/"this" stands for ("I'll sign it by Wednesday (re: …)"). */
export function summaryInContext(item: ActionItemNode, context: AnswerContext): string {
  const about = referentOf({ ...item, text: item.summary }, context);
  return `${item.summary}${about ? ` (re: ${about})` : ''}`;
}

/**
 * What "it"/"this" in a to-do or question ("I'll sign it by Wednesday", "this one's your call")
 * stands for: the sentence before it in the message it was said in ("… so the launch moves to
 * the 14th."), else the last sentence of the message before it in its conversation.
 */
function referentOf(
  said: { text: string; conversationId: string; evidence: ReadonlyArray<{ id: string; snippet: string }> },
  context: AnswerContext,
): string | undefined {
  if (!/\b(?:it|that|this|them|those)\b/i.test(said.text)) return undefined;
  // The evidence keeps one sentence; the index keeps the whole message.
  const messages = (
    context.sources.search?.conversations([said.conversationId], { asOf: context.asOf }) ?? []
  ).filter((doc) => doc.kind === 'message');
  const lastSentence = (text: string): string | undefined => {
    // Sentences end at . ! ? before a space: a link's dots ("github.com/…/482") do not end one.
    const sentence = text
      .trim()
      .split(/(?<=[.!?])\s+/)
      .pop()
      ?.trim();
    if (!sentence) return undefined;
    return sentence.length > 120 ? `…${sentence.slice(-120)}` : sentence;
  };
  for (const evidence of said.evidence) {
    const index = messages.findIndex((doc) => doc.nativeId === evidence.id);
    const text = index >= 0 ? messages[index].text : evidence.snippet;
    const at = text.indexOf(said.text);
    if (at > 0) return lastSentence(text.slice(0, at));
    if (at === 0 && index > 0) return lastSentence(messages[index - 1].text);
  }
  return undefined;
}

function lineOf(question: QuestionNode, context: AnswerContext): string {
  const { people, timeZone } = context.sources;
  const to =
    question.addressees.length > 0 ? ` → ${names(question.addressees.map((key) => people.name(key)))}` : '';
  const kind = question.kind === 'question' ? '' : `${question.kind}: `;
  const about = referentOf(question, context);
  return `${kind}${question.text}${about ? ` (re: ${about})` : ''} (${people.name(question.asker)}${to}, ${day(question.at, timeZone)})`;
}

/**
 * Decisions up to as-of whose summary contains every word of the target (all but one, for a target
 * of three words or more: "the friday deploy freeze" finds "let's not deploy on Fridays"), most
 * words first, then newest first; and what that searched.
 */
async function decisionsNaming(
  context: AnswerContext,
): Promise<{ decisions: DecisionNode[]; searched: string }> {
  const words = searchWords(context.target);
  const need = wordsNeeded(words);
  const decisions = (await context.sources.graph.decisions({}))
    .filter(
      (decision) =>
        decision.at <= context.asOf && words.length > 0 && overlap(decision.summary, words) >= need,
    )
    .sort((a, b) => overlap(b.summary, words) - overlap(a.summary, words) || compare(b.at, a.at));
  return {
    decisions,
    searched: `decision summaries containing ${need < words.length ? 'all but one of ' : ''}${words.map((word) => `"${word}"`).join(' and ') || 'any word'}`,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
