import { nextDate, startOfLocalDay } from '../../domain/time-zones.js';
import type { AskIntent, ParsedQuestion } from './ask-types.js';
import { questionTime } from './question-time.js';

interface Pattern {
  intent: AskIntent;
  re: RegExp;
}

/** Intents asked without naming anything: "what's waiting on me", "what happened this week". */
const TARGETLESS = new Set<AskIntent>([
  'waiting-on-me',
  'on-call',
  'my-meetings',
  'decisions-in',
  'happened',
]);

/** Tried in order; the first group is the target. Questions are lowercased and trimmed of punctuation first. */
/** Words that say a meeting was called off ("which 1:1 was dropped", answer-meetings.ts reads them too). */
export const CALLED_OFF = String.raw`(?:dropped|cancel+ed|skipped|called off|taken out)`;
/** Words that make a question's thing a calendar meeting ("the Cedar Valley QBR", "my 1:1 with Ale"). */
const MEETING_WORD = String.raw`(?:meeting|call|sync|1:1|one-on-one|standup|stand-up|qbr|all-hands|offsite|off-site|workshop|interview|retro|retrospective|kickoff|kick-off|town ?hall|catch-up|check-in|training)`;

const PATTERNS: Pattern[] = [
  {
    intent: 'waiting-on-me',
    re: /^(?:what(?:'s| is)?|anything) (?:(?:still )?waiting|pending|blocked) (?:on|for) me()$/,
  },
  {
    intent: 'waiting-on-me',
    re: /^(?:what (?:do i (?:still )?owe|needs my (?:attention|answer|approval|sign-?off))|(?:is there )?anything (?:that )?i (?:still )?owe)()(?: (?:anyone|anybody|people|others|the team))?$/,
  },
  {
    intent: 'waiting-on-me',
    // "what's still open on my plate going into next wk": what is on me now, however the week is said.
    re: /^(?:what(?:'s| is| am i)?|anything) (?:still )?(?:open |left |outstanding |pending )?(?:on my plate|on the hook for|on me|do people need from me|does anyone need from me)(?: (?:going into|heading into|before|for|by|this|next)(?: (?:the )?(?:this |next )?(?:week|wk|weekend|month|eod|eow|today|tomorrow|(?:mon|tues|wednes|thurs|fri)day))?)?()$/,
  },
  { intent: 'waiting-on-me', re: /^(?:who is|who's) waiting on me()$/ },
  {
    // "anything I need to reply to?", "what do I need to answer", "who needs an answer from me"
    intent: 'waiting-on-me',
    re: /^(?:(?:is there )?anything|what|which (?:messages|questions|threads)|who) (?:do |does )?(?:i (?:still )?(?:need|have|ought) to |needs? (?:a|an|my) )(?:reply(?: to)?|answer|respond(?: to)?|get back to|follow up on|response|decision)(?: from me)?()$/,
  },
  {
    intent: 'on-call',
    re: /^(?:who(?:'s| is| was| will be)?|who has|who had) (?:on[- ]call|on duty|the pager|holding the pager|on the (?:on[- ]call )?rota(?:tion)?)(?: (next week|tomorrow|tonight|this weekend|next weekend))?(?: (?:during|for|in) .*)?$/,
  },
  { intent: 'owner', re: /^when did .+? (?:take over|start owning|become (?:the )?owner of|get) (.+)$/ },
  { intent: 'owner', re: /^who took over (.+?)(?: from .+)?$/ },
  {
    intent: 'ask-whom',
    re: /^who (?:should|could|can|do|would) i (?:ask|talk to|speak to|go to|ping|contact|reach out to) (?:about|for|regarding|on|with) (.+)$/,
  },
  {
    intent: 'ask-whom',
    re: /^who (?:should|would|does|do) (?:an? )?(.+?) (?:questions?|issues?|problems?|requests?|tickets?) (?:go|get routed|be routed|be sent) to$/,
  },
  { intent: 'ask-whom', re: /^who (?:can|could) (?:help|answer questions) (?:with|about|on) (.+)$/ },
  { intent: 'ask-whom', re: /^who(?:'s| is) the go-?to (?:person )?(?:for|on) (.+)$/ },
  { intent: 'expert', re: /^who (?:knows|understands) (.+?)(?: (?:best|well|the most|most))?$/ },
  { intent: 'expert', re: /^who(?:'s| is) (?:the |an )?expert (?:on|in|for) (.+)$/ },
  // "who is the router expert", "who's our billing guru": the thing comes before the role.
  {
    intent: 'expert',
    re: /^who(?:'s| is) (?:the |our |an |a )?(.+?) (?:expert|guru|go-to person|specialist|person to ask)$/,
  },
  {
    intent: 'owner',
    re: /^who(?:'s| is| was) (?:the |our )?(.+?) (?:lead|owner|maintainer|point person|dri|contact|account manager)$/,
  },
  { intent: 'works-on', re: /^who(?:'s| is| are)? (?:working|works) on (.+)$/ },
  // "who's handling billing": what someone handles, runs or looks after is theirs.
  {
    intent: 'owner',
    re: /^who(?:'s| is| are) (?:handling|managing|running|leading|looking after|taking care of|in charge of|responsible for) (.+)$/,
  },
  // "who's writing up the postmortem", "who is phoning the two customers": whoever has that work.
  {
    intent: 'works-on',
    re: /^who(?:'s| is| are) (?!going\b|being\b|getting\b|having\b|doing\b|working\b|on\b|in\b)([a-z]+ing\b.+)$/,
  },
  {
    intent: 'owner',
    re: /^who(?:'s| is| was)? (?:the |our )?(?:owner|point person|point of contact|poc|contact|main contact|lead|maintainer|dri|person responsible|responsible|in charge|account (?:manager|owner)) (?:of|for|on) (.+)$/,
  },
  {
    intent: 'owner',
    re: /^who (?:owns|owned|maintains|maintained|handles|handled|runs|ran|leads|led|manages|managed|is responsible for|was responsible for|looks after|looked after|takes care of|took care of) (.+)$/,
  },
  { intent: 'owner', re: /^whose (?:account|project|call|area|baby|thing|responsibility) is (.+)$/ },
  { intent: 'owner', re: /^whose is (.+)$/ },
  // "is sam still the search indexer guy?": who holds it now answers it.
  {
    intent: 'owner',
    re: /^is [\p{L}'’-]+ (?:still |now )?(?:the |our )?(.+?) (?:guy|gal|person|owner|lead|contact|go-to(?: person)?)$/u,
  },
  // "csv export — who?", "billing: who owns it": the thing first, then the question.
  {
    intent: 'owner',
    re: /^(?!who\b|what\b|when\b)(.+?)\s*(?:—|–|-|:)\s*who(?:'s| is)?(?: (?:owns|has|handles|runs) it| on it)?$/,
  },
  { intent: 'owner', re: /^(?:who is |who's )?(?:the )?(.+?) owner$/ },
  { intent: 'working-on', re: /^what (?:does|did) (.+?) (?:own|work on|look after)$/ },
  {
    intent: 'decided',
    re: /^what (?:did|have) (?:we|they|you|the team) (?:decide|decided|agree|agreed) (?:about|on|for|regarding) (.+)$/,
  },
  // "what did Owen decide about the rollout": a person's decisions (answerDecided narrows to theirs).
  {
    intent: 'decided',
    re: /^what (?:did|has|have) (?!i\b)[\p{L}][\p{L}'’-]* (?:decide|decided|agree|agreed|approve|approved|sign off on|signed off on) (?:about |on |for |regarding )?(.+)$/u,
  },
  { intent: 'decided', re: /^(?:any )?decisions? (?:about|on|for) (.+)$/ },
  {
    intent: 'decider',
    re: /^who (?:approved|decided(?: on)?|signed off on|okayed|ok'?d|agreed to|made the call on|green-?lit|chose|picked) (.+)$/,
  },
  { intent: 'decider', re: /^whose (?:call|decision|idea) was (?:it )?(?:to )?(.+)$/ },
  { intent: 'decided', re: /^what (?:was|were|is|are) (?:the )?decisions? (?:about|on|for) (.+)$/ },
  { intent: 'working-on', re: /^what(?:'s| is| are)? (.+?) (?:working on|doing|busy with)$/ },
  { intent: 'working-on', re: /^what(?:'s| is) on (?!my\b)(.+?)'s plate$/ },
  {
    intent: 'working-on',
    re: /^what (?:are|is) (?!my\b)(.+?)'s (?:open )?(?:items|tasks|to-?dos|action items|work|priorities)$/,
  },
  { intent: 'working-on', re: /^what does (?!i\b)(.+?) (?:still )?(?:have to do|have on|owe people)$/ },
  {
    // "open action items for Sam", "tasks assigned to Lena", "what's assigned to Marco"
    intent: 'working-on',
    re: /^(?:(?:what(?:'s| is| are)?|any|list|show(?: me)?) )?(?:the |all )?(?:open |outstanding |pending )?(?:action items|items|tasks|to-?dos) (?:for|of|assigned to|on) (?!me\b|us\b)(.+)$/,
  },
  { intent: 'working-on', re: /^what(?:'s| is| are)? (?:assigned to|on the plate of) (?!me\b|us\b)(.+)$/ },
  {
    intent: 'blocking',
    re: /^what (?:am (i)|are (we)) (?:still )?(?:waiting (?:on|for)|blocked on)(?: from (?:others|people|anyone))?$/,
  },
  { intent: 'blocking', re: /^(?:who|what) (?:still )?owes (me)(?: anything)?$/ },
  { intent: 'blocking', re: /^what do (?:others|people|they|folks) (?:still )?owe (me)$/ },
  { intent: 'blocking', re: /^what(?:'s| is| are)? (?:blocking|holding up|waiting on|stuck on) (.+)$/ },
  { intent: 'blocking', re: /^(?:why|what) is (.+?) (?:blocked|stuck)(?: on)?$/ },
  {
    intent: 'changed',
    re: /^what(?:'s| has| have)? (?:changed|new|happened) (?:about|with|for|on|in) (.+)$/,
  },
  {
    intent: 'my-meetings',
    re: /^(?:what(?:'s| is)? on my (?:calendar|schedule|agenda)|what meetings (?:do i have|have i got|am i in|are there)|(?:do i have )?any meetings)(?: (tomorrow|next week))?$/,
  },
  {
    intent: 'meeting',
    re: /^when (?:do|will|am|shall|can) (?:i|we) (?:next )?(?:meet|see|talk to|speak to|speak with|catch up with|sync with|have (?:a|my|the|our) (?:call|meeting|1:1|one-on-one) with) (.+?)(?: next)?$/,
  },
  // Last: "when is the Cedar Valley QBR" is a meeting; when none is titled so, the messages are searched.
  {
    intent: 'meeting',
    re: new RegExp(
      String.raw`^when(?:'s| is| was| will be| are) (?:the |my |our |a |an )?(?:next )?(.*\b${MEETING_WORD}\b.*)$`,
    ),
  },
  // "which of my 1:1s with Ale was dropped this month?": the calendar's cancelled occurrences.
  {
    intent: 'meeting',
    re: new RegExp(
      String.raw`^which (?:of )?(?:my |the |our )?(.+?) (?:was|were|got|has been|have been) ${CALLED_OFF}(?: from (?:the|my) (?:calendar|schedule))?$`,
    ),
  },
  // "is there standup on wed the 25th" (the day is the question's time): the calendar says.
  {
    intent: 'meeting',
    re: new RegExp(
      String.raw`^(?:is|was) there (?:a |an |the |my |our )?(.*\b${MEETING_WORD}\b.*?)(?: the \d{1,2}(?:st|nd|rd|th)?)?$`,
    ),
  },
  // "is the cedar valley QBR tomorrow still on?", "was the retro cancelled?": the calendar says whether it stands.
  {
    intent: 'meeting',
    re: new RegExp(
      String.raw`^(?:is|are|was|were|has|have) (?:the |my |our |a |an )?(?:next )?(.*\b${MEETING_WORD}\b.*?)(?: (?:tomorrow|today|tonight|this week|next week))? (?:still on|still happening|still going ahead|happening|going ahead|on|(?:been )?(?:cancelled|canceled|called off|moved|rescheduled))$`,
    ),
  },
  {
    intent: 'due',
    re: /^(?:what(?:'s| is| are)?|anything|is anything|are there any|any|which (?:items|tasks|action items)(?: are)?) (?:still )?(overdue|late|past due|due(?: soon)?|coming due)(?: items| tasks| action items)?(?: (?:today|tomorrow|this week|next week))?$/,
  },
  {
    intent: 'decisions-in',
    re: /^(?:what|which|any) decisions?(?: (?:were|have been|got|did we|has the team|have we))?(?: (?:made|taken|make|take))?()$/,
  },
  {
    intent: 'decisions-in',
    re: /^what (?:did|have) (?:we|they|the team|you) (?:decide|decided|agree|agreed)(?: on)?()$/,
  },
  {
    intent: 'happened',
    re: /^(?:what(?:'s| has)? (?:happened|been happening|went on|new)|what did i miss|catch me up|anything new|what(?:'s| is) the news)()$/,
  },
  {
    intent: 'owed-to',
    re: /^what (?:did i promise|have i promised|do i (?:still )?owe|am i doing for|did i say i'd do for) (?!anyone\b|anybody\b|people\b|others\b|the team\b)(.+)$/,
  },
  { intent: 'owed-to', re: /^what (?:does|did) (?!i\b)(.+?) (?:need|want|expect) from me$/ },
  { intent: 'owed-to', re: /^what(?:'s| is) (?!i\b)(.+?) waiting (?:on|for) from me$/ },
  { intent: 'owed-to', re: /^what (?:did|has|have) (?!i\b)(.+?) asked (?:me|of me)(?: for| about| to do)?$/ },
  { intent: 'owed-to', re: /^what did (?!i\b)(.+?) ask (?:me|of me)(?: for| about| to do)?$/ },
  { intent: 'item-due', re: /^when(?:'s| is| are| was| were) (?:the )?(.+?) due$/ },
  { intent: 'item-due', re: /^what(?:'s| is| was) the (?:deadline|due date) (?:for|on|of) (.+)$/ },
  {
    intent: 'item-due',
    re: /^when (?:do|does|did) (.+?) (?:need|have|has) to be (?:done|finished|ready|sent|in|delivered)$/,
  },
  { intent: 'person', re: /^what(?:'s| is) (?!my\b)(.+?)'s (?:role|title|job|position|job title)$/ },
  { intent: 'person', re: /^what does (?!i\b)(.+?) do(?: here| for us)?$/ },
  // "what time is the roadmap review": a calendar entry of that title, else the messages.
  {
    intent: 'meeting',
    re: /^what time(?:'s| is| was| will be| are) (?:the |my |our |a |an )?(?:next )?(.+)$/,
  },
  // Last: "who is Greg" when nothing above read it; a target that names nobody goes to the messages.
  { intent: 'person', re: /^(?:who(?:'s| is| was)|tell me about|what do (?:we|you) know about) (.+)$/ },
];

/**
 * Understands a question without a model: a time phrase anywhere in it (read relative to
 * `reference`, the as-of time — never the clock), then a fixed set of patterns. Returns undefined
 * when no pattern matches (the answer then comes from retrieval).
 */
export function parseQuestion(
  question: string,
  reference: Date,
  timeZone = 'UTC',
): ParsedQuestion | undefined {
  // "what's waiting on me this morning? approvals, questions, anything": the question, then what it means.
  const first = /^(.+?\?)\s+\S/.exec(question.trim())?.[1];
  const firstParsed = first ? parseQuestion(first, reference, timeZone) : undefined;
  if (firstParsed) return firstParsed;
  let text = normalizeQuestion(question);
  const time = questionTime(text, reference.toISOString(), timeZone);
  if (time) text = time.rest;
  for (const { intent, re } of PATTERNS) {
    const match = re.exec(text);
    if (!match) continue;
    const target = (match[1] ?? match[2] ?? '')
      // "what did I promise Elena and is it due": the second question is not part of the name.
      .replace(/\s+and (?:is|are|was|were|when|what|how|did|does|do|has|have|will|can)\b.*$/, '')
      .replace(/\b(?:right )?now$|\bcurrently$|\bthese days$|\btoday$/, '')
      .trim();
    if (!TARGETLESS.has(intent) && target === '') continue;
    // "now" is the as-of time itself: nothing to override.
    return { intent, target, ...(time && time.kind !== 'now' ? { asOf: time.at, time } : {}) };
  }
  return undefined;
}

const CHAT_OPENING =
  /^(?:(?:hey|hi|btw|ok|okay|so|also|quick q(?:uestion)?|q|sorry)[,:!]?\s+)*(?:(?:can|could) (?:you|u|someone) )?(?:remind me|refresh my memory)(?: (?:of|on|about))?[,:]?\s+/;
/** "tl;dr why did …", "do we know when …", "any idea who …": the asker's framing before the question word. */
const QUESTION_OPENING =
  /^(?:(?:tl;?dr|quick q(?:uestion)?|q|btw|hey|hi|so|also)[,:!]?\s+)*(?:(?:do|does) (?:we|you|u|anyone|anybody) know|(?:any|got an?) idea|anyone know|i wonder|wondering)[,:]?\s+(?=(?:who|what|when|where|why|how|which)\b)|^(?:tl;?dr|quick q(?:uestion)?)[,:!]?\s+/;
const CHAT_CLOSING =
  /(?:[\s,;:-]+(?:again|pls|plz|please|roughly|approximately|approx|short version(?: pls| please)?|tl;?dr|thanks|thx|ty))+[?!.]*$/;

/** Lower case, straight apostrophes, no closing punctuation, single spaces, no "remind me" or "… again pls". */
export function normalizeQuestion(question: string): string {
  return (
    question
      .toLowerCase()
      .replace(/[’`]/g, "'")
      .replace(/^whos\b/, "who's")
      .replace(/^whats\b/, "what's")
      .replace(/^wat(?='s\b|\s)/, 'what')
      // "why'd we drop it", "who'd know": the question word and its auxiliary.
      .replace(/^(why|who|what|how|where|when)'d\b/, '$1 did')
      // "who officially owns the gateway": the owner, asked with emphasis.
      .replace(/^(who(?:'s| is| was)?) (?:officially|formally|really|currently|exactly|technically) /, '$1 ')
      // "my 1:1 w priya", "sync w/ Lena": with.
      .replace(/\s+w\/\s*|\s+w\s+(?=\p{L})/gu, ' with ')
      // What follows the question without another question is context or an aside: "when will the app
      // support portuguese? ines has been asking.", "priyas pto dates again? i approved it but forgot".
      .replace(/(?<=\S+\s+\S+\s+\S+[^?]*)\?\s+[^?]+$/, '')
      .replace(/[?!.]+\s*$/g, '')
      // "what did we decide this week (oct 19–23)": dates in brackets restate the period already said.
      .replace(
        /(\b(?:this|last|next|past) (?:week|month|quarter|year)|\b(?:today|yesterday))\s*\([^()]*\d[^()]*\)$/,
        '$1',
      )
      .replace(/\s+/g, ' ')
      // "remind me why we stopped friday deploys", "hackathon dates again pls": what the asker says
      // around the question, not what it is about.
      .replace(CHAT_OPENING, '')
      .replace(QUESTION_OPENING, '')
      .replace(CHAT_CLOSING, '')
      // "what's waiting on me this morning": now, said another way.
      .replace(/ (?:this (?:morning|afternoon|evening)|right now)$/, '')
      .trim()
  );
}

/**
 * A time phrase on its own ("last week", "3 days ago", "2026-11-10", "on 2026-11-10") as ISO UTC,
 * or undefined: how a phrase the model copied from the question becomes an as-of time.
 */
export function resolveTimePhrase(phrase: string, reference: Date, timeZone = 'UTC'): string | undefined {
  const text = normalizeQuestion(phrase);
  if (text === '') return undefined;
  const found = questionTime(/^\d{4}-/.test(text) ? `on ${text}` : text, reference.toISOString(), timeZone);
  return found && found.rest.trim() === '' ? found.at : undefined;
}

/**
 * `--as-of` and dates in questions: a day (`2026-11-10`) means the end of that day in `timeZone`
 * (UTC when absent); a full ISO time is taken as given. Undefined when it is not a time.
 */
export function parseAsOf(value: string, timeZone?: string): string | undefined {
  const day = /^\d{4}-\d{2}-\d{2}$/.exec(value.trim());
  // The end of the day is the instant before the next one starts (23 or 25 hours later across DST).
  if (day) return new Date(startOfLocalDay(nextDate(day[0]), timeZone ?? 'UTC').getTime() - 1).toISOString();
  const time = Date.parse(value.trim().toUpperCase());
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** The questions understood, for the "I don't understand" answer and --help. */
export const QUESTION_EXAMPLES = [
  'who owns billing',
  'who owned billing last week',
  'who owned billing on 2026-11-10',
  'who should I ask about SSO',
  'who is working on the SDK',
  'who knows billing best',
  'what did we decide about search',
  'what is Priya working on',
  'what is blocking Lena',
  'what is waiting on me',
  'what changed about billing',
  'who is on call this week',
  'what do I still owe people',
  'when is the security audit',
  'what was the root cause of the outage',
] as const;
