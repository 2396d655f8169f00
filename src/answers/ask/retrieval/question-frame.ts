import { indexTerms } from '../../../memory/search/porter-stem.js';
import type { PeopleDirectory } from '../../people/people-directory.js';
import { normalizeQuestion } from '../parse-question.js';
import { questionTime, type QuestionTime } from '../question-time.js';
import { peopleNames } from './people-names.js';
import { equivalentStems } from './word-equivalents.js';

/**
 * What kind of answer a question wants. person: who; time: when; number: how much / how many
 * (money when it asks a price); reason: why, the cause; status: where something stands; blocker:
 * what holds it up; change: what changed; decision: what was decided; yesno; list; statement: what
 * a thing is or says.
 */
export type AnswerType =
  | 'person'
  | 'time'
  | 'number'
  | 'reason'
  | 'status'
  | 'blocker'
  | 'change'
  | 'decision'
  | 'yesno'
  | 'list'
  | 'statement';

export interface QueryTerm {
  /** The word as the question wrote it. */
  word: string;
  /** Its index term (Porter stem). */
  stem: string;
  /** Relative weight before IDF: words that only say what kind of answer is wanted weigh less. */
  weight: number;
  /** Stems of words that mean the same ("tz" for "zone", "attempts" for "tries"): they cover it too. */
  equivalents: readonly string[];
}

export interface QuestionFrame {
  question: string;
  /** Lower case, punctuation trimmed, the time phrase out. */
  text: string;
  type: AnswerType;
  /** A question about money ("how much does X charge"): a number needs a currency. */
  money: boolean;
  /** What "how many …" counts, as an index stem ("how many customers" → "custom"): the number should count it. */
  counted: string | null;
  /** "how long was X down", "how long did it take": the number is a length of time ("85 min", "2 days"). */
  duration?: boolean;
  /** Content words, in order. */
  terms: QueryTerm[];
  /** People the question names: as who said or did it ("what did Helena approve"), or as who it is about. */
  people: Array<{ keys: string[]; name: string; role: 'actor' | 'about' }>;
  /** A capitalised name the question uses as a person that is nobody in the directory. */
  unknownPerson: string | null;
  time: QuestionTime | null;
  /** "now", "currently", "still", "status": the latest state is wanted. */
  wantsLatest: boolean;
  /** "who asked for X", "who suggested X": the person is whoever wrote the passage, not one it names. */
  authorAnswers: boolean;
  /**
   * "who fixed X", "who figured out X": the deed's stem and its equivalents. A sentence that opens
   * with it and names no one else ("found why X…", "I fixed it") was done by its author.
   */
  deedStems: string[];
  /** The deed is past ("who found", "who fixed"): it was done once, so a later near-tie does not replace it. */
  deedDone: boolean;
}

const AUXILIARIES = new Set(
  'is are was were be been being am do does did done has have had having will would can could should shall may might must'.split(
    ' ',
  ),
);
const FUNCTION_WORDS = new Set(
  `a an the and or but of to in on at by for from with about into onto over under than then so as if
  that this these those there here it its i me my mine we us our ours you your yours they them their
  he him his she her hers what which who whom whose when where why how whats whos wheres hows
  any some all every each no not yet still now currently just also too very really actually please
  vs versus thru via per
  s t ll d re ve m`.split(/\s+/),
);
/** Words that say what kind of answer is wanted more than what it is about: they count, but less. */
const TYPE_WORDS = new Set(
  `status state update latest progress news happen happened happening going go goes change changed changes
  new decide decided decision decisions agree agreed block blocking blocked hold holding reason cause
  caused date dates time times day when long much many number amount say says said tell told think know knows
  get got make made need needs want wants give gave given use used put take took going
  thing things stuff plan plans situation out up back ever figure figured show showed technical underlying actual exact
  side officially technically basically exactly apparently supposedly definitely probably originally initially finally`.split(
    /\s+/,
  ),
);
/** Words that name the asked-for thing as a measure: "what SLA credit did we give" wants an amount. */
const MEASURES =
  /\b(?:how (?:much|many)|what(?:'s| is| was| are)? (?:the )?(?:\w+ )?(?:price|cost|fee|fees|amount|total|percentage|percent|rate|budget|discount|credit|refund|salary|count|number|size|limit|quota|charge|value)s?\b)|^what(?:'s| is| was| are)? .*\bworth\b/;
const MONEY =
  /\b(?:how much (?:does|did|do|will|would|is|was|are)\b|price|cost|costs|charge|charges|fee|fees|pay|paid|spend|budget|dollars?|euros?)\b/;

/** Words that ask where something stands; they say the type, not what it is about. */
const STATUS_PHRASE =
  /\b(?:status(?: of| on| with)?|state of|where (?:are|do) (?:we|things) (?:stand|at)?(?: (?:on|with))?|where are we(?: on| with)?|how is .+ going|how's .+ going|what's (?:happening|new|up) with|what is (?:happening|new) with|progress on|(?:any )?updates? (?:on|about|re)|(?:the )?latest (?:on|with|about|re)|(?:any )?news (?:on|about|re))\b/;

const WENT_WRONG = /\b(?:went|goes|is|was|'s) wrong\b/;

/** Reads what a question asks: its answer type, content words, people and time. */
export function frameQuestion(
  question: string,
  reference: string,
  people: PeopleDirectory,
  timeZone = 'UTC',
): QuestionFrame {
  const normalized = normalizeQuestion(question.slice(0, 2000));
  const time = questionTime(normalized, reference, timeZone) ?? null;
  const text = time ? time.rest : normalized;
  const type = answerTypeOf(text);
  const { found, unknown, nameWords } = namedPeople(question, text, people);
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  // "who reviewed the fix", "who's writing up the postmortem": the deed the answer must hold.
  const deedWord = /^who(?:'s| is| was| are)? (?:first |actually |originally |finally )?([a-z]+)\b/.exec(
    text,
  )?.[1];
  // "what's the latest on Lakeshore": "latest on" says the type; only "Lakeshore" is searched for.
  // "what went wrong with the invoice": the problem said is the answer; "went wrong" is not searched for.
  const said = (
    type === 'status'
      ? text.replace(STATUS_PHRASE, (phrase) =>
          /^how/.test(phrase) ? phrase.replace(/^how(?:'s| is)\s+|\s+going$/g, ' ') : ' ',
        )
      : text
  ).replace(WENT_WRONG, ' ');
  for (const word of said.match(/[\p{L}\p{N}][\p{L}\p{N}'’._-]*/gu) ?? []) {
    const plain = word.replace(/['’]s$/, '').replace(/[._-]+$/, '');
    const lower = plain.toLowerCase();
    if (lower.length < 2 && !/\d/.test(lower)) continue;
    if (AUXILIARIES.has(lower) || FUNCTION_WORDS.has(lower) || nameWords.has(lower)) continue;
    for (const stem of indexTerms(plain)) {
      if (seen.has(stem) || FUNCTION_WORDS.has(stem)) continue;
      seen.add(stem);
      // "who reviewed the fix": the deed is what the answer must hold, more than the thing it was done to.
      const deed = type === 'person' && deedWord === lower && !AUTHOR_VERBS.test(text);
      // "on the 14th": a message names the day as "Oct 14" or "the 14th".
      const day = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(lower)?.[1];
      terms.push({
        word: plain,
        stem,
        weight: TYPE_WORDS.has(lower) ? 0.35 : deed ? 2 : 1,
        equivalents: day ? [day, ...equivalentStems(stem)] : equivalentStems(stem),
      });
    }
  }
  return {
    question,
    text,
    type,
    money: (type === 'number' && MONEY.test(text)) || /^how much\b/.test(text),
    counted: countedStem(text),
    duration: DURATION.test(text),
    terms,
    people: found,
    unknownPerson: unknown,
    time,
    authorAnswers: type === 'person' && AUTHOR_VERBS.test(text),
    deedStems: deedStemsOf(type === 'person' && !AUTHOR_VERBS.test(text) ? deedWord : undefined),
    // "who found X" (not "who is assigned X": a state, which a later message may change).
    deedDone:
      type === 'person' &&
      deedWord !== undefined &&
      PAST_DEED.test(deedWord) &&
      new RegExp(`^who (?:first |actually |originally |finally )?${deedWord}\\b`).test(text),
    wantsLatest:
      type === 'status' ||
      time?.kind === 'now' ||
      /\b(?:still|now|currently|latest|so far|yet)\b/.test(normalized),
  };
}

const PAST_DEED = /^(?:\w+ed|found|made|wrote|built|broke|caught|sent|ran|took|led|did|won|set|put|got)$/;

function deedStemsOf(deed: string | undefined): string[] {
  if (!deed || AUXILIARIES.has(deed) || FUNCTION_WORDS.has(deed)) return [];
  const stem = indexTerms(deed)[0];
  return stem ? [stem, ...equivalentStems(stem)] : [];
}

/** Verbs whose doer is the one who wrote the message: asking, proposing, reporting, announcing. */
const AUTHOR_VERBS =
  /^who(?: \w+)?? (?:first )?(?:asked|requested|raised|reported|proposed|suggested|said|mentioned|wrote|posted|flagged|complained|offered|volunteered|announced|shared|brought up|pointed out|noticed|wanted|needed|pushed(?: for| to)?|lobbied|argued|insisted|pitched)\b/;

/** Asks how long something lasted or will take ("how long is X backup" asks until when, and is left out). */
const DURATION = /^how long (?:was|were|did|has|have|had|will|would|does|do|should)\b/;

export function answerTypeOf(text: string): AnswerType {
  if (/^(?:who|whom|whose)\b|^(?:which|what) (?:person|people|team ?member|engineer|one of us)\b/.test(text))
    return 'person';
  if (/\b(?:root cause|cause of|caused|why)\b/.test(text)) return 'reason';
  if (STATUS_PHRASE.test(text)) return 'status';
  if (/\b(?:blocking|holding up|blocked|stuck|waiting on|what stops|preventing)\b/.test(text))
    return 'blocker';
  if (
    /^(?:when|what time|what date|by when|how soon|until when)\b|\b(?:what|which) (?:day|date|time|week|month)s?\b|\bdates\b/.test(
      text,
    )
  )
    return 'time';
  if (MEASURES.test(text) || DURATION.test(text)) return 'number';
  if (
    /\b(?:what|anything)(?:'s| has| have)? (?:changed|new|happened)\b|\bchanges? (?:to|in|about|on)\b/.test(
      text,
    )
  )
    return 'change';
  if (
    /\b(?:decide|decided|decision|decisions|agree|agreed|conclude|concluded|settle[d]? on|land(?:ed)? on|go with|went with)\b/.test(
      text,
    )
  )
    return 'decision';
  if (/^(?:is|are|was|were|does|do|did|can|could|will|would|should|has|have|had)\b/.test(text))
    return 'yesno';
  if (/^(?:list|what are (?:the|all|our)|which)\b/.test(text)) return 'list';
  return 'statement';
}

/**
 * The people a question names, by full name, first name or @handle; a capitalised word in an
 * actor's slot ("what did Kevin approve", "did Kevin …") that is nobody known is reported so the
 * answer can say so.
 */
function namedPeople(
  original: string,
  text: string,
  directory: PeopleDirectory,
): { found: QuestionFrame['people']; unknown: string | null; nameWords: Set<string> } {
  const names = peopleNames(directory);
  const found: QuestionFrame['people'] = [];
  const nameWords = new Set<string>();
  let unknown: string | null = null;
  const actorSlot =
    /^(?:what|which \w+|how much|how many|when|why|where|who)(?: \w+)?? (?:did|does|do|has|have|had|is|was|will|would|can) ([\p{L}][\p{L}'’-]*) \w+/u.exec(
      text,
    ) ?? /^(?:did|does|has|is|was|will|can|could) ([\p{L}][\p{L}'’-]*) /u.exec(text);
  const words = original.match(/@?[\p{L}][\p{L}'’.-]*/gu) ?? [];
  for (let i = 0; i < words.length; i++) {
    let word = words[i].replace(/^@/, '').replace(/['’]s$/, '');
    // "priyas pto": a possessive written without its apostrophe.
    if (/s$/.test(word) && !names.resolve(word) && names.isCasualName(word.slice(0, -1).toLowerCase()))
      word = word.slice(0, -1);
    const lower = word.toLowerCase();
    if (lower.length < 2 || FUNCTION_WORDS.has(lower) || AUXILIARIES.has(lower) || TYPE_WORDS.has(lower))
      continue;
    const inActorSlot = actorSlot !== null && actorSlot[1] === lower;
    const capital = /^\p{Lu}/u.test(word) && i > 0;
    // "what time is nadia's maintenance": chat questions write first names lower-case too.
    if (!capital && !words[i].startsWith('@') && !inActorSlot && !names.isCasualName(lower)) continue;
    const next = words[i + 1]?.replace(/['’]s$/, '');
    const full = next && /^\p{Lu}/u.test(next) ? names.resolve(`${word} ${next}`) : undefined;
    const id = full ?? names.resolve(word);
    if (!id) {
      if (inActorSlot && capital && !unknown) unknown = word;
      continue;
    }
    nameWords.add(lower);
    nameWords.add(
      words[i]
        .replace(/^@/, '')
        .replace(/['’]s$/, '')
        .toLowerCase(),
    );
    if (full && next) nameWords.add(next.toLowerCase());
    if (found.some((person) => person.keys[0] === id)) continue;
    const human = directory.human(id);
    found.push({ keys: human.keys, name: human.name, role: inActorSlot ? 'actor' : 'about' });
  }
  return { found, unknown, nameWords };
}

/** "how many customers were double charged" → the stem of "customers". */
function countedStem(text: string): string | null {
  const noun = /^how many (\p{L}[\p{L}'’-]*)/u.exec(text)?.[1];
  return noun ? (indexTerms(noun)[0] ?? null) : null;
}
