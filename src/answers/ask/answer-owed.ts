import type { ActionItemNode, QuestionNode } from '../../memory/graph/graph-records.js';
import { day, dueText, itemEvidence, known, openAt, unknown, type AnswerContext } from './answer-support.js';
import type { AskAnswer } from './ask-types.js';
import { summaryInContext } from './answer-items.js';

/**
 * "What did I promise Helena?", "what does Helena need from me?": my open action items Helena asked
 * for, and her open questions and approvals put to me, as of the call.
 */
export async function answerOwedTo(context: AnswerContext): Promise<AskAnswer> {
  const { graph, people, me, timeZone } = context.sources;
  const mine = people.keysOf(me);
  if (mine.length === 0)
    return unknown(context, [
      'nothing: set `me` in the config (your handle, email or name) so outro knows who you are',
    ]);
  const them = people.find(context.target);
  if (!them) return unknown(context, [`people named "${context.target}": none found`]);
  const now = context.sources.readUntil ?? context.asOf;
  const items = (await graph.actionItems({ people: mine })).filter(
    (item: ActionItemNode) =>
      item.assignee !== null &&
      mine.includes(item.assignee) &&
      them.keys.includes(item.requestedBy) &&
      openAt({ at: item.at, closedAt: item.completedAt }, now),
  );
  const questions = (await graph.questions({ people: mine })).filter(
    (question: QuestionNode) =>
      them.keys.includes(question.asker) && openAt({ at: question.at, closedAt: question.answeredAt }, now),
  );
  const searched = [
    `open action items of yours that ${them.name} asked for`,
    `open questions and approvals ${them.name} put to you`,
  ];
  const entity = { kind: 'person' as const, id: them.keys[0], name: them.name };
  if (items.length + questions.length === 0) return unknown(context, searched, { entity });
  const lines = [`${items.length + questions.length} open for ${them.name}:`];
  for (const item of [...items].sort((a, b) => (a.due ?? '9').localeCompare(b.due ?? '9')))
    lines.push(
      `- to do: ${summaryInContext(item, context)}${item.due ? `, due ${dueText(item.due)}` : ''} (${day(item.at, timeZone)})`,
    );
  for (const question of [...questions].sort((a, b) => b.at.localeCompare(a.at)))
    lines.push(
      `- ${question.kind === 'question' ? 'asked' : question.kind}: ${question.text} (${day(question.at, timeZone)})`,
    );
  const entries = [...items, ...questions];
  return known(context, {
    text: lines.join('\n'),
    confidence: Math.max(...entries.map((entry) => entry.confidence)),
    evidence: itemEvidence(entries, context),
    entity,
    searched,
  });
}
