import type { SearchIndex } from '../../memory/search/search-types.js';
import type { AskSources } from './answer-support.js';
import type { AskAnswer } from './ask-types.js';
import { parseQuestion } from './parse-question.js';
import { retrieveAnswer } from './retrieval/answer-retrieval.js';

/** What a retrieval answer reads: the people directory and the search index, never the graph. */
export type IndexSources = Pick<AskSources, 'people' | 'now' | 'timeZone'> & { search: SearchIndex };

/**
 * Whether `ask` without a model answers this question from the search index alone: no question
 * pattern understands it (read, like ask does, relative to --as-of when given). The caller then
 * need not open the graph: askByRetrieval gives the answer ask() would.
 */
export function answeredByIndexAlone(
  question: string,
  now: Date,
  timeZone: string | undefined,
  asOf?: string,
): boolean {
  return parseQuestion(question, asOf ? new Date(asOf) : now, timeZone) === undefined;
}

/** ask() without a model, for a question no pattern understands (answeredByIndexAlone): the retrieval answer. */
export function askByRetrieval(question: string, sources: IndexSources, asOf?: string): AskAnswer {
  const { answer } = retrieveAnswer(question, sources, asOf ?? sources.now.toISOString(), sources.search);
  return {
    ...answer,
    understoodBy: 'retrieval',
    answeredBy: 'extractive',
    extractive: answer.extractive ?? null,
    degraded: false,
    degradedReason: null,
    match: answer.match ?? null,
    wording: null,
    model: null,
  };
}
