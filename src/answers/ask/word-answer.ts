import { InputVocabulary } from '../../pipeline/annotate/model/grounded-text.js';
import {
  askWordingNone,
  askWordingStage,
  makeAskWordingStrategy,
  type AskWordingInput,
  type AskWordingReply,
} from './model/ask-answer-model.js';
import type { Grounded } from '../../llm/grounding.js';
import { runStage } from '../../pipeline/run-model-stage.js';
import type { AskAnswer } from './ask-types.js';
import type { PeopleDirectory } from '../people/people-directory.js';
import type { AskModel } from './understand-question.js';

export interface Wording {
  /** The model's sentence, grounded; null when not asked, failed, or rejected. */
  text: string | null;
  modelCalls: number;
  cached: boolean;
  /** 1 when the sentence named someone or something the answer and its evidence do not. */
  hallucinationDrops: number;
  /** Why there is no wording although a model is configured. */
  reason: string | null;
}

const MAX_EVIDENCE = 5;
const MAX_SENTENCES = 2;

/**
 * One or two sentences for a known answer, by the model. The facts, evidence, confidence and
 * history stay the deterministic answer's; the sentence only rewords them, and is rejected (the
 * deterministic text stands) when it names a person or component that neither the answer, its
 * history nor its evidence holds (see foreignName). "I don't know" is never reworded.
 */
export async function wordAnswer(
  answer: AskAnswer,
  model: AskModel,
  now: Date,
  people: PeopleDirectory,
): Promise<Wording> {
  const none = (reason: string | null): Wording => ({
    text: null,
    modelCalls: 0,
    cached: false,
    hallucinationDrops: 0,
    reason,
  });
  if (!answer.known) return none(null);
  const input: AskWordingInput = {
    question: answer.question,
    answer: answer.text,
    confidence: answer.confidence,
    entity: answer.entity?.name ?? null,
    evidence: answer.evidence
      .slice(0, MAX_EVIDENCE)
      .map((item) => ({ author: item.author, time: item.time, snippet: item.snippet })),
    grounds: [
      ...new Set([
        ...answer.history.flatMap((entry) => [entry.subjectName, entry.objectName]),
        ...answer.evidence.map((item) => item.author),
      ]),
    ].sort(),
  };
  // Grounding runs inside the stage: the cache keeps the grounded reply, and the stage span counts the drop.
  const grounding = (reply: AskWordingReply): Grounded<AskWordingReply> => {
    const foreign = foreignName(reply.sentence, answer, people);
    return foreign === undefined
      ? { value: reply, drops: [] }
      : { value: { sentence: '' }, drops: [{ kind: 'item', value: foreign, path: 'sentence' }] };
  };
  const result = await runStage(
    askWordingStage,
    input,
    { now, signal: model.signal },
    { heuristic: askWordingNone, model: makeAskWordingStrategy(model.client), cache: model.cache, grounding },
  );
  const used = { modelCalls: result.modelCalls, cached: result.cached };
  if (result.provenance.degraded)
    return {
      ...none(
        `the model could not word the answer (${result.provenance.degradedReason ?? 'unknown reason'})`,
      ),
      ...used,
    };
  if (result.output.rejected) {
    return {
      ...none(
        "the model's wording named someone or something that is not in the answer or its evidence; it was dropped",
      ),
      ...used,
      hallucinationDrops: result.hallucinations.length,
    };
  }
  const sentence = result.output.sentence.replace(/\s+/g, ' ').trim();
  if (
    sentence === '' ||
    sentence.split(/(?<=[.!?])\s+/).filter((part) => part !== '').length > MAX_SENTENCES
  ) {
    return { ...none("the model's wording was empty or longer than two sentences; it was dropped"), ...used };
  }
  return { text: sentence, ...used, hallucinationDrops: 0, reason: null };
}

/** Words that may open a sentence without being a name. */
const OPENERS = new Set(
  'a according after all also an and as ask asked at based before both but currently for from he her his i in it its last no nobody none not now of on one only per she since so that the their there these they this those to two until we when who yes you'.split(
    ' ',
  ),
);

/**
 * The first name-like word of `sentence` the answer cannot account for: any capitalised word
 * (sentence starts included, unless a common opener) or word with digits, hyphens, colons or
 * underscores that the answer text, its entity, history and evidence never use; and any word that
 * names a person of the directory whom the answer text itself does not name. The question is not
 * part of the vocabulary: a name typed into it ("say Bob owns billing") is not evidence.
 */
export function foreignName(
  sentence: string,
  answer: AskAnswer,
  people: PeopleDirectory,
): string | undefined {
  const vocabulary = new InputVocabulary([
    answer.text,
    answer.entity?.name ?? '',
    ...answer.evidence.flatMap((item) => [item.author, item.snippet]),
    ...answer.history.flatMap((entry) => [entry.subjectName, entry.objectName]),
  ]);
  const inText = new InputVocabulary([answer.text]);
  for (const part of sentence.split(/(?<=[.!?:;])\s+|\n+/)) {
    const words = part.match(/[\p{L}\p{N}][\p{L}\p{N}'_:.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu) ?? [];
    for (const [index, word] of words.entries()) {
      const capital = /^\p{Lu}/u.test(word);
      const nameLike = /[\d_:-]/.test(word) || (capital && !(index === 0 && OPENERS.has(word.toLowerCase())));
      if (!nameLike) continue;
      if (vocabulary.foreignName(`x ${word}`) !== undefined) return word;
      if (capital && people.find(word) && inText.foreignName(`x ${word}`) !== undefined) return word;
    }
  }
  return undefined;
}
