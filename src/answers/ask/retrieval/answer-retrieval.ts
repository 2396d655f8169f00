import type { SearchHit, SearchIndex } from '../../../memory/search/search-types.js';
import { day, names as joinNames, type AskSources } from '../answer-support.js';
import type { AnswerEvidence, AskAnswer, RetrievalTrace } from '../ask-types.js';
import { equivalentWords } from './word-equivalents.js';
import { peopleNames } from './people-names.js';
import { frameQuestion, type QuestionFrame } from './question-frame.js';
import { rankPassages, sentencesOf, termWeights, withPeopleWeights, type Passage } from './rank-passages.js';
import type { PeopleNames } from './people-names.js';
import { numberSpans, timeSpans } from './typed-spans.js';
import { indexTerms } from '../../../memory/search/porter-stem.js';
import { authorOf, hitEvidence } from './hit-evidence.js';
import { withReplies } from './reply-passages.js';
import { withTyposCorrected } from './typo-terms.js';
import { rescheduled } from './rescheduled.js';
import { weakMatchFault } from './weak-match.js';

/** What retrieval answers read besides the index: who people are, and the zone days are written in. */
export type RetrievalSources = Pick<AskSources, 'people' | 'timeZone'>;

/**
 * Below this score the best passage is noise: the answer is "I don't know" with the closest
 * messages as "maybe relevant". Calibrated on the fixtures' and Fernhill's ask lists (eval
 * ask-workspace): answerable questions' best passages score 0.62–1.2, unanswerable ones ≤ 0.55.
 * It holds for answers that state a date or an amount: a date or a number found in a sentence
 * that only half matches the question is a confident wrong answer.
 */
export const KNOWN_THRESHOLD = 0.58;
/**
 * Answers that quote a sentence (who, why, a status, yes or no) are known from this score: the
 * reader sees the sentence and judges it. Measured on the tuning sets (two fixture sets, Fernhill's
 * own and a Fernhill-style set of 50): those scoring 0.42–0.58 were 13 right, 3 wrong and 1 to an
 * unanswerable question. Such an answer says it is a best guess.
 */
export const SENTENCE_THRESHOLD = 0.42;

/** How an answer between the two thresholds opens. */
const WEAK = 'Best guess, from a partial match: ';

/** The score the best passage needs for a known answer of this type. */
export function thresholdFor(type: QuestionFrame['type']): number {
  return type === 'time' || type === 'number' ? KNOWN_THRESHOLD : SENTENCE_THRESHOLD;
}
/** Documents read per question. */
const RETRIEVE = 60;
/** Messages cited with an answer, and offered as "maybe relevant" with "I don't know". */
const CITED = 4;
const MAYBE = 3;
/** Messages offered to a configured model with a known answer (rag-answer.ts). */
const PASSAGES = 6;
/** Passages within this share of the best are near-ties: a status, date or person answer takes the latest. */
const NEAR_TIE = 0.9;

/**
 * Answers a question the structured kinds do not cover, from the search index: reads what it asks
 * (answer type, words, people, time: question-frame.ts), retrieves with BM25 in any-word mode (and
 * the named actor's own messages), scores every sentence (rank-passages.ts), and answers
 * extractively: the typed span (a date, an amount, a person) or the sentence, then the cited
 * messages. Nothing dated after `asOf` is read. Weak evidence: "I don't know" and what came closest.
 */
export function answerByRetrieval(
  question: string,
  sources: RetrievalSources,
  asOf: string,
  index: SearchIndex,
): AskAnswer {
  return retrieveAnswer(question, sources, asOf, index).answer;
}

/** A retrieval answer and, when known, its best messages (the chosen one first) for a model to answer from. */
export interface Retrieved {
  answer: AskAnswer;
  passages: AnswerEvidence[];
}

/** answerByRetrieval, with the passages a configured model answers from (none when the answer is unknown). */
export function retrieveAnswer(
  question: string,
  sources: RetrievalSources,
  asOf: string,
  index: SearchIndex,
): Retrieved {
  const answer = (value: AskAnswer, passages: AnswerEvidence[] = []): Retrieved => ({
    answer: value,
    passages,
  });
  const frame = withTyposCorrected(frameQuestion(question, asOf, sources.people, sources.timeZone), index);
  const base: Pick<AskAnswer, 'question' | 'intent' | 'asOf' | 'history' | 'entity' | 'answerType'> = {
    question,
    intent: null,
    asOf,
    history: [],
    entity: null,
    answerType: frame.type,
  };
  const words = frame.terms.map((term) => term.word);
  const unknownPerson =
    frame.unknownPerson !== null &&
    (index.termStats(indexTerms(frame.unknownPerson)).df.get(indexTerms(frame.unknownPerson)[0] ?? '') ??
      0) === 0
      ? frame.unknownPerson
      : null;
  if (unknownPerson) {
    return answer({
      ...base,
      known: false,
      text: `I don't know anyone called ${unknownPerson}: nobody by that name is in the people directory.`,
      confidence: 0,
      evidence: [],
      searched: [`people named "${unknownPerson}": none found`],
      retrieval: { query: words.join(' '), hits: [], threshold: KNOWN_THRESHOLD, best: 0 },
    });
  }
  // "do we know", "any news?": only words that say what kind of answer is wanted, nothing to find it by.
  if (frame.terms.every((term) => term.weight < 1) && frame.people.length === 0) {
    return answer({
      ...base,
      known: false,
      text: "I don't know: the question names nothing to look for. Ask about a person, a project, a customer or a topic.",
      confidence: 0,
      evidence: [],
      searched: ['the question: no words to search for'],
      retrieval: { query: '', hits: [], threshold: KNOWN_THRESHOLD, best: 0 },
    });
  }
  const hits = retrieve(frame, index, asOf, words);
  const names = peopleNames(sources.people);
  const weights = withPeopleWeights(
    termWeights(frame, index.termStats(frame.terms.map((term) => term.stem))),
    frame,
    names,
  );
  const passages = withReplies(frame, rankPassages(frame, hits, weights, names), index, asOf, weights, names);
  const threshold = thresholdFor(frame.type);
  const trace: RetrievalTrace = {
    query: words.join(' '),
    hits: passages.slice(0, 8).map((passage) => ({
      docId: passage.hit.docId,
      score: round(passage.score),
      bm25: round(passage.hit.score),
      sentence: passage.sentence.slice(0, 200),
    })),
    threshold,
    best: round(passages[0]?.score ?? 0),
  };
  const searched = [
    `the search index for ${words.map((word) => `"${word}"`).join(', ')} up to ${day(asOf, sources.timeZone)} (${hits.length} documents, ${passages.length} sentences)`,
  ];
  const best = passages[0];
  const chosen =
    best && best.score >= threshold
      ? rescheduled(frame, corrected(frame, choose(frame, passages), index, asOf, names), passages)
      : undefined;
  // A partial match is no answer unless it says the kind of thing asked, and for "what did Helena
  // approve" is by Helena or names her.
  const weak = best !== undefined && best.score < KNOWN_THRESHOLD;
  const rejected = chosen && weak ? weakMatchFault(frame, chosen, names) : null;
  if (rejected) searched.push(`the best partial match (score ${round(best.score)}) ${rejected}`);
  if (!chosen || rejected) {
    const maybe = distinctMessages(passages, MAYBE);
    const evidence = maybe.map((passage) => hitEvidence(passage.hit, sources));
    return answer({
      ...base,
      known: false,
      text: `I don't know.${maybe.length > 0 ? ' Maybe relevant:' : ` I searched ${searched.join('; ')}.`}${maybe
        .map(
          (passage) =>
            `\n- ${passage.sentence.slice(0, 200)} (${authorOf(passage.hit, sources)}, ${day(passage.hit.at, sources.timeZone)})`,
        )
        .join('')}`,
      confidence: 0,
      evidence: [],
      maybeRelevant: evidence,
      searched,
      retrieval: trace,
    });
  }
  const ranked = [
    chosen,
    ...distinctMessages(passages, PASSAGES).filter((p) => p.hit.docId !== chosen.hit.docId),
  ].map((passage) => hitEvidence(passage.hit, sources));
  return answer(
    {
      ...base,
      known: true,
      text: `${weak ? WEAK : ''}${answerLine(frame, chosen, passages, sources)}`,
      confidence: round(Math.min(1, chosen.score)),
      evidence: ranked.slice(0, CITED),
      searched,
      retrieval: trace,
    },
    ranked.slice(0, PASSAGES),
  );
}

const CORRECTION =
  /^(?:actually|correction|small correction|to be clear|to clarify|not quite|no,|nope|wait,|that was|it was)\b|\bnot me\b|\bcorrection:/i;

/**
 * A later message in the same conversation that corrects the chosen one ("actually that was Jonas,
 * not me", "small correction: … so that's me") answers instead.
 */
function corrected(
  frame: QuestionFrame,
  chosen: Passage,
  index: SearchIndex,
  asOf: string,
  names: PeopleNames,
): Passage {
  // Who did it, when, how much: what a correction replaces. A cause or a status is not "corrected" by "not me".
  if (!chosen.hit.conversationId || !['person', 'time', 'number'].includes(frame.type)) return chosen;
  const later = index
    .conversations([chosen.hit.conversationId], { asOf, limit: 200 })
    .filter((doc) => doc.kind === 'message' && doc.at > chosen.hit.at);
  for (const doc of later) {
    const [first] = sentencesOf(doc.text);
    if (!first || !CORRECTION.test(first.trim())) continue;
    const span =
      frame.type === 'time'
        ? (timeSpans(first, doc.at)[0] ?? null)
        : frame.type === 'number'
          ? (numberSpans(first, frame.money, doc.at)[0] ?? null)
          : null;
    if (frame.type !== 'person' && !span) continue;
    const named = names
      .inText(first)
      .map((hit) => hit.id)
      .filter((id, i, all) => all.indexOf(id) === i);
    return { ...chosen, hit: doc, sentence: first, named, span };
  }
  return chosen;
}

/** BM25 over messages, decisions, items and questions, any word; and the named actor's own messages. */
function retrieve(frame: QuestionFrame, index: SearchIndex, asOf: string, words: string[]): SearchHit[] {
  const query = [
    ...words,
    ...frame.terms.flatMap((term) => equivalentWords(term.stem)),
    ...frame.people.filter((p) => p.role === 'about').map((p) => p.name),
  ].join(' ');
  const kinds = ['message', 'decision', 'action_item', 'question'] as const;
  const since = frame.type === 'change' && frame.time ? frame.time.window.from : undefined;
  const found = new Map<string, SearchHit>();
  const add = (list: readonly SearchHit[]): void => {
    for (const hit of list) if (!found.has(hit.docId)) found.set(hit.docId, hit);
  };
  try {
    add(
      index.search({
        query,
        mode: 'any',
        kinds,
        asOf,
        limit: RETRIEVE,
        snippets: false,
        ...(since ? { since } : {}),
      }).hits,
    );
    const actors = frame.people.filter((person) => person.role === 'actor').flatMap((person) => person.keys);
    if (actors.length > 0)
      add(
        index.search({
          query: words.join(' '),
          mode: 'any',
          kinds,
          asOf,
          from: actors,
          limit: 30,
          snippets: false,
        }).hits,
      );
  } catch {
    // The query is built from plain words; a failure here means nothing was found, not a crash.
  }
  return [...found.values()];
}

/**
 * The passage to answer with: the best, or for questions whose answer changes over time (status,
 * dates, people, decisions, "now") the latest of the near-ties — a correction or a new date
 * replaces the old one.
 */
function choose(frame: QuestionFrame, passages: readonly Passage[]): Passage {
  const best = passages[0];
  const latestWins =
    frame.wantsLatest ||
    frame.type === 'status' ||
    frame.type === 'time' ||
    (frame.type === 'person' && !frame.deedDone) ||
    frame.type === 'change' ||
    frame.type === 'decision';
  if (!latestWins) return best;
  const near = passages.filter(
    (passage) =>
      passage.score >= best.score * NEAR_TIE &&
      (frame.type !== 'time' || passage.span !== null) &&
      (frame.type !== 'number' || passage.span !== null),
  );
  return near.reduce((latest, passage) => (passage.hit.at > latest.hit.at ? passage : latest), best);
}

function answerLine(
  frame: QuestionFrame,
  chosen: Passage,
  passages: readonly Passage[],
  sources: RetrievalSources,
): string {
  const said = `"${chosen.sentence.slice(0, 300)}" (${authorOf(chosen.hit, sources)}, ${day(chosen.hit.at, sources.timeZone)})`;
  switch (frame.type) {
    case 'time':
    case 'number':
      return chosen.span ? `${chosen.span.text}: ${said}` : said;
    case 'person': {
      const about = new Set(frame.people.map((person) => sources.people.idOf(person.keys[0])));
      const others = chosen.named.filter((id) => !about.has(id));
      const who =
        others.length > 0 && !frame.authorAnswers
          ? others.map((id) => sources.people.name(id))
          : [authorOf(chosen.hit, sources)];
      return `${joinNames(who.slice(0, 2))}: ${said}`;
    }
    case 'change': {
      // What changed: the strongest statements, as a dated timeline (the newest last).
      const top = distinctMessages(
        passages.filter((passage) => passage.score >= passages[0].score * 0.6),
        4,
      ).sort((a, b) => (a.hit.at < b.hit.at ? -1 : 1));
      return top
        .map(
          (passage) =>
            `- ${day(passage.hit.at, sources.timeZone)}: ${passage.sentence.slice(0, 200)} (${authorOf(passage.hit, sources)})`,
        )
        .join('\n');
    }
    case 'status': {
      if (chosen.unanswered)
        return `Still open, ${day(chosen.hit.at, sources.timeZone)}: ${said}: no reply on record.`;
      // A state is read against the one before it ("198 received, 14 bounced" → "14 bounced, credit vs check").
      const earlier = distinctMessages(
        passages.filter(
          (passage) =>
            passage.score >= passages[0].score * 0.6 &&
            passage.hit.at < chosen.hit.at &&
            passage.hit.docId !== chosen.hit.docId,
        ),
        8,
      ).reduce<Passage | undefined>(
        (latest, passage) => (!latest || passage.hit.at > latest.hit.at ? passage : latest),
        undefined,
      );
      const before = earlier
        ? `\nBefore that, ${day(earlier.hit.at, sources.timeZone)}: "${earlier.sentence.slice(0, 200)}" (${authorOf(earlier.hit, sources)})`
        : '';
      return `Latest, ${day(chosen.hit.at, sources.timeZone)}: ${said}${before}`;
    }
    case 'list': {
      const lines = distinctMessages(passages, 5).map(
        (passage) => `- ${passage.sentence.slice(0, 200)} (${authorOf(passage.hit, sources)})`,
      );
      return lines.join('\n');
    }
    default:
      return said;
  }
}

/** The best passage of each message (a decision or item cites its message: one), best first, at most `count`. */
function distinctMessages(passages: readonly Passage[], count: number): Passage[] {
  const seen = new Set<string>();
  const out: Passage[] = [];
  for (const passage of passages) {
    const key = passage.hit.nativeId ?? passage.hit.docId;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(passage);
    if (out.length >= count) break;
  }
  return out;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
