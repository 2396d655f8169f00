import type { FactRelation } from '../../../domain/annotations.js';

/**
 * Fact phrasings. `P` is a person slot (a name, @handle, I/me/mine, you), `Y` an entity slot; both
 * are named groups. `dated` patterns take their valid-from date from the sentence ("from Monday").
 */
export interface FactPattern {
  relation: FactRelation;
  pattern: RegExp;
  dated?: boolean;
}

/** One word, or two for a full name ("Priya Nair"): personOf reads which of them names someone. */
const P = String.raw`(?<p>@?[\p{L}][\p{L}_.-]*(?: [\p{L}][\p{L}'’-]+)?|i|you|me)`;
const Y = String.raw`(?<y>[@\p{L}][\p{L}\d_./-]*(?: [\p{L}\d_./-]+){0,3}?)`;
const END = String.raw`(?=\s*(?:$|[,.;:!?)(—–]|\s-\s|\s(?:from|since|starting|now|today|these days|anymore|too|first|as of|and|but|so|with|at|on|this|next|last|yesterday|recently|earlier|back|for|go|here|nothing|until|once|since|then|when|after|because|i think|i believe|i guess|afaik|iirc)\b))`;

const rx = (source: string): RegExp => new RegExp(source, 'iu');

export const FACT_PATTERNS: FactPattern[] = [
  {
    relation: 'owns',
    dated: true,
    pattern: rx(String.raw`\b${P}(?: is|'s| are| am|'m) taking over (?:the )?${Y}${END}`),
  },
  {
    relation: 'owns',
    dated: true,
    pattern: rx(
      String.raw`\b${P}(?:'ve|’ve| have| has|'s)? (?:took|takes|take|taken|will take|'ll take) over (?:the )?${Y}${END}`,
    ),
  },
  // "Priya took it over last month": the thing said before.
  {
    relation: 'owns',
    dated: true,
    pattern: rx(
      String.raw`\b${P}(?:'ve|’ve| have| has|'s)? (?:took|takes|taken|will take|'ll take) (?<y>it|that|them|those) over\b`,
    ),
  },
  // "not sure who handles the social accounts, might be Lena?": a guess at the holder, hedged.
  {
    relation: 'owns',
    pattern: rx(
      String.raw`\bwho (?:owns|handles|runs|manages|maintains|looks after|takes care of|deals with) (?:the )?${Y},? (?:(?:it |that )?(?:might|may|could|would) be|maybe|probably|possibly) ${P}\s*\?`,
    ),
  },
  {
    relation: 'owns',
    dated: true,
    pattern: rx(String.raw`\b${P} (?:inherits|is inheriting|'s inheriting) (?:the )?${Y}${END}`),
  },
  {
    relation: 'owns',
    pattern: rx(String.raw`\bhand(?:ed|ing|s)? (?:over )?(?:the )?${Y} (?:over )?to ${P}\b`),
  },
  // "nope, gave that to marco when I moved teams": the thing asked about, passed on.
  {
    relation: 'owns',
    pattern: rx(
      String.raw`\b(?:gave|given|passed|moved|handed) (?<y>it|that|this|them)(?: over| on)? to ${P}\b`,
    ),
  },
  // "lena's taking it over starting today".
  {
    relation: 'owns',
    dated: true,
    pattern: rx(String.raw`\b${P}(?: is|'s|’s| are) taking (?<y>it|that|this|them) over\b`),
  },
  // "GTFS feed questions go to lena now", "template requests come to me from now on".
  {
    relation: 'owns',
    dated: true,
    pattern: rx(
      String.raw`\b${Y} (?:questions|requests|tickets|issues|stuff|things) (?:now |all )?(?:go|goes|come|comes) (?:straight )?to ${P}${END}`,
    ),
  },
  // "marco's been on it since sept" (what "it" is comes from the question before).
  {
    relation: 'owns',
    pattern: rx(String.raw`\b${P}(?:'s|’s| has) been on (?<y>it|that|this|them)\b`),
  },
  // "fyi priya has the distributor accounts now".
  {
    relation: 'owns',
    dated: true,
    pattern: rx(
      String.raw`\b${P} (?:has|have|'s got|’s got) (?!(?:\w+ed|been|done|gone|seen|made|to|no|nothing|asked|said|told)\b)(?:the |our )?${Y} now\b`,
    ),
  },
  {
    relation: 'owns',
    dated: true,
    pattern: rx(
      String.raw`\b${P}(?:'ll| will)? (?:(?:might|may|probably|could|still|now|actually) ){0,2}(?:owns|own|owned) (?:the )?${Y}${END}`,
    ),
  },
  {
    relation: 'owns',
    pattern: rx(String.raw`\b${Y}(?: is|'s) (?:all )?${P}(?:'s|s') (?:baby|thing|area|domain|turf)\b`),
  },
  {
    relation: 'owns',
    pattern: rx(String.raw`\b${Y}(?: is|'s) (?:all )?(?<p>mine|@[\p{L}][\p{L}_.-]*)(?:\s+now)?${END}`),
  },
  {
    relation: 'owns',
    pattern: rx(
      String.raw`\b(?:ping|ask|talk to|go to|loop in) ${P} (?:in )?(?:for|about|re|on) (?:anything|everything|all things)(?: to do with)? (?:the )?${Y}${END}`,
    ),
  },
  {
    relation: 'owns',
    pattern: rx(
      String.raw`\b${P}(?: is|'s|'m| am| are|'re) (?:still )?(?:the |our |your )?(?:point person|go-to(?: person)?|owner|dri|maintainer|contact|lead|person to ask|person) (?:for|of|on) (?:the )?${Y}${END}`,
    ),
  },
  {
    relation: 'owns',
    pattern: rx(
      String.raw`\b${P} (?:is |'m |am |are |now )?(?:still )?(?:runs|run|running|maintains|maintain|maintaining|looks? after|looking after|handles|handle|is responsible for|am responsible for|leads|leading|is leading|is in charge of) (?:the )?${Y}${END}`,
    ),
  },
  { relation: 'owns', pattern: rx(String.raw`\b${Y} (?:is|are) (?:owned|maintained|run) by ${P}\b`) },
  { relation: 'owns', pattern: rx(String.raw`\b${Y} belongs to ${P}\b`) },
  // "backups for the archive are Sam's", "that's Priya's now": the thing is theirs (not "Sam's fault").
  {
    relation: 'owns',
    pattern: rx(
      String.raw`\b${Y} (?:is|are|'s) (?:all |now |still )?(?<p>@?\p{Lu}[\p{L}_.-]*)(?:'s|’s)(?:\s+now)?${END}`,
    ),
  },
  // "that moved to Lena in October", "that's with Sam now", "X lives with Priya's team", "X falls under Marco's team".
  {
    relation: 'owns',
    dated: true,
    pattern: rx(
      String.raw`\b${Y}(?: has| is|'s)? (?:now |since )?(?:moved|sits|lives|falls|fall) (?:over )?(?:to|with|under) ${P}(?:(?:'s|’s) (?:team|group|squad|side|desk))?(?:${END}|(?=\s+in\b))`,
    ),
  },
  // "I no longer handle X, that's with Sam now" (not "the doc is with Lena": a thing in someone's hands).
  {
    relation: 'owns',
    pattern: rx(
      String.raw`\b(?<y>that|it)(?: is|'s) (?:now )?(?:with|under) ${P}(?:(?:'s|’s) (?:team|group|squad))?${END}`,
    ),
  },
  {
    relation: 'owns',
    pattern: rx(String.raw`\b${Y}(?:'s)? (?:owner|lead|dri|maintainer)(?: is|:)\s*${P}\b`),
  },
  {
    relation: 'owns',
    pattern: rx(String.raw`\b${P}(?: is|'s) (?:the |our )?${Y} (?:owner|lead|dri|maintainer)\b`),
  },
  {
    relation: 'owns',
    pattern: rx(String.raw`\b${P} (?:manages|heads|heads up|oversees) (?:the )?${Y}${END}`),
  },
  {
    relation: 'owns',
    pattern: rx(
      String.raw`\b${P}(?: is|'s|'m| am| are|'re) (?:in charge of|on point for|accountable for) (?:the )?${Y}${END}`,
    ),
  },
  {
    relation: 'owns',
    pattern: rx(String.raw`\b(?:owner|dri|point person|maintainer) (?:of|for) (?:the )?${Y} (?:is|=) ${P}\b`),
  },
  {
    relation: 'owns',
    pattern: rx(
      String.raw`\b${P}(?: is|'s|'m| am) (?:the |our )?(?:one|person) to (?:ask|talk to|ping) (?:about|for|re) (?:the )?${Y}${END}`,
    ),
  },
  {
    relation: 'works_on',
    dated: true,
    pattern: rx(
      String.raw`\b${P}(?: is|'s|'m| am| are| has been|'s been|'ve been| have been) (?:now |also |still |mostly |currently )?(?:working on|helping (?:out )?with|hacking on|busy with|heads[- ]down on|focused on|focusing on) (?:the )?${Y}${END}`,
    ),
  },
  {
    relation: 'works_on',
    dated: true,
    pattern: rx(
      String.raw`\b${P} (?:joins|joined|is joining|'s joining) (?:the )?${Y}(?: team| squad)?${END}`,
    ),
  },
  { relation: 'works_on', pattern: rx(String.raw`\b${P} (?:works|work|worked) on (?:the )?${Y}${END}`) },
  {
    relation: 'works_on',
    pattern: rx(String.raw`\b${P}(?: is|'s|'m| am| are|'re) (?:on|in) the ${Y} (?:team|squad|crew)\b`),
  },
  {
    relation: 'works_on',
    dated: true,
    pattern: rx(
      String.raw`\b${P} (?:moves|is moving|'s moving|'m moving|am moving|moved) (?:over )?(?:from [\p{L} ]+? )?to (?:the )?${Y}${END}`,
    ),
  },
  { relation: 'works_on', pattern: rx(String.raw`\b${P}(?:'m| am) (?:on|taking) (?:the )?${Y}${END}`) },
  {
    relation: 'expert_in',
    pattern: rx(
      String.raw`\b${P} (?:still )?knows? (?:the )?${Y} (?:best|better than (?:anyone|me|us|all of us|i do)|inside out|really well)\b`,
    ),
  },
  {
    relation: 'expert_in',
    pattern: rx(
      String.raw`\b${P}(?: is|'s| are) (?:the |our )?(?:expert|guru|wizard) (?:on|for|in) (?:the )?${Y}${END}`,
    ),
  },
  {
    relation: 'expert_in',
    pattern: rx(String.raw`\b${P} knows (?:a lot|everything|the most) about (?:the )?${Y}${END}`),
  },
  {
    relation: 'expert_in',
    pattern: rx(
      String.raw`\b${P}(?: has| had) (?:the most |a lot of |deep |all the )?context on (?:the )?${Y}${END}`,
    ),
  },
  {
    relation: 'expert_in',
    pattern: rx(
      String.raw`\b${P}(?: is|'s) (?:the |our )?(?:sme|subject matter expert) (?:on|for) (?:the )?${Y}${END}`,
    ),
  },
  {
    relation: 'expert_in',
    pattern: rx(
      String.raw`\b(?:questions|anything|if it'?s|if it is|whatever'?s) about (?:the )?${Y},? (?:just )?(?:ask|ping|talk to) ${P}\b`,
    ),
  },
  {
    relation: 'expert_in',
    pattern: rx(
      String.raw`\b(?:ask|check with) ${P} (?:about|re|on) (?:the )?${Y}(?:[,?]|\s+(?:she|he|they) (?:knows|wrote|built|might know|may know))`,
    ),
  },
  {
    relation: 'expert_in',
    pattern: rx(String.raw`\b${P} (?:wrote|built|designed) (?:most of )?(?:the )?${Y}${END}`),
  },
  // "ping marco, he's the only one who understands our provisioning profiles": the one named, then why.
  {
    relation: 'expert_in',
    pattern: rx(
      String.raw`\b(?:ask|ping|talk to|check with|get) ${P}[,.;:—–-]+\s*(?:she|he|they)(?:'s|’s| is| are) (?:the )?(?:only )?(?:one|person|guy|gal) (?:who|that) (?:really |actually |still )?(?:knows|understands|gets|can (?:read|fix|debug)) (?:about )?(?:the |our )?${Y}${END}`,
    ),
  },
  // "marco might know, he touched the IAP code last": who may know, and why (hedged by "might").
  {
    relation: 'expert_in',
    pattern: rx(
      String.raw`\b${P} (?:might|may|would|should|probably|prob) know\b[,.;:—–-]*\s+(?:she|he|they)(?:'s|’s| has| had)?\s+(?:touched|wrote|built|worked on|set up|did|redid|refactored|migrated|debugged) (?:the |our )?${Y}${END}`,
    ),
  },
  // "if anyone has questions about the gradebook, Lena is the person to ask".
  {
    relation: 'expert_in',
    pattern: rx(
      String.raw`\b(?:questions?|anything|help|issues?) (?:about|on|with) (?:the )?${Y},? ${P}(?: is|'s) (?:the |our |your )?(?:person|one|go-to(?: person)?) to (?:ask|talk to|ping)\b`,
    ),
  },
  // "for anything touching the plugin API, ping Marco": who to go to for it.
  {
    relation: 'expert_in',
    pattern: rx(
      String.raw`\b(?:questions|anything|stuff|issues|problems) (?:touching|involving|related to|regarding|around|re) (?:the )?${Y},? (?:just )?(?:ask|ping|talk to|go to) ${P}\b`,
    ),
  },
  // "Sam's the one who knows the old BMS config": who knows it.
  {
    relation: 'expert_in',
    pattern: rx(
      String.raw`\b${P}(?: is|'s) (?:the )?(?:only )?(?:one|person|guy|gal) (?:who|that) (?:really |actually |still )?(?:knows|understands|gets|can (?:read|fix|debug)) (?:about )?(?:the |our )?${Y}${END}`,
    ),
  },
  // "I think priya knows the VDK protocol?": who knows how a thing is done.
  {
    relation: 'expert_in',
    pattern: rx(
      String.raw`\b${P} (?:knows|would know|might know) (?:the |our )?${Y} (?:process|protocol|procedure|drill|setup|rules|system|workflow)\b`,
    ),
  },
  // "I think Lena might know how the tax receipts work": who knows it, hedged by the words around it.
  {
    relation: 'expert_in',
    pattern: rx(
      String.raw`\b${P} (?:might |may |probably |would |should )?knows? how (?:the )?${Y} (?:works?|is done|are done)\b`,
    ),
  },
  // "if you hit weird stuff with the state machine, ask Lena": who to go to when it comes up.
  {
    relation: 'expert_in',
    pattern: rx(
      String.raw`\bif (?:you|u|we|anyone) (?:hit|have|get|run into|see|need|find)\b[^,]{0,40}? (?:with|about|on|in) (?:the )?${Y}, (?:just )?(?:ask|ping|talk to|go to) ${P}\b`,
    ),
  },
  {
    relation: 'expert_in',
    pattern: rx(
      String.raw`\b${P}(?: is|'s| are) (?:the |our )?${Y} (?:expert|guru|wizard|nerd|whisperer|specialist|buff)\b`,
    ),
  },
];

/** "correction: it's A, not B", "actually it's not B, it's A", "not B — A", "scratch that, it's A" (B: the last fact's subject). Groups `new` and `old`. */
export const CORRECTION_PATTERNS: RegExp[] = [
  /\b[Ii] meant (?<new>@?\p{Lu}[\p{L}_.-]*),? not (?<old>@?\p{Lu}[\p{L}_.-]*)/u,
  /\b(?:no wait|scratch that|my bad|oops)\b[^.]*?\bit'?s (?:actually )?(?<new>@?\p{Lu}[\p{L}_.-]*)\b/iu,
  /\b(?:correction|actually)\b[^.]*?\b(?<old>@?\p{Lu}[\p{L}_.-]*) (?:doesn'?t|does not|no longer) (?:own|maintain|run)\b[^.]*?\b(?<new>@?\p{Lu}[\p{L}_.-]*) does\b/iu,
  /\b(?:correction|actually|sorry|oops)\b[^.]*?\bit'?s (?<new>@?[\p{L}][\p{L}_.-]*),? not (?<old>@?[\p{L}][\p{L}_.-]*)/iu,
  /\b(?:correction|actually)\b[^.]*?\bit'?s not (?<old>@?[\p{L}][\p{L}_.-]*),? it'?s (?<new>@?[\p{L}][\p{L}_.-]*)/iu,
  /\bnot (?<old>@?\p{Lu}[\p{L}_.-]*)\s*[,—–-]+\s*(?:it'?s )?(?<new>@?\p{Lu}[\p{L}_.-]*)\b/u,
  // "no, it's Sam since the reorg" answering a guess: the last holder someone else named is wrong.
  /^\W*(?:no|nope|nah)\b[,.!]?\s+(?:it'?s|it is|that'?s|that is)\s+(?:actually\s+)?(?<new>@?\p{Lu}[\p{L}_.-]*)\b/u,
];
