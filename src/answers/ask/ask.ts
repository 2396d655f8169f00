import { answerMeeting, answerMyMeetings } from './answer-meetings.js';
import { answerOnCall } from './answer-on-call.js';
import { answerAskWhom, answerChanged, answerHolders, answerWorkingOn } from './answer-facts.js';
import { answerWorksOn } from './answer-works-on.js';
import { answerPerson } from './answer-person.js';
import { answerDecisionsIn, answerDue, answerHappened } from './answer-agenda.js';
import { answerOwedTo } from './answer-owed.js';
import { answerDecider } from './answer-decider.js';
import { answerItemDue } from './answer-item-due.js';
import { answerBlocking, answerDecided, answerWaitingOnMe } from './answer-items.js';
import type { AnswerContext, AskSources } from './answer-support.js';
import { namesNoEntity, type AskAnswer, type AskIntent, type ParsedQuestion } from './ask-types.js';
import { HashedEmbedder } from '../../llm/embeddings/hashed-embedder.js';
import type { Embedder } from '../../llm/embeddings/embedder.js';
import { QUESTION_EXAMPLES } from './parse-question.js';
import { searchWords } from '../../memory/graph/search-text.js';
import { findSimilarComponent } from './similar-entity.js';
import { understandQuestion, type AskModel } from './understand-question.js';
import { retrieveAnswer } from './retrieval/answer-retrieval.js';
import type { AnswerEvidence } from './ask-types.js';

export interface AskOptions {
  /** ISO time the answer holds at (from --as-of); a time in the question wins; default: now. */
  asOf?: string;
  /** The optional model path: question understanding and answer wording (absent: none). */
  model?: AskModel;
  /**
   * Finds the entity by similarity when no name or alias matches (default: the built-in hashed
   * embedder, which needs nothing; null: off).
   */
  embedder?: Embedder | null;
  /** Similarity floor (default per embedder, see similar-entity.ts). */
  similarityThreshold?: number;
}

const defaultEmbedder = new HashedEmbedder();

/** Intents that list the reader's or the team's records: none on record is the answer, not a cue to search messages. */
const LISTS_OF_RECORDS = new Set<AskIntent>([
  'waiting-on-me',
  'my-meetings',
  'due',
  'decisions-in',
  'happened',
]);

/**
 * Answers a question from the graph. Understanding: patterns (parse-question.ts), and with a model
 * configured, the model when the patterns fail (understand-question.ts). Entity lookup: full-text
 * search over names and aliases, then, when that finds nothing, embedding similarity over names,
 * aliases and conversation topics (similar-entity.ts). Then one answer builder per intent, and
 * optionally the model's wording (word-answer.ts). Never names a person or component that is not
 * in the data: with no support the answer is "I don't know" with what was searched.
 */
export async function ask(
  question: string,
  sources: AskSources,
  options: AskOptions = {},
): Promise<AskAnswer> {
  const understanding = await understandQuestion(question, sources, options.model, options.asOf);
  const parsed = understanding.parsed;
  const asOf = parsed?.asOf ?? options.asOf ?? sources.now.toISOString();
  let calls = understanding.modelCalls;
  let cachedHits = understanding.cached ? 1 : 0;
  let drops = understanding.hallucinationDrops;
  const reasons = understanding.degradedReason ? [understanding.degradedReason] : [];
  if (sources.degradedReason) reasons.unshift(sources.degradedReason);
  let answer: AskAnswer;
  let by: AskAnswer['understoodBy'] = understanding.by;
  /** The retrieval's best messages, for the model to answer from (retrieval answers only). */
  let passages: AnswerEvidence[] = [];
  if (!parsed) {
    if (sources.search) {
      ({ answer, passages } = retrieveAnswer(question, sources, asOf, sources.search));
      by = 'retrieval';
    } else
      answer = {
        question,
        intent: null,
        known: false,
        text: `I don't understand the question. I can answer questions like: ${QUESTION_EXAMPLES.map((example) => `"${example}"`).join(', ')}.`,
        confidence: 0,
        evidence: [],
        asOf,
        history: [],
        entity: null,
        searched: [
          'question patterns: none matched',
          ...(options.model ? ['the model: did not understand it'] : []),
        ],
      };
  } else {
    answer = await answerParsed(question, parsed, asOf, {
      ...sources,
      readUntil: options.asOf ?? sources.now.toISOString(),
    });
    answer = await byNarrowerName(answer, question, parsed, asOf, sources);
    answer = await bySimilarity(answer, question, parsed, asOf, sources, options);
    if (answer.degradedReason) reasons.push(answer.degradedReason);
    if (!answer.known && sources.search && !LISTS_OF_RECORDS.has(parsed.intent)) {
      // The kind was understood but its records hold no answer: the whole record may.
      const found = retrieveAnswer(question, sources, options.asOf ?? asOf, sources.search);
      const retrieved = found.answer;
      if (retrieved.known) {
        answer = { ...retrieved, searched: [...answer.searched, ...retrieved.searched] };
        passages = found.passages;
        by = 'retrieval';
      } else answer = { ...answer, maybeRelevant: retrieved.maybeRelevant, retrieval: retrieved.retrieval };
    }
  }
  let answeredBy: AskAnswer['answeredBy'] = by === 'retrieval' ? 'extractive' : 'records';
  let ragTried = false;
  if (options.model && options.model.passages !== false && by === 'retrieval' && answer.known) {
    // Retrieval-augmented: the model answers from the passages, kept only when its citations hold every term.
    // The model's code loads only when a model answers (a cold `ask` without one never needs it).
    const { answerFromPassages } = await import('./retrieval/rag-answer.js');
    const rag = await answerFromPassages(
      answer,
      passages,
      options.model,
      sources.now,
      sources.people,
      sources.timeZone,
    );
    ragTried = true;
    calls += rag.modelCalls;
    cachedHits += rag.cached ? 1 : 0;
    drops += rag.hallucinationDrops;
    if (rag.reason) reasons.push(rag.reason);
    if (rag.answer) {
      answer = rag.answer;
      answeredBy = 'model';
    }
  }
  let wording: string | null = null;
  if (options.model && options.model.reword !== false && answer.known && !ragTried) {
    const { wordAnswer } = await import('./word-answer.js');
    const worded = await wordAnswer(answer, options.model, sources.now, sources.people);
    wording = worded.text;
    calls += worded.modelCalls;
    cachedHits += worded.cached ? 1 : 0;
    drops += worded.hallucinationDrops;
    if (worded.reason) reasons.push(worded.reason);
  }
  if (by === 'model' && parsed) {
    answer = {
      ...answer,
      searched: [
        `the model read the question as: ${parsed.intent}${parsed.target ? ` about "${parsed.target}"` : ''}`,
        ...answer.searched,
      ],
    };
  }
  return {
    ...answer,
    understoodBy: by,
    answeredBy,
    extractive: answer.extractive ?? null,
    degraded: reasons.length > 0,
    degradedReason: reasons.length > 0 ? reasons.join('; ') : null,
    match: answer.match ?? null,
    wording,
    model: options.model ? { calls, cached: cachedHits, hallucinationDrops: drops } : null,
  };
}

/**
 * "I don't know" because nothing was named that exists: try the nearest component by embeddings
 * and answer about it, saying so and with what score. A known answer is never replaced.
 */
async function bySimilarity(
  answer: AskAnswer,
  question: string,
  parsed: ParsedQuestion,
  asOf: string,
  sources: AskSources,
  options: AskOptions,
): Promise<AskAnswer> {
  const embedder = options.embedder === undefined ? defaultEmbedder : options.embedder;
  if (
    answer.known ||
    answer.entity !== null ||
    embedder === null ||
    namesNoEntity(parsed.intent) ||
    parsed.intent === 'person' ||
    parsed.intent === 'owed-to' ||
    parsed.target === ''
  )
    return answer;
  if (sources.people.find(parsed.target)) return answer;
  let similar: Awaited<ReturnType<typeof findSimilarComponent>>;
  try {
    similar = await findSimilarComponent(sources.graph, embedder, parsed.target, options.similarityThreshold);
  } catch (error) {
    const reason = `the embedder ${embedder.id} failed (${(error as Error).message})`;
    return {
      ...answer,
      searched: [...answer.searched, `similar names and topics: not searched, ${reason}`],
      degraded: true,
      degradedReason: reason,
    };
  }
  if (!similar)
    return {
      ...answer,
      searched: [
        ...answer.searched,
        `names, aliases and conversation topics similar to "${parsed.target}": none close enough`,
      ],
    };
  const again = await answerParsed(question, { ...parsed, target: similar.name }, asOf, sources);
  if (again.entity?.id !== similar.id) return answer;
  const note = `"${parsed.target}" matched ${similar.name} by similarity ${similar.score.toFixed(2)} (via "${similar.via}", ${similar.embedder})`;
  const text = again.known ? `${again.text}\n(No name matched: ${note}.)` : again.text;
  return {
    ...again,
    text,
    searched: [note, ...again.searched],
    match: { by: 'similarity', query: parsed.target, ...similar },
  };
}

/**
 * "I don't know" about a component that exists but has nothing on record for the question ("who
 * maintains the SDK" when the facts are about "acme sdk"): people often name a thing by its head
 * word. Components whose names contain every word of it and more are tried; when exactly one of
 * them answers, that answer is given, saying which name it is about. Several: still "I don't
 * know", listing them.
 */
async function byNarrowerName(
  answer: AskAnswer,
  question: string,
  parsed: ParsedQuestion,
  asOf: string,
  sources: AskSources,
): Promise<AskAnswer> {
  if (answer.known || answer.entity?.kind !== 'component') return answer;
  const base = answer.entity;
  const baseWords = searchWords(base.name);
  if (baseWords.length === 0) return answer;
  const hits = await sources.graph.search(base.name, 20);
  const narrower = hits.components.filter(({ component }) => {
    if (component.id === base.id) return false;
    const words = searchWords(component.name ?? '');
    return words.length > baseWords.length && baseWords.every((word) => words.includes(word));
  });
  const known: AskAnswer[] = [];
  for (const { component } of narrower.slice(0, 8)) {
    const again = await answerParsed(question, { ...parsed, target: component.name ?? '' }, asOf, sources);
    if (again.known && again.entity?.id === component.id) known.push(again);
  }
  if (known.length === 1) {
    const [only] = known;
    const note = `nothing is on record for ${base.name} itself; ${only.entity?.name} is the one longer name containing it that has an answer`;
    return {
      ...only,
      text: `${only.text}\n(${note}.)`,
      searched: [...answer.searched, note, ...only.searched],
    };
  }
  if (known.length > 1) {
    const names = known
      .map((other) => other.entity?.name ?? '')
      .sort()
      .join(', ');
    return {
      ...answer,
      searched: [
        ...answer.searched,
        `longer names containing "${base.name}" that have answers: ${names} (ask about one of them)`,
      ],
    };
  }
  return answer;
}

function answerParsed(
  question: string,
  parsed: ParsedQuestion,
  asOf: string,
  sources: AskSources,
): Promise<AskAnswer> {
  const context: AnswerContext = {
    sources,
    question,
    intent: parsed.intent,
    target: parsed.target,
    asOf,
    ...(parsed.time ? { time: parsed.time } : {}),
  };
  switch (parsed.intent) {
    case 'owner':
      return answerHolders(context, 'owns');
    case 'works-on':
      return answerWorksOn(context);
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
    case 'on-call':
      return answerOnCall(context);
    case 'meeting':
      return answerMeeting(context);
    case 'my-meetings':
      return answerMyMeetings(context);
    case 'person':
      return answerPerson(context);
    case 'due':
      return answerDue(context);
    case 'decisions-in':
      return answerDecisionsIn(context);
    case 'happened':
      return answerHappened(context);
    case 'owed-to':
      return answerOwedTo(context);
    case 'decider':
      return answerDecider(context);
    case 'item-due':
      return answerItemDue(context);
  }
}
