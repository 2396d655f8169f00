/**
 * What one heuristic annotate run read of its input, so that a run done ahead of time (in a worker,
 * with the knowledge as it was then) can be checked against the input the conversation really gets
 * once the conversations before it are annotated. The heuristic is a function of its input; its
 * input is the conversation's part (messages, people, channel: compared whole, as a hash) and the
 * knowledge lists, which it reads only through the entity source (known-state.ts) and the four list
 * fields. Each of those reads is recorded with a fingerprint of its answer; a real input that gives
 * the same answer to every recorded read gives the same output.
 */
import { contentHash, stableStringify } from '../../domain/ids.js';
import type { AnnotateInput, KnownEntity } from '../../pipeline/annotate/annotate-types.js';
import {
  listSource,
  type KnownEntitySource,
  type KnownEntry,
} from '../../pipeline/annotate/known-entities.js';
import { attachKnownState, knownStateOf } from '../../pipeline/annotate/known-state.js';

/** The input fields that hold knowledge (everything else is the conversation's part). */
const KNOWLEDGE_FIELDS = ['entities', 'priorDecisions', 'openItems', 'priorFacts'] as const;
type KnowledgeField = (typeof KNOWLEDGE_FIELDS)[number];
const isKnowledgeField = (key: string): key is KnowledgeField =>
  (KNOWLEDGE_FIELDS as readonly string[]).includes(key);

export interface AnnotateReads {
  /** The input without its knowledge lists (the people list as its hash). */
  rest: string;
  /**
   * Entity source calls and their answers, as JSON `[[method, argument, answer], …]`: one string
   * crosses threads far cheaper than a map of thousands.
   */
  calls: string;
  /** Knowledge list fields read directly, with the hash of each list. */
  lists: Partial<Record<KnowledgeField, string>>;
  /** Set when the run read the knowledge digest (it never should: then nothing matches). */
  digest?: string;
}

const entityTexts = new WeakMap<object, string>();
function entityText(entity: KnownEntity): string {
  let text = entityTexts.get(entity);
  if (text === undefined) entityTexts.set(entity, (text = stableStringify(entity)));
  return text;
}

const entriesText = (entries: readonly KnownEntry[]): string =>
  entries.map((entry) => `${entry.order} ${entityText(entry.entity)}`).join('\n');

const peopleHashes = new WeakMap<object, string>();
/** The hash of the input's conversation part: every field but the knowledge lists, the people list hashed once per list. */
export function restHash(input: AnnotateInput): string {
  let people = peopleHashes.get(input.people);
  if (people === undefined)
    peopleHashes.set(input.people, (people = JSON.stringify(`people ${contentHash(input.people)}`)));
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(input))
    if (!isKnowledgeField(key)) rest[key] = (input as unknown as Record<string, unknown>)[key];
  return contentHash(stableStringify(rest, new Map([[input.people, people]])));
}

const listHash = (list: unknown): string => contentHash(stableStringify(list ?? null));

type Method = 'form' | 'head' | 'irregular' | 'id' | 'all';

function answer(source: KnownEntitySource, method: Method, argument: string): string {
  switch (method) {
    case 'form':
      return entriesText(source.withForm(argument));
    case 'head':
      return entriesText(source.withFirstWord(argument));
    case 'irregular':
      return entriesText(source.irregular());
    case 'id':
      return entriesText(source.withId(argument));
    case 'all':
      return source.all().map(entityText).join('\n');
  }
}

/**
 * Makes `input` (just built, not yet annotated) record what a run reads of its knowledge into the
 * returned reads: its entity source is wrapped and its list fields become getters.
 */
export function recordReads(input: AnnotateInput): { reads: AnnotateReads; seal(): AnnotateReads } {
  const reads: AnnotateReads = { rest: restHash(input), calls: '', lists: {} };
  const calls = new Map<string, [Method, string, string]>();
  const state = knownStateOf(input);
  const source = state?.entities ?? listSource(input.entities);
  const record = <T>(method: Method, argument: string, value: T): T => {
    const key = `${method} ${argument}`;
    if (!calls.has(key)) calls.set(key, [method, argument, answer(source, method, argument)]);
    return value;
  };
  if (state)
    attachKnownState(input, {
      get digest() {
        reads.digest = state.digest;
        return state.digest;
      },
      entities: {
        withForm: (form) => record('form', form, source.withForm(form)),
        withFirstWord: (word) => record('head', word, source.withFirstWord(word)),
        irregular: () => record('irregular', '', source.irregular()),
        withId: (id) => record('id', id, source.withId(id)),
        all: () => record('all', '', source.all()),
      },
      current: () => true,
    });
  for (const field of KNOWLEDGE_FIELDS) {
    const value = input[field];
    Object.defineProperty(input, field, {
      enumerable: true,
      get() {
        reads.lists[field] ??= listHash(value);
        return value;
      },
    });
  }
  return {
    reads,
    seal: () => {
      reads.calls = JSON.stringify([...calls.values()]);
      return reads;
    },
  };
}

/**
 * Whether a run that made `reads` would read the same from `input` (built with the real knowledge):
 * the same conversation part and the same answer to every recorded read. Only then is its output
 * the output of a run on `input`.
 */
export function sameReads(reads: AnnotateReads, input: AnnotateInput): boolean {
  const state = knownStateOf(input);
  if (reads.digest !== undefined && reads.digest !== state?.digest) return false;
  if (reads.rest !== restHash(input)) return false;
  for (const field of KNOWLEDGE_FIELDS) {
    const hashed = reads.lists[field];
    if (hashed !== undefined && hashed !== listHash(input[field])) return false;
  }
  const source = state?.entities ?? listSource(input.entities);
  const calls = reads.calls ? (JSON.parse(reads.calls) as [Method, string, string][]) : [];
  for (const [method, argument, expected] of calls)
    if (answer(source, method, argument) !== expected) return false;
  return true;
}
