import { z } from 'zod';
import type { OperationInput, OperationName, OperationResult } from '../../app/operations.js';

/**
 * The tools `outro mcp` offers, as a table: each with its input schema, the words an assistant
 * reads to decide when to use it, and a handler that calls one app operation (in the daemon when
 * one runs, else in this process: see ./serve.ts) and returns text and structured content. Every
 * tool only reads: none ingests, appends to the log or marks a brief as seen.
 */

/** What a handler gets: the operations of this build by name, typed, and any name (checked at run time). */
export interface ToolCalls {
  app<Name extends OperationName>(name: Name, input: OperationInput<Name>): Promise<OperationResult<Name>>;
  /** An operation this build may not have (`search`, `items`, `people` land from other branches). */
  byName(name: string, input: Record<string, unknown>): Promise<unknown>;
}

export interface ToolAnswer {
  text: string;
  structured: Record<string, unknown>;
}

export interface OutroTool {
  name: string;
  title: string;
  description: string;
  input: z.ZodObject;
  output?: z.ZodObject;
  run(calls: ToolCalls, args: unknown): Promise<ToolAnswer>;
}

function tool<Input extends z.ZodObject>(definition: {
  name: string;
  title: string;
  description: string;
  input: Input;
  output?: z.ZodObject;
  run(calls: ToolCalls, args: z.output<Input>): Promise<ToolAnswer>;
}): OutroTool {
  return { ...definition, run: (calls, args) => definition.run(calls, definition.input.parse(args)) };
}

const when = z
  .string()
  .min(1)
  .describe(
    'an ISO date or time (2026-11-19, 2026-11-19T09:00:00+01:00) or a duration back from now (24h, 3d)',
  );

/** Where a message was said: enough for an assistant to quote it and for a person to find it. */
const citation = z.looseObject({
  source: z.string().describe('slack, teams, discord or calendar'),
  channel: z.string().describe('the native channel id (or channel key)'),
  channelName: z.string().optional().describe('how the channel is shown: #billing, DM Ana & Bo'),
  messageId: z.string().optional().describe('the native message id (Slack ts, Teams id, Discord snowflake)'),
  nativeId: z.string().optional().describe('the native message id'),
  author: z.string(),
  snippet: z.string(),
});

async function renderAnswer() {
  return (await import('../../answers/ask/render-answer.js')).renderAnswer;
}

const ask = tool({
  name: 'ask',
  title: 'Ask about the team',
  description:
    "Answer a question about the user's team from their chat exports (Slack, Teams, Discord) and calendar: who owns or owned a component, who took over, who to ask about something, what was decided about X, what a person is working on, what blocks X, what is waiting on the user, what changed about X. Use it for who/what questions about people, ownership, decisions and open asks. The answer comes with a confidence, its history and the messages it rests on (source, channel, author, time, native id) — quote those. `known: false` means outro does not know: say so, do not guess.",
  input: z.strictObject({
    question: z.string().min(1).describe('the question in plain English, e.g. "who owns billing"'),
    asOf: z
      .string()
      .min(1)
      .optional()
      .describe('answer as of a day (YYYY-MM-DD, end of that day) or an ISO time; default now'),
  }),
  output: z.looseObject({
    question: z.string(),
    known: z.boolean().describe('false: outro does not know ("I don\'t know"), with what it searched'),
    text: z.string(),
    confidence: z.number(),
    asOf: z.string(),
    evidence: z.array(citation),
    history: z.array(z.looseObject({})),
    searched: z.array(z.string()),
  }),
  async run(calls, args) {
    const { answer, timeZone } = await calls.app('ask', {
      question: args.question,
      asOf: args.asOf,
      model: true,
    });
    return {
      text: (await renderAnswer())(answer, timeZone).join('\n'),
      structured: { ...answer, ...(timeZone ? { timeZone } : {}) },
    };
  },
});

const brief = tool({
  name: 'brief',
  title: 'Brief: what happened',
  description:
    'What happened in a window of time, led by what waits on the user: questions, approvals and action items for them, decisions, their meetings that day, conversations grouped by topic, and changed facts (who owns what) — every item citing its messages. Use it for "what did I miss", "catch me up on yesterday", "what is on today". It does not mark anything as read. Without `since` it covers the time since the last brief the user saw (else 24 h).',
  input: z.strictObject({
    since: when
      .optional()
      .describe('start of the window: ISO date/time or a duration back from now (24h, 3d)'),
    until: when.optional().describe('end of the window: ISO date/time or a duration back; default now'),
    me: z
      .string()
      .min(1)
      .optional()
      .describe('whose brief: a handle, email or name (default: the config `me`)'),
  }),
  output: z.looseObject({
    window: z.looseObject({ since: z.string(), until: z.string() }),
    reader: z.looseObject({ name: z.string() }),
    waiting: z.array(z.looseObject({ text: z.string(), evidence: z.array(z.looseObject({})) })),
    decisions: z.array(z.looseObject({ summary: z.string() })),
    conversations: z.array(z.looseObject({ topic: z.string() })),
    facts: z.array(z.looseObject({})),
  }),
  async run(calls, args) {
    const made = await calls.app('brief', { since: args.since, until: args.until, me: args.me, peek: true });
    const { renderBriefMarkdown } = await import('../../answers/brief/render-markdown.js');
    return { text: renderBriefMarkdown(made), structured: { ...made } };
  },
});

const history = tool({
  name: 'history',
  title: 'History of a component or person',
  description:
    'Every fact recorded about a component, project or person over time — owners and who worked on it, asserted, superseded, ended or retracted, with confidence — and the decisions about it, each with the messages it rests on. Use it for "how did ownership of billing change", "what do we know about Priya". `known: false` means nothing by that name is known.',
  input: z.strictObject({
    entity: z.string().min(1).describe('a component, project or team name or alias, or a person'),
  }),
  output: z.looseObject({
    query: z.string(),
    known: z.boolean(),
    entity: z.looseObject({ kind: z.string(), id: z.string(), name: z.string() }).nullable(),
    facts: z.array(z.looseObject({ evidence: z.array(citation) })),
    decisions: z.array(z.looseObject({ evidence: z.array(citation) })),
  }),
  async run(calls, args) {
    const { history: found, timeZone } = await calls.app('history', { entity: args.entity });
    const { renderHistory } = await import('../../answers/ask/render-answer.js');
    return {
      text: renderHistory(found, timeZone).join('\n'),
      structured: { ...found, known: found.entity !== null, ...(timeZone ? { timeZone } : {}) },
    };
  },
});

/** The text of a result whose shape this build does not know: its JSON. */
function asAnswer(result: unknown): ToolAnswer {
  const structured =
    typeof result === 'object' && result !== null && !Array.isArray(result)
      ? (result as Record<string, unknown>)
      : { result };
  return { text: JSON.stringify(result, null, 2), structured };
}

const search = tool({
  name: 'search',
  title: 'Search messages and conversations',
  description:
    'Full-text search over the messages, conversation topics and summaries, decisions and items, ranked, with snippets and citations. Use it to find where or when something was discussed, to quote what someone said, or when `ask` does not know. Supports phrases ("on call") and prefixes (refund*).',
  input: z.strictObject({
    query: z.string().min(1).describe('words, a "quoted phrase" or a prefix*'),
    from: z.string().min(1).optional().describe('only messages by this person (name, handle or email)'),
    channel: z.string().min(1).optional().describe('only this channel (#billing or its id)'),
    since: when.optional(),
    until: when.optional(),
    kind: z
      .enum(['message', 'decision', 'item', 'question', 'fact', 'conversation'])
      .optional()
      .describe('only this kind of result'),
    limit: z.number().int().min(1).max(50).optional().describe('at most this many results (default 10)'),
  }),
  async run(calls, args) {
    const { kind, limit, ...filters } = args;
    return asAnswer(await calls.app('search', { ...filters, kinds: kind ? [kind] : [], limit: limit ?? 10 }));
  },
});

const items = tool({
  name: 'items',
  title: 'Decisions, action items and questions',
  description:
    'Decisions, action items and questions as a list a manager can work from, each with its state and cited messages. Use it for "what do I still owe people", "open action items for Priya", "what did we decide this week". `for` is the assignee or the person asked.',
  input: z.strictObject({
    kind: z.enum(['decision', 'action', 'question']).optional().describe('only this kind'),
    for: z.string().min(1).optional().describe('assignee or addressee: a name, handle or email, or "me"'),
    open: z.boolean().optional().describe('true: only items still open; false: only those done'),
    since: when.optional(),
    until: when.optional(),
    channel: z.string().min(1).optional().describe('only this channel (#billing or its id)'),
  }),
  async run(calls, args) {
    const { kind, open, ...filters } = args;
    return asAnswer(
      await calls.app('items', {
        ...filters,
        ...(kind ? { kinds: [kind] } : {}),
        ...(open === undefined ? {} : { state: open ? 'open' : 'done' }),
      }),
    );
  },
});

const people = tool({
  name: 'people',
  title: 'People',
  description:
    'The people outro knows, each with every account, handle and email across Slack, Teams, Discord and the calendar (linked as one person). Use it to find who someone is, how their name is spelled, or which accounts are theirs; without `name`, everyone.',
  input: z.strictObject({
    name: z.string().min(1).optional().describe('a name, handle or email to look up; omit for everyone'),
  }),
  async run(calls, args) {
    return asAnswer(await calls.app('people', { who: args.name, bots: false }));
  },
});

export const TOOLS: readonly OutroTool[] = [ask, search, brief, items, history, people];
