import { answerAskWhom, answerChanged, answerHolders, answerWorkingOn } from './answer-facts.js';
import { answerBlocking, answerDecided, answerWaitingOnMe } from './answer-items.js';
import type { AnswerContext, AskSources } from './answer-support.js';
import type { AskAnswer } from './ask-types.js';
import { parseQuestion, QUESTION_EXAMPLES } from './parse-question.js';

export interface AskOptions {
  /** ISO time the answer holds at (from --as-of); a time in the question wins; default: now. */
  asOf?: string;
}

/**
 * Answers a question from the graph without a model: patterns (parse-question.ts), entity lookup
 * (full-text search over names and aliases, then an exact alias match), then one answer builder per
 * intent. Never names a person or component that is not in the data: with no support the answer is
 * "I don't know" with what was searched.
 */
export async function ask(question: string, sources: AskSources, options: AskOptions = {}): Promise<AskAnswer> {
  const parsed = parseQuestion(question, sources.now);
  const asOf = parsed?.asOf ?? options.asOf ?? sources.now.toISOString();
  if (!parsed) {
    return {
      question,
      intent: null,
      known: false,
      text: `I don't understand the question. I can answer questions like: ${QUESTION_EXAMPLES.map((example) => `"${example}"`).join(', ')}.`,
      confidence: 0,
      evidence: [],
      asOf,
      history: [],
      entity: null,
      searched: ['question patterns: none matched'],
    };
  }
  const context: AnswerContext = { sources, question, intent: parsed.intent, target: parsed.target, asOf };
  switch (parsed.intent) {
    case 'owner':
      return answerHolders(context, 'owns');
    case 'works-on':
      return answerHolders(context, 'works_on');
    case 'expert':
      return answerHolders(context, 'expert_in');
    case 'ask-whom':
      return answerAskWhom(context);
    case 'decided':
      return answerDecided(context);
    case 'working-on':
      return answerWorkingOn(context);
    case 'blocking':
      return answerBlocking(context);
    case 'waiting-on-me':
      return answerWaitingOnMe(context);
    case 'changed':
      return answerChanged(context);
  }
}
