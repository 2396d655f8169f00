import { contentHash } from '../../../domain/ids.js';

/** What the annotate model strategy reads: one conversation with the people and entities it may name. */
export interface AnnotateModelInput {
  conversationId: string;
  /** Channel key. */
  channel: string;
  messages: Array<{ id: string; author: string; authorName: string; ts: string; text: string }>;
  /** Person keys and display names the model may refer to. */
  people: Array<{ key: string; name: string }>;
  /** Components and projects the model may refer to. */
  entities: Array<{ id: string; name: string }>;
}

export function annotateInputHash(input: AnnotateModelInput): string {
  return contentHash(input);
}
