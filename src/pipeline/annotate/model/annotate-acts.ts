import { readConversation, type GivenActs } from '../annotate-context.js';
import type { ActsInput, ActsOutput } from '../acts/model/act-stage.js';
import type { AnnotateInput } from '../annotate-types.js';
import { dialogueActModel } from '../dialogue/act-model-once.js';

/** Context texts sent with a unit are cut here (the stage clips them again). */
const MAX_CONTEXT_CHARS = 200;

/**
 * The classify-acts input of a conversation: each author's message (bots and notices left out)
 * with the units annotate reads and the context the learned classifier reads them with, plus the
 * text of the previous message and of the one it answers, for the model.
 */
export function actsInputOf(input: AnnotateInput): ActsInput {
  const read = readConversation(input, dialogueActModel().model);
  const byId = new Map(input.messages.map((message) => [message.id, message]));
  let previous: string | undefined;
  return {
    messages: read.messages.flatMap((message) => {
      if (message.isBot) return [];
      const target =
        message.message.replyTo ??
        (message.message.thread && message.message.thread !== message.message.id
          ? message.message.thread
          : undefined);
      const replyToText = target ? byId.get(target)?.text.slice(0, MAX_CONTEXT_CHARS) : undefined;
      const entry = {
        id: message.message.id,
        units: message.units.map((unit) => unit.unit),
        context: message.actContext,
        ...(previous !== undefined ? { previousText: previous } : {}),
        ...(replyToText !== undefined ? { replyToText } : {}),
      };
      previous = message.message.text.slice(0, MAX_CONTEXT_CHARS);
      return [entry];
    }),
  };
}

/** The model's acts (those it read, not the learned fallback's) by unit id, for readConversation. */
export function givenActs(output: ActsOutput): GivenActs {
  return new Map(
    output.acts
      .filter((entry) => entry.by === 'model')
      .map((entry) => [entry.unit, { act: entry.act, confidence: entry.confidence }]),
  );
}
