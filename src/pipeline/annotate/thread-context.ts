import type { AnnotateContext, ReadMessage } from './annotate-context.js';
import { messageById } from './message-index.js';

/** An ask or promise that names no one and nothing by name ("sending pricing Monday", "which do you want?"): its thread says what it is about. */
export function namesNothing(text: string): boolean {
  const undated = text
    .replace(/^\W*\p{L}/u, '')
    .replace(
      /\b(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*/giu,
      '',
    );
  return !/(?:^|\s)(?!I\b|I['’])[\p{Lu}\d][\p{L}\d]/u.test(undated);
}

/** The first message of the thread a reply sits in. */
export function threadRoot(context: AnnotateContext, read: ReadMessage): string | undefined {
  const { thread, id } = read.message;
  if (!thread || thread === id) return undefined;
  return messageById(context.messages, thread)?.message.id;
}
