/**
 * How an ownership statement places its two slots, over a clause whose persons are already slot
 * markers (person-slots.ts): `p` is the person's marker index, `y` the object side. A frame knows
 * only the cue and the order, never the words of a person or an object, so "label printing → ask
 * Mateo", "payroll/benefits → Leila" and "anything billing → me" are one frame.
 *
 * `needs` says when a frame is weak on its own: `pairing` frames ("Ines for anything database",
 * "ask Ravi about deploys") hold only with a catch-all ("anything", "everything"), with a second
 * pair in the same unit, or when the classifier read the unit as an ownership statement.
 * `antecedent` frames ("so that's me") name no object: the thing talked about before is meant.
 */
export interface OwnershipFrame {
  name: string;
  pattern: RegExp;
  needs?: 'pairing';
  antecedent?: boolean;
  /** A request or question cannot assert this frame ("can you own the doc?"). */
  declarative?: boolean;
  /** Read over the whole unit, heading included ("anything payments-related, ⟦0⟧'s your guy"). */
  whole?: boolean;
  /**
   * What a clause (lower-cased) must hold for `pattern` to match, where the pattern's required
   * literals (regex-gate.ts) are too short for the gate to use: tested first, so a clause without
   * it skips the pattern's backtracking.
   */
  cue?: RegExp;
}

const P = String.raw`⟦(?<p>\d+)⟧`;
const POSS = String.raw`(?:'s|’s)`;
const FILL = String.raw`(?:(?:probably|maybe|likely|possibly|sort of|i think|basically|really|mostly|all|totally|definitely|kinda|kind of|pretty much|now|still|also|officially|currently|more or less|very much|entirely|squarely|just|effectively|technically)\s+)*`;
const COPULA = String.raw`(?:\s+(?:is|are|was|has been|have been|(?:might|may|could|should|must|would) be|is probably|probably is)|'s|’s)`;
const LEAD = String.raw`^(?:(?:and|also|or|so|then|otherwise|plus|but|just|pls|please|ok|okay)\s+)*`;
const WHEN_WORDS = String.raw`(?:\s+(?:now|too|as well|these days|from now on|going forward|again|then|(?:from|starting|as of|effective|until|till|through)\b.*))?`;
const WHEN = String.raw`${WHEN_WORDS}\s*[.!]*$`;
/** The same, ending in a "?" too: a guess put as a question ("might be lena's?"). */
const WHEN_ASKED = String.raw`${WHEN_WORDS}\s*[.!?]*$`;
const ROLE = String.raw`(?:contact|point person|point of contact|poc|go-to(?:\s+(?:person|guy|gal))?|owner|dri|maintainer|lead|admin|administrator|keeper|(?:person|one|who) to (?:ask|talk to|ping|go to)|(?:who|the one|the person) you (?:want|need)|(?:guy|gal|person))`;
/** Roles that hold a thing; a bare "contact" before the name ("warehouse contact is Gordon") is an address, not an owner. */
const HOLDER = String.raw`(?:point person|point of contact|go-to(?:\s+person)?|owner|dri|maintainer|lead|admin)`;
const AREA = String.raw`(?:thing|baby|area|domain|turf|account|project|patch|remit|responsibility|wheelhouse|world|department|territory|piece|bag|show|beat|corner|lane|team|customer|client|portfolio)s?`;
const VERB = String.raw`(?:(?:runs?|running|is running) point on|(?:takes?|taking|took) point on|on point (?:for|on)|point on|owns?|runs|run|looks after|look after|takes care of|take care of|handles|handle|manages|manage|maintains|maintain|leads|lead|covers|cover|oversees|oversee|heads up|heads|owning|running|looking after|taking care of|handling|managing|maintaining|leading|covering|(?:is |are |am |'m |'s |’s )?(?:responsible|accountable|on point) for|(?:is |are |am |'m |'s |’s )?in charge of)`;
const ASK = String.raw`(?:ask|ping|talk to|go to|loop in|reach out to|check with|hit up|see)`;
const rx = (source: string): RegExp => new RegExp(source, 'iu');
const AUX = String.raw`(?:'s been|’s been|\s+has been|\s+have been|'s|’s|'m|’m|\s+is|\s+are|\s+am|\s+will be|'ll be|’ll be)`;

export const OWNERSHIP_FRAMES: OwnershipFrame[] = [
  // "my last day on the search indexer today": the speaker held it up to then (effective-date.ts reads the day).
  {
    name: 'last-day',
    declarative: true,
    pattern: rx(
      String.raw`${P}${POSS}?\s+last day\s+(?:on|with|owning|running|looking after|as (?:the )?(?:owner|lead) of)\s+(?<y>.+?)(?:\s+(?:today|tomorrow|on\s+\S+|this\s+\S+|\S+day))?\s*[.!]*$`,
    ),
  },
  // "Priya moves to the data platform full time": a move to a thing, for good.
  {
    name: 'moves',
    declarative: true,
    pattern: rx(
      String.raw`${P}\s+(?:moves|is moving|has moved|moved|switches|is switching|has switched|transfers|is transferring|goes|is going)\s+(?:over\s+)?to\s+(?<y>.+?)\s+(?:full[- ]time|for good|permanently)\b`,
    ),
  },
  // "the Norvik import is basically Ines's thing", "Halden Foods is my account"
  { name: 'area', pattern: rx(String.raw`^(?<y>.+?)${COPULA}\s+${FILL}${P}${POSS}\s+(?:own\s+)?${AREA}\b`) },
  // "billing's mine now", "that's Yun's now"
  // "the old SFTP feed might be lena's?": asked of nobody, a guess (hedged by its "?").
  {
    name: 'possessive',
    pattern: rx(String.raw`^(?<y>.+?)${COPULA}\s+${FILL}${P}${POSS}${WHEN_ASKED}`),
  },
  // "refunds run through me", "Halden Foods is with me", "billing questions go to Olu"
  {
    name: 'through',
    pattern: rx(
      String.raw`^(?<y>.+?)\s+(?:(?:always|usually|normally|still|now)\s+)?(?:runs?|goes|go|sits?|rests?|lives?|is|are|stays?|falls?|comes?|moves|is moving|passes|is passing|transfers|is going)\s+(?:over\s+)?(?:through|with|under|to)\s+${P}(?:\s+first)?${WHEN}`,
    ),
  },
  // "the billing service is owned by Priya"
  {
    name: 'passive',
    pattern: rx(
      String.raw`^(?<y>.+?)\s+(?:is|are|was|'s|has been|have been)\s+(?:now\s+)?(?:owned|run|maintained|handled|managed|led|looked after|covered|overseen|taken care of)\s+by\s+${P}`,
    ),
  },
  { name: 'belongs', pattern: rx(String.raw`^(?<y>.+?)\s+belongs?\s+to\s+${P}`) },
  // "dana has the final say on pricing": who decides it.
  {
    name: 'final-say',
    declarative: true,
    pattern: rx(
      String.raw`${P}\s+(?:has|holds|gets|'s got|’s got)\s+(?:the\s+)?(?:final|last)\s+(?:say|word|call)\s+(?:on|over|for|about)\s+(?<y>.+?)${WHEN}`,
    ),
  },
  // "whoever owns the vendor renewal, which is you now"
  {
    name: 'whoever',
    pattern: rx(
      String.raw`\b(?:whoever|the one who|the person who|the one that|the person that)\s+${VERB}\s+(?<y>.+?),?\s+(?:which|that|and that|who)\s*(?:is|'s|’s|would be|will be)\s+${P}`,
    ),
  },
  // "I look after the billing exports", "she runs our front office team"
  {
    name: 'verb',
    declarative: true,
    pattern: rx(String.raw`${P}(?:${AUX}|\s+will|'ll|’ll)?\s+${FILL}${VERB}\s+(?<y>.+)$`),
  },
  // "Dana from their finance team is the main contact for invoice queries from now on"
  {
    name: 'role',
    declarative: true,
    pattern: rx(
      String.raw`${P}(?:\s+(?:from|at|of|in|on|over at)\s+[^⟦]+?)?(?:\s+is|\s+are|'s|’s|'m|\s+am|\s+will be|'ll be)\s+${FILL}(?:the|our|their|your|my|a|an)?\s*(?:(?:main|primary|day-to-day|new|current|official|first|only|designated|single)\s+)*${ROLE}\s+(?:for|of|on|re|about|regarding)\s+(?<y>.+)$`,
    ),
  },
  // "the main contact for invoice queries is Dana", "billing owner: Priya"
  {
    name: 'role-first',
    pattern: rx(String.raw`\b${HOLDER}\s+(?:for|of|on)\s+(?<y>.+?)\s+(?:is|=|:|will be|is now)\s+${P}`),
  },
  {
    name: 'role-after',
    pattern: rx(String.raw`^(?<y>.+?)${POSS}?\s+${HOLDER}\s*(?:is|:|=|will be|is now)\s*${P}`),
  },
  // "label printing → ask Mateo", "payroll/benefits → Leila", "anything Gordon is upset about → me"
  {
    name: 'arrow',
    cue: /→|->|=>|⇒|➡/,
    pattern: rx(String.raw`(?<y>[^→⇒]+?)\s*(?:→|->|=>|⇒|➡️?)\s*(?:${ASK}\s+)?${P}\s*[.!]*$`),
  },
  // "please send SSO stuff to Kofi from Monday"
  {
    name: 'route',
    pattern: rx(
      String.raw`${LEAD}(?:route|send|forward|direct|point|redirect)\s+(?<y>.+?)\s+(?:to|at)\s+${P}${WHEN}`,
    ),
  },
  // "for billing questions, ask Olu", "for anything database, Ines"
  {
    name: 'for-ask',
    pattern: rx(String.raw`${LEAD}(?:for|re|about|regarding)\s+(?<y>.+?),?\s+(?:${ASK}\s+)?${P}\s*[.!]*$`),
  },
  // "for the data warehouse, ask Sam": the comma splits clauses, so this one reads the whole unit.
  {
    name: 'for-comma-ask',
    whole: true,
    pattern: rx(String.raw`^${LEAD}(?:for|re|about|regarding)\s+(?<y>[^→⇒:,;]+?),\s*${ASK}\s+${P}\s*[.!]*$`),
  },
  // "anything payments-related, Marco's your guy", "questions about SSO: Lena"
  {
    name: 'catch-all-first',
    whole: true,
    pattern: rx(
      String.raw`${LEAD}(?<y>(?:anything|everything|all things|questions?\s+(?:about|on|re))\b[^⟦]+?)\s*[,:–—-]\s*(?:${ASK}\s+)?${P}(?:(?:'s|’s|\s+is)\s+(?:your|the|our)\s+(?:guy|gal|person|contact|go-to|one))?\s*[.!]*$`,
    ),
  },
  // "Sam is our SSO person", "Lena's the backend lead"
  {
    name: 'role-noun',
    declarative: true,
    pattern: rx(
      String.raw`^${LEAD}${P}${AUX}\s+${FILL}(?:our|the|your|their)\s+(?<y>[^⟦]+?)\s+(?:person|guy|gal|contact|owner|lead|dri|poc|point person|go-to)\s*[.!]*$`,
    ),
  },
  // "Leila if it's about the payroll export itself"
  {
    name: 'if-about',
    pattern: rx(
      String.raw`${LEAD}${P}\s+if\s+(?:it'?s|it is|you need|you have questions|your question is)\s+(?:about|for|re|on|regarding|with)?\s*(?<y>.+)$`,
    ),
  },
  // "ping Ravi for anything deploys", "ask Lena about the Halden account"
  {
    name: 'ask',
    needs: 'pairing',
    pattern: rx(String.raw`${LEAD}${ASK}\s+${P}\s+(?:for|about|re|on|with|regarding)\s+(?<y>.+)$`),
  },
  // "Ines for anything database, me for the invoices"
  {
    name: 'pair',
    needs: 'pairing',
    pattern: rx(String.raw`${LEAD}${P}\s+(?:for|re|on)\s+(?<y>.+)$`),
  },
  // "Kofi is on the forum, I'm on chat + calls": who covers what, said as a list
  {
    name: 'covers',
    needs: 'pairing',
    pattern: rx(String.raw`${LEAD}${P}(?:'s|’s|'m|\s+is|\s+are|\s+am)\s+(?:now\s+)?on\s+(?<y>.+)$`),
  },
  // "tax rounding sits in the invoice service, so that's me"
  {
    name: 'that-is',
    antecedent: true,
    pattern: rx(
      String.raw`${LEAD}(?:that|this|it|which)(?:(?:'s|’s|\s+has)\s+always\s+been|'s|’s|\s+is|\s+would be|'d be|\s+will be|\s+falls to|\s+goes to|\s+lands on|\s+sits with)\s+${P}${WHEN}`,
    ),
  },
];

/**
 * The frame for a clause the classifier read as an ownership statement that no frame above fits:
 * "Ines does the import side with Norvik" — a person, one verb, the rest.
 */
export const CLASSIFIED_FRAME: OwnershipFrame = {
  name: 'classified',
  declarative: true,
  pattern: rx(
    String.raw`^${P}\s+(?!(?:was|is|has|says|thinks|knows|wants|needs|asks|moves|goes|joins|leaves|switches|comes|heads|steps|returns|gets|seems|looks|feels|sounds)\b)[\p{L}]+s\s+(?<y>.+)$`,
  ),
};
