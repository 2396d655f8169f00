import { answerWorkingOn } from './answer-facts.js';
import { known, unknown, type AnswerContext } from './answer-support.js';
import type { AskAnswer } from './ask-types.js';

const SOURCE_NAMES: Record<string, string> = {
  slack: 'Slack',
  discord: 'Discord',
  teams: 'Teams',
  calendar: 'the calendar',
};

/**
 * "Who is Greg?", "tell me about Priya": the person as the record has them (name, title, where they
 * write, email), then what they own, work on and have open. Nobody by that name: "I don't know".
 */
export async function answerPerson(context: AnswerContext): Promise<AskAnswer> {
  const { people } = context.sources;
  const human = people.find(context.target);
  if (!human || human.isBot) return unknown(context, [`people named "${context.target}": none found`]);
  const identities = people.identities(human);
  const title = identities.map((identity) => identity.title).find((value) => value);
  const sources = [...new Set(human.keys.map((key) => SOURCE_NAMES[key.split(':')[0]] ?? key.split(':')[0]))];
  const about = [title, human.emails[0], sources.length > 0 ? `on ${sources.join(', ')}` : undefined].filter(
    (part): part is string => Boolean(part),
  );
  const heading = `${human.name}${about.length > 0 ? ` (${about.join('; ')})` : ''}.`;
  const work = await answerWorkingOn(context);
  const entity = { kind: 'person' as const, id: human.keys[0], name: human.name };
  return known(context, {
    text: work.known ? `${heading}\n${work.text}` : heading,
    confidence: work.known ? Math.max(0.9, work.confidence) : 0.9,
    evidence: work.evidence,
    entity,
    searched: [`people named "${context.target}": ${human.name}`, ...work.searched],
  });
}
