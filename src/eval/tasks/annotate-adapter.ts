import { runAnnotate } from '../../pipeline/annotate/annotate-stage.js';
import type { AnnotateInput, AnnotateOutput } from '../../pipeline/annotate/annotate-types.js';
import type { ModelRuntime } from '../../llm/model-runtime.js';
import type { TaskServices } from '../task.js';

/**
 * The one seam between `outro eval` and the annotate stage (src/pipeline/annotate). Dataset rows
 * carry a conversation as plain data; this file turns it into the stage's AnnotateInput, calls the
 * stage, and hands back its AnnotateOutput (message ids, person keys, entity ids).
 *
 * If the stage's entry point or input changes, this file is the one to adapt.
 */
export interface EvalMessage {
  /** `<source>:<native channel id>:<native message id>`, as in truth.json. */
  ref: string;
  source: string;
  workspace: string;
  channel: string;
  /** Native message id. */
  id: string;
  /** Person key (`slack:U07…`, `discord:<id>`, `teams:<aad id>`). */
  author: string;
  authorName: string;
  text: string;
  /** ISO time. */
  ts: string;
  /** Refs of the thread root and the replied-to message. */
  thread: string | null;
  replyTo: string | null;
}

export interface EvalConversation {
  id: string;
  /** `<source>:<native channel id>`. */
  channel: string;
  channelName?: string;
  messages: EvalMessage[];
}

export interface RosterPerson {
  id: string;
  name: string;
  identities: string[];
}

export interface RosterComponent {
  id: string;
  names: string[];
}

export interface AnnotateContext {
  people: RosterPerson[];
  components: RosterComponent[];
  timezone: string;
  now: Date;
  services: TaskServices;
  signal?: AbortSignal;
}

export type AnnotateConversation = (
  conversation: EvalConversation,
  context: AnnotateContext,
) => Promise<AnnotateOutput>;

/**
 * The annotate stage as a function of an eval conversation: runAnnotate (heuristic; the model
 * strategy with heuristic fallback when the caller's services hold a model runtime). No stage
 * cache, so every run measures the stage as it is now.
 */
export async function loadAnnotate(): Promise<AnnotateConversation | { skipped: string }> {
  return async (conversation, context) => {
    const runtime = context.services.model as Partial<ModelRuntime> | undefined;
    const result = await runAnnotate(
      toAnnotateInput(conversation, context),
      { now: context.now, signal: context.signal },
      runtime?.client ? { modelClient: runtime.client } : {},
    );
    return result.output;
  };
}

/** A dataset conversation as the annotate stage's input. */
export function toAnnotateInput(
  conversation: EvalConversation,
  context: Pick<AnnotateContext, 'people' | 'components' | 'timezone'>,
): AnnotateInput {
  const first = conversation.messages[0];
  const source = (first?.source ?? conversation.channel.split(':')[0]) as AnnotateInput['ref']['source'];
  const native = (ref: string | null): string | null => (ref ? ref.slice(ref.lastIndexOf(':') + 1) : null);
  return {
    conversationId: conversation.id,
    channel: conversation.channel,
    messages: conversation.messages.map((m) => ({
      id: m.id,
      author: m.author,
      authorName: m.authorName,
      ts: m.ts,
      text: m.text,
      kind: 'message',
      replyTo: native(m.replyTo),
      thread: native(m.thread),
    })),
    people: context.people.map((person) => ({
      key:
        person.identities.find((identity) => identity.startsWith(`${source}:`)) ??
        person.identities[0] ??
        person.id,
      name: person.name,
      aliases: [person.name.split(' ')[0], person.id],
    })),
    entities: context.components.map((component) => ({
      id: component.id,
      name: component.names[0] ?? component.id,
      kind: 'component',
      aliases: component.names.slice(1),
    })),
    ref: {
      source,
      workspace: first?.workspace ?? source,
      channel: first?.channel ?? conversation.channel.slice(conversation.channel.indexOf(':') + 1),
    },
    timezone: context.timezone,
    dm: source === 'slack' && /^D/.test(first?.channel ?? ''),
  };
}
