import type { AnnotateContext, ReadMessage } from '../annotate-context.js';
import { answeredMessage } from '../message-index.js';
import { entityOfPhrase, objectSlot } from './object-slot.js';

/** "who owns the partner API these days?", "who's responsible for invoicing?": the thing asked about. */
const WHO_HOLDS_WHAT =
  /\bwho(?:['’]s| is| does)?\s+(?:owns?|handles?|runs?|maintains?|looks? after|manages?|is responsible for|responsible for|in charge of|is in charge of|(?:the )?(?:owner|contact|point person|dri|lead|go-to) (?:of|for|on))\s+(.+?)(?:\s+(?:these days|now|nowadays|today|currently|at the moment))?\s*\?/i;
/** "Priya", "that's Priya", "I think Sam does", "Lena now": a person's name and nothing else. */
const NAME_ALONE =
  /^\W*(?<hedge>(?:[Ii] think|[Ii] believe|[Pp]robably|[Pp]rob|[Mm]aybe|[Pp]retty sure|AFAIK|afaik)[,]?\s+)?(?:(?:[Tt]hat['’]?s|[Tt]hat would be|[Tt]hat['’]d be|[Ii]t['’]?s)\s+)?@?(?<name>\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)(?:\s+(?:does|now|these days|i think|i believe|afaik))?[\s.!?]*$/u;

export interface NameAnswer {
  subject: string;
  object: string;
  hedged: boolean;
  question: string;
}

/**
 * A name given as the whole answer to a question about who holds a thing ("who owns the partner
 * API these days?" → "Priya"): that person holds it, citing both messages.
 */
export function nameAnswer(context: AnnotateContext, read: ReadMessage): NameAnswer | undefined {
  const match = NAME_ALONE.exec(read.text);
  if (!match?.groups) return undefined;
  const subject = context.people.resolve(match.groups.name);
  if (!subject) return undefined;
  const asked = answeredMessage(context.messages, read);
  if (!asked || asked.message.author === subject) return undefined;
  const thing = WHO_HOLDS_WHAT.exec(asked.text)?.[1];
  const phrase = thing ? objectSlot(thing).phrases[0] : undefined;
  const object = phrase ? entityOfPhrase(context, phrase) : undefined;
  if (!object) return undefined;
  return { subject, object, hedged: match.groups.hedge !== undefined, question: asked.message.id };
}
