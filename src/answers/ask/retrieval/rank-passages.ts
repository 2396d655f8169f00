import { indexTerms } from '../../../memory/search/porter-stem.js';
import type { SearchHit } from '../../../memory/search/search-types.js';
import type { QuestionFrame } from './question-frame.js';
import type { PeopleNames } from './people-names.js';
import { equivalentStems } from './word-equivalents.js';
import {
  BLOCKER_CUES,
  CHANGE_CUES,
  DECISION_CUES,
  REASON_CUES,
  STATED_REASON,
  STATUS_CUES,
  isTentative,
  numberSpans,
  timeSpans,
  type TypedSpan,
} from './typed-spans.js';

/** One sentence of a retrieved document, scored against the question. */
export interface Passage {
  hit: SearchHit;
  sentence: string;
  /** 0..~1.3: how well the sentence (and its message) answers the question. */
  score: number;
  /** Weighted share of the question's words in the sentence, and in its whole message. */
  coverage: { sentence: number; message: number };
  /** The typed answer in it (a date, an amount), when the question wants one. */
  span: TypedSpan | null;
  /** People the sentence names (human ids), in order. */
  named: string[];
  /** A question no one else has replied to (as of the question's as-of): for a status, the state is that it waits. */
  unanswered?: boolean;
}

/** Weights of the question's terms: inverse document frequency times the term's own weight. */
export type TermWeights = Map<string, number>;

/** A number that is a length of time: "85 min", "2 days", "3h". */
const TIME_UNIT = /\d\s?(?:ms|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?)$/i;

const YES_NO = /^(?:is|are|was|were|has|have|did|does|do)\b/;
const ON_CALL = /\bon[- ]?call\b|\bpager\b|\bon duty\b/i;

/** Verbs of a yes/no question about work being finished, and the words that report it finished. */
const DONE_ASKED =
  /^(?:finish(?:ed)?|complete[d]?|done|wrap(?:ped)?|ship(?:ped)?|merge[d]?|fix(?:ed)?|deploy(?:ed)?|release[d]?|land(?:ed)?|close[d]?|resolve[d]?|send|sent|rotate[d]?)$/i;
const PROMISED = /\b(?:i['’]ll|i will|we['’]ll|we will|going to|gonna|plan(?:ning)? to)\b/i;
const DONE_SAID =
  /✅|\b(?:done|finished|completed|merged|shipped|deployed|released|landed|live|closed|resolved|fixed|sent|rotated|wrapped up)\b/i;

export function termWeights(
  frame: QuestionFrame,
  stats: { docs: number; df: Map<string, number> },
): TermWeights {
  const weights: TermWeights = new Map();
  for (const term of frame.terms) {
    const df = stats.df.get(term.stem) ?? 0;
    // A word no document holds adds nothing a passage could cover, but still counts as missing.
    const idf = Math.log(1 + (stats.docs - df + 0.5) / (df + 0.5));
    weights.set(term.stem, Math.max(weights.get(term.stem) ?? 0, idf * term.weight));
  }
  return weights;
}

/** The weight key of a person the question is about: covered by what they wrote or a text naming them. */
const personKey = (id: string): string => `person:${id}`;

/**
 * Adds the people a question is about ("keisha's days off", "the cutoff for going thru elena") as
 * words to cover, each weighing as much as the question's average word: their names are not
 * searched as words, yet a message by them or naming them answers it more than one that is not.
 */
export function withPeopleWeights(
  weights: TermWeights,
  frame: QuestionFrame,
  names: PeopleNames,
): TermWeights {
  const about = frame.people.filter((person) => person.role === 'about');
  if (about.length === 0 || weights.size === 0) return weights;
  const values = [...weights.values()];
  const mean = values.reduce((sum, weight) => sum + weight, 0) / values.length;
  const out: TermWeights = new Map(weights);
  for (const person of about) out.set(personKey(names.idOf(person.keys[0])), mean);
  return out;
}

/** Sentences of a document: lines, then sentence ends. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/\n+|(?<=[!?])\s+|(?<=\.)\s+(?=[\p{Lu}@*_"“(\d])/u)
    .map((line) => line.replace(/^[-*•>\s]+/, '').trim())
    .filter((line) => line.length > 1);
}

function coverage(stems: ReadonlySet<string>, weights: TermWeights, total: number): number {
  if (total <= 0) return 0;
  let covered = 0;
  for (const [stem, weight] of weights) if (stems.has(stem)) covered += weight;
  return covered / total;
}

/**
 * Scores every sentence of the retrieved documents: the weighted share of the question's words it
 * holds (and its message holds), then what the answer type needs — a date for "when", an amount
 * for "how much", a cause for "why", a state for "status" — and who said it when the question
 * names an actor ("what did Helena approve"). A tentative statement (a proposal, a draft, a
 * question) weighs less as an answer with a date or an amount.
 */
export function rankPassages(
  frame: QuestionFrame,
  hits: readonly SearchHit[],
  weights: TermWeights,
  names: PeopleNames,
  /** A floor for both coverages: replies to a matching question inherit part of its match. */
  inherit = 0,
): Passage[] {
  const total = [...weights.values()].reduce((sum, weight) => sum + weight, 0);
  const actors = frame.people.filter((person) => person.role === 'actor').flatMap((person) => person.keys);
  const about = new Set(frame.people.map((person) => names.idOf(person.keys[0])));
  const passages: Passage[] = [];
  // "did Hiro finish the depot fix?": "depot fix merged ✅" says it is finished in other words.
  const doneStems =
    frame.type === 'yesno'
      ? frame.terms.filter((term) => DONE_ASKED.test(term.word)).map((term) => term.stem)
      : [];
  const equivalent = frame.terms.filter((term) => term.equivalents.length > 0);
  const withDone = (stems: Set<string>, text: string): Set<string> => {
    if (doneStems.length > 0 && DONE_SAID.test(text)) for (const stem of doneStems) stems.add(stem);
    for (const term of equivalent)
      if (term.equivalents.some((other) => stems.has(other))) stems.add(term.stem);
    return stems;
  };
  // "who is on call": "who to call at the vendor" shares the word, not the meaning.
  const onCall = ON_CALL.test(frame.text);
  const asksYesNo = YES_NO.test(frame.text);
  const asksNextWeek = /\bnext week\b/.test(frame.text);
  const aboutKeys = [...weights.keys()].filter((key) => key.startsWith('person:'));
  const withPeople = (stems: Set<string>, text: string, author: string | null): Set<string> => {
    if (aboutKeys.length === 0) return stems;
    if (author !== null) stems.add(personKey(names.idOf(author)));
    for (const { id } of names.inText(text)) stems.add(personKey(id));
    return stems;
  };
  for (const hit of hits) {
    const messageStems = withPeople(
      withDone(new Set(indexTerms(`${hit.title} ${hit.text}`)), hit.text),
      hit.text,
      hit.author,
    );
    const messageCoverage = Math.max(inherit, coverage(messageStems, weights, total));
    if (messageCoverage === 0) continue;
    const byActor = hit.author !== null && actors.includes(hit.author);
    for (const sentence of sentencesOf(hit.text)) {
      const stems = withPeople(withDone(new Set(indexTerms(sentence)), sentence), sentence, hit.author);
      const sentenceCoverage = Math.max(inherit, coverage(stems, weights, total));
      // A sentence with none of the question's words cannot reach the threshold (0.4 × its message at most).
      if (sentenceCoverage === 0) continue;
      let score = 0.6 * sentenceCoverage + 0.4 * messageCoverage;
      let span: TypedSpan | null = null;
      const named = names
        .inText(sentence)
        .map((hitName) => hitName.id)
        .filter((id, index, all) => all.indexOf(id) === index);
      const tentative = isTentative(sentence);
      switch (frame.type) {
        case 'time': {
          span = spanInAskedClause(sentence, timeSpans(sentence, hit.at), frame);
          score *= span ? (tentative ? 0.75 : 1.1) : 0.55;
          break;
        }
        case 'number': {
          const spans = numberSpans(sentence, frame.money, hit.at).filter(
            (one) => !frame.duration || TIME_UNIT.test(one.text),
          );
          // "how many customers …": "37 customers got …" counts them; "under €200" does not.
          const counting = frame.counted
            ? spans.find((one) => counts(sentence, one, frame.counted ?? ''))
            : undefined;
          span = counting ?? spans[0] ?? null;
          score *= span ? (tentative ? 0.6 : 1.1) : 0.5;
          if (span && frame.counted) score *= counting ? 1.2 : 0.6;
          break;
        }
        case 'person': {
          const others = named.filter((id) => !about.has(id));
          const answers = frame.authorAnswers
            ? hit.author !== null && !about.has(names.idOf(hit.author))
            : others.length > 0 || (hit.author !== null && saysOwnDeed(sentence, frame.deedStems));
          score *= answers ? 1.1 : 0.85;
          break;
        }
        case 'reason':
          // A sentence with no causal wording cannot say why (as a when-answer without a date cannot say when).
          score *= STATED_REASON.test(sentence) ? 1.25 : REASON_CUES.test(sentence) ? 1.05 : 0.65;
          break;
        case 'status':
          score *= STATUS_CUES.test(sentence) || /\d/.test(sentence) ? 1.1 : 0.9;
          break;
        case 'decision':
          score *= DECISION_CUES.test(sentence) || hit.kind === 'decision' ? 1.1 : 0.9;
          break;
        case 'change':
          score *= CHANGE_CUES.test(sentence) ? 1.2 : 0.9;
          break;
        case 'blocker':
          // Like a date for "when": a sentence that names no obstacle or dependency cannot say what blocks.
          // "is the fix blocked?": "fix merged ✅" answers no.
          score *=
            BLOCKER_CUES.test(sentence) || (asksYesNo && DONE_SAID.test(sentence) && !isTentative(sentence))
              ? 1.1
              : 0.65;
          break;
        default:
          if (tentative && /\?\s*$/.test(sentence)) score *= 0.8;
          // "did Jonas rotate the certs?": "I'll rotate them" promised it, it does not say it happened.
          if (doneStems.length > 0 && PROMISED.test(sentence) && !DONE_SAID.test(sentence)) score *= 0.6;
      }
      if (onCall && !ON_CALL.test(sentence)) score *= 0.4;
      // "who's on call next week?": "on call this week: Tomás", said before that week, is about another week.
      if (asksNextWeek && /\bthis week\b/i.test(sentence)) score *= 0.5;
      // A question about what someone did or said is not answered by a message neither by nor about them.
      if (actors.length > 0) score *= byActor ? 1.15 : named.some((id) => actors.includes(id)) ? 1 : 0.55;
      // "on Oct 14", and for what changed "this week": passages said in the window weigh more.
      if (frame.time?.kind === 'date' || (frame.type === 'change' && frame.time?.kind === 'relative')) {
        const { from, to } = frame.time.window;
        if (hit.at >= from && hit.at < to) score *= 1.05;
      }
      passages.push({
        hit,
        sentence,
        score,
        coverage: { sentence: sentenceCoverage, message: messageCoverage },
        span,
        named,
      });
    }
  }
  return passages.sort((a, b) => b.score - a.score || (a.hit.at < b.hit.at ? 1 : -1));
}

/** "found why X…", "I fixed it", "we've just merged it": the sentence opens with the author doing the deed. */
function saysOwnDeed(sentence: string, deedStems: readonly string[]): boolean {
  if (deedStems.length === 0) return false;
  const verb = /^(?:(?:i|we)(?:['’]ve| have)? )?(?:just |finally |actually )?([a-z]+)\b/i.exec(
    sentence.trim(),
  )?.[1];
  const stem = verb ? indexTerms(verb)[0] : undefined;
  return stem !== undefined && deedStems.includes(stem);
}

/** The number is followed, within three words, by the thing counted ("37 customers", "12 more riders"). */
function counts(sentence: string, span: TypedSpan, counted: string): boolean {
  const words = sentence.slice(span.index).match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  const stems = [counted, ...equivalentStems(counted)];
  return words.slice(0, 3).some((word) => stems.includes(indexTerms(word)[0] ?? ''));
}

/**
 * Of several dates in a sentence, the one in the clause holding most of the question's words: "we
 * paused the sync last week; the sync comes back in Q2" answers "when does the sync come back" with Q2.
 */
function spanInAskedClause(
  sentence: string,
  spans: readonly TypedSpan[],
  frame: QuestionFrame,
): TypedSpan | null {
  if (spans.length <= 1) return spans[0] ?? null;
  const stems = new Set(frame.terms.map((term) => term.stem));
  const bounds = [...sentence.matchAll(/[;,.!?]|\s[-—–]\s|\b(?:and|but|so|while)\b/g)].map(
    (cut) => cut.index,
  );
  const askedWords = (span: TypedSpan): number => {
    const start = Math.max(0, ...bounds.filter((cut) => cut < span.index));
    // Not the span's text length: "last week (Oct 14)" says the day it meant, longer than what was written.
    const end = Math.min(sentence.length, ...bounds.filter((cut) => cut > span.index));
    const found = new Set<string>();
    for (const word of sentence.slice(start, end).match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []) {
      const stem = indexTerms(word)[0];
      if (stem && stems.has(stem)) found.add(stem);
    }
    return found.size;
  };
  const scored = spans.map((span) => ({ span, words: askedWords(span) }));
  return scored.reduce((best, next) => (next.words > best.words ? next : best)).span;
}
