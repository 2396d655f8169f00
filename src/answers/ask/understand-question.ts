import { SELF } from './answer-items.js';
import { searchWords } from '../../memory/graph/search-text.js';
import type { AskParseInput, AskParseReply } from './model/ask-parse-model.js';
import type { Grounded, HallucinationDrop } from '../../llm/grounding.js';
import type { ModelClient } from '../../llm/model-client.js';
import type { StageCache } from '../../pipeline/stage-cache.js';
import type { AskSources } from './answer-support.js';
import { namesNoEntity, type ParsedQuestion } from './ask-types.js';
import { parseQuestion, resolveTimePhrase } from './parse-question.js';
import type { PeopleDirectory } from '../people/people-directory.js';
import { FILLER, resolveComponent } from './resolve-entity.js';

/** The optional model path of `outro ask` (absent: patterns only). */
export interface AskModel {
  client: ModelClient;
  /** Where model replies are kept (the store's stage_cache): asking again makes no model call. */
  cache?: StageCache;
  /** Reword known answers in one or two sentences (default true). */
  reword?: boolean;
  /** Answer retrieval questions from the retrieved passages, cited and grounded (default true). */
  passages?: boolean;
  signal?: AbortSignal;
}

export interface Understanding {
  parsed: ParsedQuestion | undefined;
  /** Who understood the question: the patterns, or the model (grounded). */
  by: 'pattern' | 'model';
  /** Why the model's understanding was not used, when it was asked and failed or was unsure. */
  degradedReason: string | null;
  modelCalls: number;
  cached: boolean;
  /** Names and phrases the model wrote that neither the question nor the data holds. */
  hallucinationDrops: number;
}

const MAX_CANDIDATES = 20;

/**
 * Understands a question: the patterns first. With a model configured, the model is asked when the
 * patterns fail or their target names nothing in the data; its reply is validated, repaired once,
 * and grounded (its target must name an entity or person in the store, or be words of the question
 * itself; its time phrase must be in the question). When it fails or is unsure, the pattern parse
 * stands and the reason is reported. The question is data in the prompt, never instructions.
 */
export async function understandQuestion(
  question: string,
  sources: AskSources,
  model?: AskModel,
  askedAsOf?: string,
): Promise<Understanding> {
  // Relative phrases ("last week") are read from --as-of when given, never from the clock.
  const reference = askedAsOf ? new Date(askedAsOf) : sources.now;
  const pattern = parseQuestion(question, reference, sources.timeZone);
  const base = { modelCalls: 0, cached: false, hallucinationDrops: 0 };
  if (!model) return { parsed: pattern, by: 'pattern', degradedReason: null, ...base };
  if (pattern && (namesNoEntity(pattern.intent) || (await namesSomething(pattern.target, sources)))) {
    return { parsed: pattern, by: 'pattern', degradedReason: null, ...base };
  }
  const candidates = await candidateNames(question, sources);
  // Loaded here: without a model (or when the patterns understood) a cold `ask` never needs them.
  const [{ askParseNotUnderstood, askParseStage, makeAskParseStrategy }, { runStage }] = await Promise.all([
    import('./model/ask-parse-model.js'),
    import('../../pipeline/run-model-stage.js'),
  ]);
  const result = await runStage(
    askParseStage,
    { question, candidates },
    { now: sources.now, signal: model.signal },
    {
      heuristic: askParseNotUnderstood,
      model: makeAskParseStrategy(model.client),
      cache: model.cache,
      grounding: (reply, input) => groundParse(reply, input, sources.people),
    },
  );
  const drops = result.hallucinations.length;
  const used = { modelCalls: result.modelCalls, cached: result.cached, hallucinationDrops: drops };
  const fallback = (reason: string): Understanding => ({
    parsed: pattern,
    by: 'pattern',
    degradedReason: reason,
    ...used,
  });
  if (result.provenance.degraded)
    return fallback(
      `the model could not be used (${result.provenance.degradedReason ?? 'unknown reason'}); question patterns only`,
    );
  const reply = result.output;
  if (reply.intent === 'unknown' || !reply.sure) {
    // With a search index the question is answered by retrieval: that is the normal path, not a degradation.
    if (sources.search && !pattern)
      return { parsed: undefined, by: 'pattern', degradedReason: null, ...used };
    return fallback('the model was not sure what the question asks; question patterns only');
  }
  const intent = reply.intent as ParsedQuestion['intent'];
  const target = intent === 'waiting-on-me' ? '' : reply.target.trim();
  if (intent !== 'waiting-on-me' && target === '') {
    const dropped = result.hallucinations.some((drop) => drop.path === 'target');
    return fallback(
      dropped
        ? 'the model named something that is neither in the question nor in the data (dropped); question patterns only'
        : 'the model found nothing the question is about; question patterns only',
    );
  }
  const asOf = reply.when ? resolveTimePhrase(reply.when, reference, sources.timeZone) : undefined;
  const parsed: ParsedQuestion = { intent, target, ...(asOf ? { asOf } : {}) };
  const resolves = intent === 'waiting-on-me' || (await namesSomething(target, sources));
  // Both understood it: the pattern parse wins when they agree, or when the model's target names nothing either.
  if (pattern && (sameParse(pattern, parsed) || !resolves))
    return { parsed: pattern, by: 'pattern', degradedReason: null, ...used };
  return { parsed, by: 'model', degradedReason: null, ...used };
}

/** True when `target` names a component (names, aliases) or a person in the data. */
async function namesSomething(target: string, sources: AskSources): Promise<boolean> {
  if (target.trim() === '') return false;
  if (SELF.test(target.trim())) return sources.me.length > 0;
  if (sources.people.find(target)) return true;
  return (await resolveComponent(sources.graph, target)) !== undefined;
}

async function candidateNames(question: string, sources: AskSources): Promise<string[]> {
  if (searchWords(question).length === 0) return [];
  const hits = await sources.graph.search(question, 10);
  const names = new Set<string>();
  const add = (component: { name: string | null; aliases: string[] }): void => {
    for (const name of [component.name ?? '', ...component.aliases])
      if (name.trim() !== '') names.add(name.trim());
  };
  for (const { component } of hits.components) add(component);
  // Components of conversations whose topic matched: "invoicing" finds billing when people said both.
  const topical = await sources.graph.get('component', [
    ...new Set(
      hits.conversations.filter((hit) => !hit.conversation.noise).flatMap((hit) => hit.conversation.entities),
    ),
  ]);
  for (const component of topical.values()) add(component);
  return [...names].slice(0, MAX_CANDIDATES);
}

/**
 * Grounds a reply (inside the stage, so the cache keeps the grounded reply and the stage span counts
 * the drops): the target must name a person of the directory, contain every word of a candidate
 * name the search found, or consist of the question's own words (an "I don't know" about what the
 * user typed invents nobody); anything else is emptied. A time phrase must appear in the question.
 */
export function groundParse(
  reply: AskParseReply,
  input: AskParseInput,
  people: PeopleDirectory,
): Grounded<AskParseReply> {
  const drops: HallucinationDrop[] = [];
  let { target, when } = reply;
  const needsTarget = reply.intent !== 'waiting-on-me' && reply.intent !== 'unknown';
  if (
    needsTarget &&
    target.trim() !== '' &&
    !people.find(target) &&
    !namesCandidate(target, input.candidates) &&
    !fromQuestion(target, input.question)
  ) {
    drops.push({ kind: 'entity', value: target, path: 'target' });
    target = '';
  }
  if (when !== null && !input.question.toLowerCase().includes(when.trim().toLowerCase())) {
    drops.push({ kind: 'item', value: when, path: 'when' });
    when = null;
  }
  return { value: { ...reply, target, when }, drops };
}

function namesCandidate(target: string, candidates: readonly string[]): boolean {
  const have = new Set(searchWords(target));
  return candidates.some((name) => {
    const words = searchWords(name);
    return (
      words.length > 0 && !words.every((word) => FILLER.has(word)) && words.every((word) => have.has(word))
    );
  });
}

function fromQuestion(target: string, question: string): boolean {
  const words = searchWords(target);
  const have = new Set(searchWords(question));
  return words.length > 0 && words.every((word) => have.has(word));
}

function sameParse(a: ParsedQuestion, b: ParsedQuestion): boolean {
  const words = (text: string): string => searchWords(text).sort().join(' ');
  return a.intent === b.intent && words(a.target) === words(b.target);
}
