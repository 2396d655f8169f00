import type { Grounded } from '../../../llm/grounding.js';
import { runStage } from '../../../pipeline/run-model-stage.js';
import type { PeopleDirectory } from '../../people/people-directory.js';
import { day } from '../answer-support.js';
import type { AnswerEvidence, AskAnswer } from '../ask-types.js';
import {
  askRagNone,
  askRagStage,
  makeAskRagStrategy,
  type AskRagInput,
  type AskRagReply,
  type RagPassage,
} from '../model/ask-rag-model.js';
import type { AskModel } from '../understand-question.js';

export interface RagResult {
  /** The model's answer with its cited messages as evidence; undefined when it was not kept. */
  answer: AskAnswer | undefined;
  modelCalls: number;
  cached: boolean;
  /** 1 when the answer named, dated or counted something its cited passages do not hold, or cited a passage that does not exist. */
  hallucinationDrops: number;
  /** Why the extractive answer stands although a model is configured (null when kept). */
  reason: string | null;
}

const MAX_SENTENCES = 2;
const PASSAGE_CHARS = 600;

/**
 * Retrieval-augmented answer: the retrieval's best messages go to the model as passages `p1…pN`;
 * it answers in one or two sentences and cites passage ids. The answer is kept only when it cites
 * at least one passage, every cited id exists, and every name, date and number it writes appears
 * in the cited passages (their text, author and day); otherwise the extractive answer stands and
 * the reason is reported. Only known extractive answers are offered: weak evidence stays
 * "I don't know" without a model call.
 */
export async function answerFromPassages(
  extractive: AskAnswer,
  passages: readonly AnswerEvidence[],
  model: AskModel,
  now: Date,
  people: PeopleDirectory,
  timeZone?: string,
): Promise<RagResult> {
  const none = (reason: string | null): RagResult => ({
    answer: undefined,
    modelCalls: 0,
    cached: false,
    hallucinationDrops: 0,
    reason,
  });
  if (!extractive.known || passages.length === 0) return none(null);
  const input: AskRagInput = {
    question: extractive.question,
    answerType: extractive.answerType ?? null,
    passages: passages.map((passage, index) => ({
      id: `p${index + 1}`,
      author: passage.author,
      date: day(passage.time, timeZone),
      text: passage.snippet.slice(0, PASSAGE_CHARS),
    })),
  };
  const check = (reply: AskRagReply, given: AskRagInput): string | null =>
    checkRagReply(reply, given, people);
  // Grounding runs inside the stage so the stage span counts the drop; the cached output keeps the verdict.
  const grounding = (reply: AskRagReply, given: AskRagInput): Grounded<AskRagReply> => {
    const reason = check(reply, given);
    return {
      value: reply,
      drops: reason !== null && invented(reason) ? [{ kind: 'item', value: reason, path: 'answer' }] : [],
    };
  };
  const result = await runStage(
    askRagStage,
    input,
    { now, signal: model.signal },
    { heuristic: askRagNone, model: makeAskRagStrategy(model.client, check), cache: model.cache, grounding },
  );
  const used = { modelCalls: result.modelCalls, cached: result.cached };
  if (result.provenance.degraded)
    return {
      ...none(
        `the model could not answer from the passages (${result.provenance.degradedReason ?? 'unknown reason'}); extractive answer`,
      ),
      ...used,
    };
  const output = result.output;
  if (output.rejected !== null)
    return {
      ...none(`the model's answer was dropped: ${output.rejected}; extractive answer`),
      ...used,
      hallucinationDrops: invented(output.rejected) ? 1 : 0,
    };
  const byId = new Map(input.passages.map((passage, index) => [passage.id, passages[index]]));
  const cited = [...new Set(output.cites.map(normalId))].map((id) => byId.get(id)!);
  return {
    answer: {
      ...extractive,
      text: cleanAnswer(output.answer),
      evidence: cited,
      extractive: extractive.text,
    },
    ...used,
    hallucinationDrops: 0,
    reason: null,
  };
}

/**
 * Why a reply cannot be kept, or null: the model found no answer, wrote none or more than two
 * sentences, cited nothing, cited an id that is not a passage, or wrote a name, date or number
 * that none of its cited passages holds.
 */
export function checkRagReply(
  reply: AskRagReply,
  input: AskRagInput,
  people: PeopleDirectory,
): string | null {
  if (!reply.answerable) return 'the model found no answer in the passages';
  const text = cleanAnswer(reply.answer);
  if (text === '') return 'the answer was empty';
  if (sentencesOf(text).length > MAX_SENTENCES) return 'the answer was longer than two sentences';
  if (reply.cites.length === 0) return 'the answer cited no passage';
  const byId = new Map(input.passages.map((passage) => [passage.id, passage]));
  const missing = reply.cites.find((id) => !byId.has(normalId(id)));
  // What the model invented is never echoed: reasons are shown, and the model's words are not evidence.
  if (missing !== undefined) return `it cited an id ${INVENTED_ID}`;
  const cited = [...new Set(reply.cites.map(normalId))].map((id) => byId.get(id)!);
  const foreign = unsupportedTerm(text, cited, people);
  if (foreign === undefined) return null;
  const kind = /^[\d.]+$/.test(foreign) ? 'a number' : CALENDAR.test(foreign) ? 'a date' : 'a name';
  return `it wrote ${kind} that ${INVENTED_TERM}`;
}

/** A rejection for something the model made up (a term or a passage id), not for a missing or long answer. */
function invented(reason: string): boolean {
  return reason.endsWith(INVENTED_TERM) || reason.endsWith(INVENTED_ID);
}
const INVENTED_TERM = 'is not in the passages it cites';
const INVENTED_ID = 'that is not one of the passages';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** Month and weekday names, full or short, fold to three letters ("November", "Nov." → "nov"). */
const CALENDAR =
  /^(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)$/i;
/** Capitalised words that open sentences or are emphasis, not names. */
const NOT_NAMES = new Set(['i', 'ok', 'asap', 'fyi', 'tbd', 'am', 'pm', 'eod', 'eow']);

/**
 * The first name, date or number of `text` that the cited passages do not hold: numbers (every
 * digit run: "99.5", "2026", "13") must appear as numbers in a passage's text or day; month and
 * weekday names must be written in a passage or be its day's; capitalised words past a sentence's
 * start, acronyms, identifiers and people of the directory must be words of a passage or its author.
 */
export function unsupportedTerm(
  text: string,
  cited: readonly RagPassage[],
  people: PeopleDirectory,
): string | undefined {
  const words = new Set<string>();
  const numbers = new Set<string>();
  for (const passage of cited) {
    for (const word of wordsOf(`${passage.text} ${passage.author}`)) words.add(fold(word));
    for (const number of numbersOf(`${passage.text} ${passage.date}`)) numbers.add(number);
    const date = new Date(`${passage.date}T12:00:00Z`);
    if (!Number.isNaN(date.getTime())) {
      words.add(MONTHS[date.getUTCMonth()]);
      words.add(WEEKDAYS[date.getUTCDay()]);
    }
  }
  const has = (word: string): boolean => {
    const key = fold(word);
    return words.has(key) || words.has(key.replace(/'s$/, '')) || words.has(key.replace(/s$/, ''));
  };
  for (const sentence of sentencesOf(text)) {
    for (const [index, word] of wordsOf(sentence).entries()) {
      if (/^\d/.test(word) || NOT_NAMES.has(word.toLowerCase())) continue;
      const calendar = CALENDAR.test(word.replace(/\.$/, ''));
      const capital = /^\p{Lu}/u.test(word);
      const nameLike =
        calendar ||
        /[_:-]|\p{L}\p{N}|\p{N}\p{L}/u.test(word) ||
        (capital && index > 0) ||
        /^\p{Lu}{2,}$/u.test(word) ||
        (capital && people.find(word) !== undefined);
      if (nameLike && !has(word)) return word;
    }
  }
  return numbersOf(text).find((number) => !numbers.has(number));
}

function fold(word: string): string {
  const lower = word.normalize('NFKC').toLowerCase().replace(/\.$/, '');
  const calendar = CALENDAR.exec(lower);
  return calendar ? lower.slice(0, 3) : lower;
}

function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'_:.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu) ?? [];
}

/** Digit runs with their decimals, thousands separators removed: "1,200.50" → "1200.50". */
function numbersOf(text: string): string[] {
  return (text.match(/\d+(?:[.,]\d+)*/g) ?? []).map((run) =>
    run.replace(/,(?=\d{3}\b)/g, '').replace(/^0+(?=\d)/, ''),
  );
}

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[\p{Lu}"'(])/u).filter((part) => part.trim() !== '');
}

function normalId(id: string): string {
  return id.trim().toLowerCase();
}

/** The answer without passage ids the model wrote into it despite the prompt ("[p1]", "(p2, p3)"). */
function cleanAnswer(answer: string): string {
  return answer
    .replace(/\s*[[(]\s*p\d+(?:\s*[,;]\s*p\d+)*\s*[\])]/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
}
