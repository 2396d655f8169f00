import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { RUN_STATUSES } from './run-statuses.js';

/**
 * The typed options of every use case the CLI may run through the daemon: plain JSON, validated
 * here when a request arrives over the socket. Paths are absolute (the CLI resolves them against
 * the user's working directory; the daemon has none of its own to offer).
 */
const absolute = z.string().refine(isAbsolute, { message: 'must be an absolute path' });
const text = z.string().min(1);
const count = z.number().int().positive();

export const OPERATION_INPUTS = {
  /** `outro ingest`: each input read at `path` and named `shown` (as typed) in reports. */
  ingest: z.strictObject({
    inputs: z.array(z.strictObject({ path: absolute, shown: text })).min(1),
    agents: z.boolean(),
  }),
  status: z.strictObject({}),
  ask: z.strictObject({ question: text, asOf: z.string().optional(), model: z.boolean() }),
  history: z.strictObject({ entity: text }),
  search: z.strictObject({
    query: z.string(),
    from: z.string().optional(),
    channel: z.string().optional(),
    since: z.string().optional(),
    until: z.string().optional(),
    kinds: z.array(z.enum(['message', 'decision', 'item', 'question', 'fact', 'conversation'])),
    limit: z.number().int().min(1).max(1000),
  }),
  brief: z.strictObject({
    since: z.string().optional(),
    until: z.string().optional(),
    me: z.string().optional(),
    peek: z.boolean(),
    modelBudget: z.string().optional(),
  }),
  digest: z.strictObject({
    out: absolute.optional(),
    dir: absolute.optional(),
    at: z.string().optional(),
    me: z.string().optional(),
    modelBudget: z.string().optional(),
  }),
  'digest.latest': z.strictObject({}),
  /** `outro items`: every filter optional; kinds empty or absent means every kind. */
  items: z.strictObject({
    kinds: z.array(z.enum(['decision', 'action', 'question'])).optional(),
    for: text.optional(),
    state: z.enum(['open', 'done']).optional(),
    since: z.string().optional(),
    until: z.string().optional(),
    channel: text.optional(),
  }),
  /** `outro people [WHO]`: the list, or one human (any handle, id, display name or email). */
  people: z.strictObject({ who: text.optional(), bots: z.boolean() }),
  conversations: z.strictObject({
    channel: z.string().optional(),
    since: z.string().optional(),
    until: z.string().optional(),
    all: z.boolean(),
    limit: count,
    related: z.boolean(),
  }),
  runs: z.strictObject({ status: z.enum(RUN_STATUSES).optional(), limit: count }),
  'runs.show': z.strictObject({ run: text }),
  retry: z.strictObject({ id: text.optional(), all: z.boolean(), agents: z.boolean() }),
  /** Any number, as SQLite's LIMIT reads it (the CLI turns a missing or 0 --limit into 20). */
  trace: z.strictObject({ limit: z.number() }),
  'trace.show': z.strictObject({ run: text }),
  'trace.prune': z.strictObject({}),
  replay: z.strictObject({}),
  backup: z.strictObject({ list: z.boolean().optional() }),
  'eval.run': z.strictObject({
    datasets: z.array(absolute).min(1),
    threshold: z.number().min(0).max(1).optional(),
    thresholds: z.record(z.string(), z.number().min(0).max(1)),
    trials: z.number().int().min(1).max(100),
    judge: z.boolean(),
  }),
  'eval.list': z.strictObject({ limit: z.number() }),
  'eval.compare': z.strictObject({ before: text, after: text }),
};

/** Each operation's input, by name. */
export type OperationInputs = {
  [Name in keyof typeof OPERATION_INPUTS]: z.infer<(typeof OPERATION_INPUTS)[Name]>;
};
type Inputs = OperationInputs;

export type IngestInput = Inputs['ingest'];
export type StatusInput = Inputs['status'];
export type AskInput = Inputs['ask'];
export type HistoryInput = Inputs['history'];
export type SearchInput = Inputs['search'];
export type BriefInput = Inputs['brief'];
export type DigestInput = Inputs['digest'];
export type ItemsInput = Inputs['items'];
export type PeopleInput = Inputs['people'];
export type ConversationsInput = Inputs['conversations'];
export type RunsInput = Inputs['runs'];
export type RunShowInput = Inputs['runs.show'];
export type RetryInput = Inputs['retry'];
export type TraceListInput = Inputs['trace'];
export type TraceShowInput = Inputs['trace.show'];
export type EvalRunInput = Inputs['eval.run'];
export type EvalListInput = Inputs['eval.list'];
export type EvalCompareInput = Inputs['eval.compare'];
