import type { AnnotateContext, ReadMessage } from '../annotate-context.js';
import { answeredMessage } from '../message-index.js';
import { entityOfPhrase, objectSlot } from './object-slot.js';

/** "who owns the partner API these days?", "who's responsible for invoicing?": the thing asked about. */
const WHO_HOLDS_WHAT =
  /\bwho(?:['’]s| is| does)?\s+(?:owns?|handles?|runs?|maintains?|looks? after|manages?|deals? with|takes? care of|is responsible for|responsible for|in charge of|is in charge of|(?:is |['’]s )?(?:handling|running|maintaining|managing|looking after|owning|driving|leading)|should i (?:ask|talk to|ping) about|do i (?:ask|talk to|ping) about|(?:the )?(?:owner|contact|point person|dri|lead|go-to) (?:of|for|on))\s+(.+?)(?:\s+(?:these days|now|nowadays|today|currently|at the moment))?\s*\?/i;
/** "who's our expert on GDPR?", "who knows the billing DB best?": the thing asked about, known. */
const WHO_KNOWS_WHAT =
  /\bwho(?:['’]s| is)?\s+(?:(?:our|the|an?)\s+)?(?:expert|guru|specialist)\s+(?:on|in|for)\s+(.+?)\s*\?|\bwho\s+knows\s+(?:the\s+)?(.+?)(?:\s+(?:best|well|the most|inside out))?\s*\?/i;
/** "Priya", "that's Priya", "I think Sam does", "Lena now": a person's name and nothing else. */
const NAME_ALONE =
  /^\W*(?:(?:no|nope|nah|actually|oh|still)[,!.]?\s+)?(?<hedge>(?:[Ii] think|[Ii] believe|[Pp]robably|[Pp]rob|[Mm]aybe|[Pp]retty sure|AFAIK|afaik)[,]?\s+)?(?:(?:[Tt]hat['’]?s(?: actually)?|[Tt]hat would be|[Tt]hat['’]d be|[Ii]t['’]?s(?: actually)?|(?:(?:[Tt]hat|[Ii]t) )?(?<may>might|may|could|should|must|would) be)\s+)?(?:@(?<handle>[\p{L}][\p{L}\d_.-]*)|(?<name>\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)|(?<casual>\p{Ll}{3,}))(?:[,\s]+(?:does|do|still|now|has (?:it|them|that|those)|these days|i think|i believe|afaik|AFAIK|iirc|as far as i know|knows (?:it|that|this)(?: best| well| inside out)?))*[\s.!?]*(?:[,;—–-]\s*(?:[Hh]ands down|[Ff]or sure|[Dd]efinitely|[Oo]bviously|[Ee]asily|[Nn]o question|[Oo]f course|100%)[\s.!]*)?(?:[,;—–-]\s*|(?<=[.!?])\s*)?(?:(?:[Ss]ince|[Ee]ver since|[Aa]s of|[Hh]e|[Ss]he|[Tt]hey|[Hh]e['’]s|[Ss]he['’]s|[Tt]hey['’]re|[Ff]rom)\b[^?]{0,80})?$/u;
/** "that's me", "me!", "yep, I do", "that would be me": the one answering holds it. */
const SELF_ALONE =
  /^\W*(?:(?:yes|yep|yeah|hi|oh|ah)[,!.]?\s+)?(?:(?:that['’]?s|that would be|that['’]d be|it['’]?s)\s+)?(?:me|i do|i am|myself|mine)\b[\s!.]*(?:$|[,;—–-]\s*(?:i['’]?(?:ve| have| am|m)\b|(?:since|from|as of|ever since|for now|still)\b))/i;

/** "you do 🙂", "that's you now": the one who asked holds it. */
const YOU_ALONE =
  /^\W*(?:(?:um+|uh+|well|lol|haha|oh)[,!.]?\s+)?(?:you do|you|that['’]?s you|it['’]?s you|you are)(?:\s+(?:now|do))?[\s!.]*[\p{Extended_Pictographic}\s]*$/iu;

export interface NameAnswer {
  relation: 'owns' | 'expert_in';
  subject: string;
  object: string;
  hedged: boolean;
  question: string;
}

/**
 * A name (or "that's me") given as the whole answer to a question about who holds a thing ("who owns the partner
 * API these days?" → "Priya"): that person holds it, citing both messages.
 */
export function nameAnswer(context: AnnotateContext, read: ReadMessage): NameAnswer | undefined {
  const found = NAME_ALONE.exec(read.text);
  // "lena, she runs it": a first name written lower-case, when it is one (not "yes", "sure").
  const casual = found?.groups?.casual;
  const match = casual !== undefined && !context.people.isCasualName(casual) ? null : found;
  const self = !match && SELF_ALONE.test(read.text);
  const you = !match && !self && YOU_ALONE.test(read.text);
  if (!match?.groups && !self && !you) return undefined;
  const asked = answeredMessage(context.messages, read);
  const subject = you
    ? asked?.message.author
    : self
      ? read.message.author
      : context.people.resolve(match?.groups?.name ?? match?.groups?.handle ?? match?.groups?.casual ?? '');
  if (!subject || !asked || (you ? subject === read.message.author : asked.message.author === subject))
    return undefined;
  const holds = WHO_HOLDS_WHAT.exec(asked.text);
  const knows = holds ? null : WHO_KNOWS_WHAT.exec(asked.text);
  const thing = holds?.[1] ?? knows?.[1] ?? knows?.[2];
  const relation = knows ? 'expert_in' : 'owns';
  // "the visa paperwork for new hires", "the GPU queue on the cluster": what is held is the paperwork, the queue.
  const phrase = thing
    ? objectSlot(thing.split(/\s+for\s+|\s+(?:on|in|at)\s+(?:the|our)\s+/i)[0]).phrases[0]
    : undefined;
  const object = phrase ? entityOfPhrase(context, phrase) : undefined;
  if (!object) return undefined;
  const hedged =
    match?.groups?.hedge !== undefined ||
    match?.groups?.may !== undefined ||
    /\b(?:i think|i believe|afaik|iirc|as far as i know)\b/i.test(read.text);
  return { relation, subject, object, hedged, question: asked.message.id };
}
